package org.mandate.demo;

import java.time.LocalDate;
import java.util.List;
import org.mandate.identity.AccountManagement;
import org.mandate.identity.AccountManagement.NewAccount;
import org.mandate.reviews.Appraisal;
import org.mandate.reviews.AppraisalManagement;
import org.mandate.reviews.AppraisalManagement.AppraisalReport;
import org.mandate.reviews.AppraisalManagement.NewInvitation;
import org.mandate.reviews.Supervision;
import org.mandate.reviews.SupervisionManagement;
import org.mandate.reviews.SupervisionManagement.Conclusion;
import org.mandate.reviews.SupervisionManagement.NewProgramme;
import org.mandate.shared.Actor;
import org.mandate.shared.Role;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo accounts for independent review ({@code supervisor.mttq}: the Vietnam Fatherland Front, scoped to
 * TW; {@code expert.energy}: a second independent expert) and sample appraisals and a sample supervision
 * programme. Runs once: skipped when {@code supervisor.mttq} exists.
 */
@Component
@Profile("demo")
@Order(41)
class DemoReviews implements ApplicationRunner {

    private final AccountManagement accounts;
    private final AppraisalManagement appraisals;
    private final SupervisionManagement supervisions;
    private final TransactionTemplate tx;

    DemoReviews(
            AccountManagement accounts,
            AppraisalManagement appraisals,
            SupervisionManagement supervisions,
            TransactionTemplate tx) {
        this.accounts = accounts;
        this.appraisals = appraisals;
        this.supervisions = supervisions;
        this.tx = tx;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (accounts.find("supervisor.mttq").isPresent()) {
            return;
        }
        tx.executeWithoutResult(status -> {
            account("supervisor.mttq", "Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam (demo)", Role.SUPERVISOR);
            account("expert.energy", "Chuyên gia năng lượng độc lập (demo)", Role.EXPERT);
            LocalDate today = LocalDate.now();
            Appraisal done = appraisals.invite(
                    DemoCatalogue.LOADER,
                    new NewInvitation(
                            "solution-group:70-S02",
                            "expert",
                            "BCT",
                            today.minusDays(10),
                            "(Sample data) Appraise the transmission and storage investment plan."));
            appraisals.submit(
                    new Actor("expert", Role.EXPERT, "TW"),
                    done.id(),
                    new AppraisalReport(
                            5,
                            3,
                            4,
                            3,
                            "(Dữ liệu mẫu) Nhóm giải pháp phù hợp; tiến độ các dự án lưới 500 kV chậm so với kế hoạch.",
                            "(Dữ liệu mẫu) Công bố tiến độ từng dự án hằng tháng.",
                            null));
            appraisals.invite(
                    DemoCatalogue.LOADER,
                    new NewInvitation(
                            "solution-group:72-S03",
                            "expert.energy",
                            "BYT",
                            today.plusDays(20),
                            "(Sample data) Appraise the grassroots health network plan."));
            Supervision programme = supervisions.create(
                    new Actor("supervisor.mttq", Role.SUPERVISOR, "TW"),
                    new NewProgramme(
                            "(Dữ liệu mẫu) Giám sát việc thực hiện Nghị quyết 72 tại cơ sở",
                            List.of("CAOBANG", "CAOBANG-SYT"),
                            today.minusMonths(2),
                            today.minusDays(5)));
            supervisions.conclude(
                    new Actor("supervisor.mttq", Role.SUPERVISOR, "TW"),
                    programme.id(),
                    new Conclusion(
                            "(Dữ liệu mẫu) Trạm y tế xã thiếu bác sĩ; người dân chưa được thông tin đầy đủ.",
                            "(Dữ liệu mẫu) Bổ sung nhân lực và công khai danh mục dịch vụ.",
                            null));
        });
    }

    private void account(String username, String displayName, Role role) {
        accounts.seed(DemoCatalogue.LOADER, new NewAccount(username, "demo", displayName, role, "TW"));
    }
}
