package org.mandate.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code Authorization: Bearer <token>} with a personal API token, for other systems and scripts. An
 * unknown, revoked or expired token is a 401; a READ token may only read (any other method is a 403); wrong
 * tokens count against the client address in the {@link LoginThrottle} like wrong passwords.
 */
class ApiTokenFilter extends OncePerRequestFilter {

    private static final Set<String> READ_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    private final AccountManagement accounts;
    private final LoginThrottle throttle;
    private final AuthenticationEntryPoint entryPoint;
    private final AccessDeniedHandler denied;

    ApiTokenFilter(
            AccountManagement accounts,
            LoginThrottle throttle,
            AuthenticationEntryPoint entryPoint,
            AccessDeniedHandler denied) {
        this.accounts = accounts;
        this.throttle = throttle;
        this.entryPoint = entryPoint;
        this.denied = denied;
    }

    /** The authentication of a request made with an API token. */
    static final class ApiTokenAuthentication extends AbstractAuthenticationToken {
        private final MandatePrincipal principal;
        private final TokenScope scope;

        ApiTokenAuthentication(MandatePrincipal principal, TokenScope scope) {
            super(principal.getAuthorities());
            this.principal = principal;
            this.scope = scope;
            setAuthenticated(true);
        }

        @Override
        public Object getCredentials() {
            return null;
        }

        @Override
        public Object getPrincipal() {
            return principal;
        }

        TokenScope scope() {
            return scope;
        }
    }

    /** True when the current request was authenticated by an API token (not by a password). */
    static boolean isTokenAuthenticated() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth instanceof ApiTokenAuthentication;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            String address = request.getRemoteAddr();
            Optional<Duration> locked = throttle.lockedFor(null, address);
            if (locked.isPresent()) {
                SecurityContextHolder.clearContext();
                entryPoint.commence(request, response, new LoginThrottledException(locked.get()));
                return;
            }
            AccountManagement.TokenCheck check =
                    accounts.byToken(header.substring(7).trim());
            if (check instanceof AccountManagement.TokenCheck.Refused refused) {
                throttle.failed(null, address);
                SecurityContextHolder.clearContext();
                entryPoint.commence(request, response, new BadCredentialsException("token " + refused.reason()));
                return;
            }
            AccountManagement.TokenCheck.Valid valid = (AccountManagement.TokenCheck.Valid) check;
            if (valid.scope() == TokenScope.READ && !READ_METHODS.contains(request.getMethod())) {
                denied.handle(request, response, new AccessDeniedException("read-only token"));
                return;
            }
            SecurityContextHolder.getContext()
                    .setAuthentication(new ApiTokenAuthentication(valid.principal(), valid.scope()));
        }
        chain.doFilter(request, response);
    }
}
