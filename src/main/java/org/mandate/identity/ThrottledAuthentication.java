package org.mandate.identity;

import java.util.Map;
import java.util.Optional;
import org.mandate.shared.AuditedChange;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * The one password check of form login and HTTP Basic, on both security chains: refuses while
 * {@link LoginThrottle} says the account or address is locked, counts failures, and writes failed and
 * refused attempts (and a success after failures) to the audit trail. Successes without earlier failures
 * are not audited: HTTP Basic authenticates every request.
 */
@Component
class ThrottledAuthentication implements AuthenticationProvider {

    private final DaoAuthenticationProvider passwords;
    private final LoginThrottle throttle;
    private final ApplicationEventPublisher events;

    ThrottledAuthentication(
            UserAccounts accounts, PasswordEncoder encoder, LoginThrottle throttle, ApplicationEventPublisher events) {
        this.passwords = new DaoAuthenticationProvider(accounts);
        this.passwords.setPasswordEncoder(encoder);
        this.throttle = throttle;
        this.events = events;
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String username = authentication.getName();
        String address =
                authentication.getDetails() instanceof WebAuthenticationDetails d ? d.getRemoteAddress() : null;
        Optional<java.time.Duration> locked = throttle.lockedFor(username, address);
        if (locked.isPresent()) {
            LoginThrottledException refused = new LoginThrottledException(locked.get());
            if (throttle.firstRefusal(username, address)) {
                audit(username, "login-throttled", address, refused.retryAfterSeconds());
            }
            throw refused;
        }
        try {
            Authentication result = passwords.authenticate(authentication);
            if (throttle.succeeded(username)) {
                audit(username, "login-succeeded", address, null);
            }
            return result;
        } catch (BadCredentialsException | DisabledException e) {
            throttle.failed(username, address);
            audit(username, "login-failed", address, null);
            throw e;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private void audit(String username, String action, String address, Long retryAfterSeconds) {
        String id = username == null ? "" : username.length() > 100 ? username.substring(0, 100) : username;
        Map<String, Object> after = retryAfterSeconds == null
                ? Map.of("address", String.valueOf(address))
                : Map.of("address", String.valueOf(address), "retryAfterSeconds", retryAfterSeconds);
        events.publishEvent(new AuditedChange("login", id, action, null, after));
    }
}
