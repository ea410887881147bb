package org.mandate.identity;

import org.mandate.identity.AccountManagement.NewAccount;
import org.mandate.shared.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Outside the demo there is no default password: the first admin comes from configuration
 * ({@code mandate.admin.username} and {@code mandate.admin.password}) and only while no account exists.
 */
@Component
@Order(0)
class FirstAdmin implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstAdmin.class);

    private final AccountManagement accounts;
    private final String username;
    private final String password;

    FirstAdmin(
            AccountManagement accounts,
            @Value("${mandate.admin.username:}") String username,
            @Value("${mandate.admin.password:}") String password) {
        this.accounts = accounts;
        this.username = username;
        this.password = password;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (username.isBlank() || password.isBlank()) {
            if (accounts.count() == 0) {
                log.warn(
                        "No account exists: set mandate.admin.username and mandate.admin.password to create the first admin");
            }
            return;
        }
        if (accounts.find(username).isEmpty()) {
            accounts.create(null, new NewAccount(username, password, "Administrator", Role.ADMIN, null));
            log.info("Created the first admin account '{}' from configuration", username);
        }
    }
}
