package org.mandate.shared;

import java.util.Arrays;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The person (or system) acting: a user name, a role and the org unit whose subtree bounds what they
 * may change. Admins have no scope limit.
 */
public record Actor(String username, Role role, String scopeUnit) {

    /** Implemented by the security principal so that modules can read the actor without the identity module. */
    public interface Holder {
        Actor actor();
    }

    public static Optional<Actor> current() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof Holder holder) {
            return Optional.of(holder.actor());
        }
        return Optional.empty();
    }

    /** The acting user, or a 401 when nobody is logged in. */
    public static Actor require() {
        return current().orElseThrow(NotAuthenticatedException::new);
    }

    /** The name written in the audit trail: the user, or "system" for scheduled jobs. */
    public static String currentName() {
        return current().map(Actor::username).orElse("system");
    }

    public boolean is(Role... roles) {
        return Arrays.asList(roles).contains(role);
    }

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }
}
