package org.mandate.identity;

import java.time.Duration;
import org.springframework.security.core.AuthenticationException;

/** Too many failed logins for this account or from this address: try again after {@link #retryAfter()}. */
class LoginThrottledException extends AuthenticationException {

    private final transient Duration retryAfter;

    LoginThrottledException(Duration retryAfter) {
        super("login throttled for " + retryAfter);
        this.retryAfter = retryAfter;
    }

    /** Whole seconds to wait, at least one. */
    long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }
}
