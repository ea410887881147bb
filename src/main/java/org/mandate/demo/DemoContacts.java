package org.mandate.demo;

import java.util.Map;
import org.mandate.identity.AccountManagement;
import org.mandate.identity.User;
import org.mandate.notifications.NotificationCenter;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Every demo account gets an e-mail address ({@code username@example.org}) and a language for its
 * notifications, so that with a local SMTP server ({@code SPRING_MAIL_HOST}) the demo's reminders and
 * alerts arrive by e-mail as they would in production. Some accounts read English, French or Russian.
 */
@Component
@Profile("demo")
@Order(45)
class DemoContacts implements ApplicationRunner {

    private static final Map<String, String> LANGUAGES =
            Map.of("leader.caobang", "en", "expert", "fr", "reporter.moh", "ru");

    private final AccountManagement accounts;
    private final NotificationCenter notifications;

    DemoContacts(AccountManagement accounts, NotificationCenter notifications) {
        this.accounts = accounts;
        this.notifications = notifications;
    }

    @Override
    public void run(ApplicationArguments args) {
        for (User u : accounts.all(DemoCatalogue.LOADER)) {
            notifications.seedContact(
                    u.username(), u.username() + "@example.org", LANGUAGES.getOrDefault(u.username(), "vi"));
        }
    }
}
