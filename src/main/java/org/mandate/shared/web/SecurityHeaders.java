package org.mandate.shared.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The browser-side protections on every response, the published site's fast path included (this filter
 * runs first of all): a Content-Security-Policy that allows scripts from the application only (no inline
 * script, no eval; styles may be inline, for the charts' and tiles' style attributes), Referrer-Policy,
 * Permissions-Policy, nosniff, no framing, and HSTS on requests that arrived over TLS (behind a proxy: set
 * {@code server.forward-headers-strategy} so that the proxy's scheme is believed).
 */
class SecurityHeaders extends OncePerRequestFilter {

    static final String DEFAULT_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'none'";

    static final String PERMISSIONS =
            "camera=(), microphone=(), geolocation=(), payment=(), usb=(), " + "interest-cohort=(), browsing-topics=()";

    private final String policy;
    private final String hsts;

    SecurityHeaders(String policy, String hsts) {
        this.policy = policy;
        this.hsts = hsts;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!policy.isBlank()) {
            response.setHeader("Content-Security-Policy", policy);
        }
        response.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
        response.setHeader("Permissions-Policy", PERMISSIONS);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        if (request.isSecure() && !hsts.isBlank()) {
            response.setHeader("Strict-Transport-Security", hsts);
        }
        chain.doFilter(request, response);
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    @Configuration(proxyBeanMethods = false)
    static class Registration {

        @Bean
        FilterRegistrationBean<SecurityHeaders> securityHeaders(
                @Value("${mandate.security.content-security-policy:" + DEFAULT_POLICY + "}") String policy,
                @Value("${mandate.security.hsts:max-age=31536000; includeSubDomains}") String hsts) {
            FilterRegistrationBean<SecurityHeaders> registration =
                    new FilterRegistrationBean<>(new SecurityHeaders(policy, hsts));
            registration.addUrlPatterns("/*");
            // First of all, ahead of the published site's fast path (next after it), which answers without going on.
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
            return registration;
        }
    }
}
