package org.mandate.demo;

import org.mandate.feedback.FeedbackManagement;
import org.mandate.feedback.FeedbackManagement.NewFeedback;
import org.mandate.feedback.RespondentType;
import org.mandate.identity.AccountManagement;
import org.mandate.identity.AccountManagement.NewAccount;
import org.mandate.shared.Role;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo moderator ({@code moderator}, password {@code demo}) and a few sample ratings and comments, some
 * waiting for moderation. Runs once: skipped when the moderator exists.
 */
@Component
@Profile("demo")
@Order(40)
class DemoFeedback implements ApplicationRunner {

    private final AccountManagement accounts;
    private final FeedbackManagement feedback;
    private final TransactionTemplate tx;

    DemoFeedback(AccountManagement accounts, FeedbackManagement feedback, TransactionTemplate tx) {
        this.accounts = accounts;
        this.feedback = feedback;
        this.tx = tx;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (accounts.find("moderator").isPresent()) {
            return;
        }
        tx.executeWithoutResult(status -> {
            accounts.seed(
                    DemoCatalogue.LOADER,
                    new NewAccount("moderator", "demo", "Người kiểm duyệt bình luận (demo)", Role.MODERATOR, "TW"));
            rate("unit:CAOBANG", 4, RespondentType.CITIZEN, "(Dữ liệu mẫu) Thủ tục cấp phép nhanh hơn trước.", 1);
            rate(
                    "unit:CAOBANG",
                    3,
                    RespondentType.BUSINESS,
                    "(Dữ liệu mẫu) Cần công khai tiến độ giải phóng mặt bằng.",
                    2);
            rate("unit:CAOBANG", 5, RespondentType.CITIZEN, null, 3);
            rate(
                    "resolution:70-nq-tw",
                    4,
                    RespondentType.BUSINESS,
                    "(Sample data) Grid connection still takes too long.",
                    4);
            rate("resolution:72-nq-tw", 5, RespondentType.CITIZEN, null, 5);
        });
    }

    private void rate(String target, int rating, RespondentType type, String comment, int client) {
        feedback.submit(new NewFeedback(target, rating, comment, type, null, "demo-sample-client-" + client));
    }
}
