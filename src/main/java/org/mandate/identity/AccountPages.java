package org.mandate.identity;

import java.time.Instant;
import java.util.List;
import org.mandate.shared.Actor;
import org.springframework.stereotype.Component;

/** What the account pages show of a user's tokens (never the token itself). */
@Component
public class AccountPages {

    private final AccountManagement accounts;

    AccountPages(AccountManagement accounts) {
        this.accounts = accounts;
    }

    public record TokenView(long id, String name, Instant createdAt, boolean revoked) {}

    public List<TokenView> tokens(Actor actor) {
        return accounts.tokens(actor).stream()
                .map(t -> new TokenView(t.id(), t.name(), t.createdAt(), t.revoked()))
                .toList();
    }
}
