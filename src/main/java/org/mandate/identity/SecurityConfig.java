package org.mandate.identity;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.firewall.HttpStatusRequestRejectedHandler;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two doors: the API ({@code /api/**}) is stateless with HTTP Basic or a bearer API token and answers
 * with problem details; the pages use form login with CSRF protection. Public reading needs no login.
 * Passwords are checked by {@link ThrottledAuthentication} on both doors (429 while throttled); a page
 * session ends when its account's credentials change ({@link SessionStandingFilter}).
 */
@Configuration
@EnableMethodSecurity
class SecurityConfig {

    /** Pages anyone may read without logging in. */
    static final String[] PUBLIC_PAGES = {
        "/",
        "/resolutions/**",
        "/org-units/**",
        "/public/**",
        "/login",
        "/error",
        "/webjars/**",
        "/css/**",
        "/js/**",
        "/img/**",
        "/favicon.ico",
        "/actuator/health/**",
        "/v3/api-docs/**",
        "/swagger-ui/**",
        "/swagger-ui.html"
    };

    @Bean
    PasswordEncoder passwordEncoder() {
        // New hashes pre-hash with SHA-256 (no 72-byte cut); hashes stored as plain {bcrypt} still match.
        return new DelegatingPasswordEncoder(
                PrehashedBCrypt.ID,
                Map.of(PrehashedBCrypt.ID, new PrehashedBCrypt(), "bcrypt", new PrehashedBCrypt.LegacyBCrypt()));
    }

    /**
     * The published site: frozen bytes anyone may read (only GET handlers exist there). No session, no CSRF token, no saved
     * request: the lightest chain, since millions of readers hit it (the feedback forms under /public/feedback
     * stay on the page chain with CSRF).
     */
    @Bean
    @Order(0)
    SecurityFilterChain publishedSite(HttpSecurity http) throws Exception {
        http.securityMatcher(
                        "/public/vi/**",
                        "/public/en/**",
                        "/public/fr/**",
                        "/public/ru/**",
                        "/public/p/**",
                        "/public/assets/**",
                        "/public/data/**")
                .authorizeHttpRequests(a -> a.anyRequest().permitAll())
                .csrf(c -> c.disable())
                .requestCache(r -> r.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        return http.build();
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(
            HttpSecurity http,
            AccountManagement accounts,
            LoginThrottle throttle,
            MessageSource messages,
            JsonMapper json)
            throws Exception {
        AuthenticationEntryPoint entryPoint = (request, response, e) -> {
            if (e instanceof LoginThrottledException throttled) {
                writeThrottled(response, throttled, messages, json);
                return;
            }
            response.setHeader("WWW-Authenticate", "Basic realm=\"Mandate\"");
            writeProblem(response, HttpStatus.UNAUTHORIZED, messages, "error.notAuthenticated", json);
        };
        AccessDeniedHandler denied = (request, response, e) -> writeProblem(
                response,
                HttpStatus.FORBIDDEN,
                messages,
                "read-only token".equals(e.getMessage()) ? "error.tokens.readOnly" : "error.forbidden",
                json);
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(a -> a.requestMatchers("/api/v1/public/**")
                        .permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/v1/org-units/**", "/api/v1/resolutions/**")
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                .httpBasic(b -> b.authenticationEntryPoint(entryPoint))
                .exceptionHandling(e -> e.authenticationEntryPoint(entryPoint).accessDeniedHandler(denied))
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterBefore(
                        new ApiTokenFilter(accounts, throttle, entryPoint, denied), BasicAuthenticationFilter.class);
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain pages(HttpSecurity http, AccountManagement accounts, MessageSource messages, JsonMapper json)
            throws Exception {
        BasicAuthenticationEntryPoint basic = new BasicAuthenticationEntryPoint();
        basic.setRealmName("Mandate");
        basic.afterPropertiesSet();
        AuthenticationEntryPoint basicOrThrottled = (request, response, e) -> {
            if (e instanceof LoginThrottledException throttled) {
                writeThrottled(response, throttled, messages, json);
            } else {
                basic.commence(request, response, e);
            }
        };
        AuthenticationFailureHandler failure = (request, response, e) -> response.sendRedirect(
                e instanceof LoginThrottledException t
                        ? request.getContextPath() + "/login?throttled=" + t.retryAfterSeconds()
                        : request.getContextPath() + "/login?error");
        // Every redirect is relative (with server.tomcat.use-relative-redirects): none is built from the Host header.
        LoginUrlAuthenticationEntryPoint toLogin = new LoginUrlAuthenticationEntryPoint("/login");
        toLogin.setFavorRelativeUris(true);
        HttpSessionRequestCache requests = new HttpSessionRequestCache();
        AuthenticationSuccessHandler success = (request, response, authentication) -> {
            SavedRequest saved = requests.getRequest(request, response);
            String target = request.getContextPath() + "/";
            if (saved != null) {
                target = pathAndQuery(saved.getRedirectUrl(), target);
                requests.removeRequest(request, response);
            }
            response.sendRedirect(target);
        };
        http.authorizeHttpRequests(a -> a.requestMatchers(PUBLIC_PAGES)
                        .permitAll()
                        .requestMatchers("/admin/**", "/actuator/**")
                        .hasRole("ADMIN")
                        .anyRequest()
                        .authenticated())
                .requestCache(r -> r.requestCache(requests))
                .exceptionHandling(e -> e.authenticationEntryPoint(toLogin))
                .formLogin(f -> f.loginPage("/login")
                        .successHandler(success)
                        .failureHandler(failure)
                        .permitAll())
                .logout(l -> l.logoutSuccessUrl("/").permitAll())
                .httpBasic(b -> b.authenticationEntryPoint(basicOrThrottled))
                .addFilterBefore(new SessionStandingFilter(accounts), AnonymousAuthenticationFilter.class);
        return http.build();
    }

    /**
     * The firewall's refusals (a {@code ;}, {@code //}, {@code ..} or an encoded separator in the path, an
     * unknown method) as problem details on the API, in the caller's language; pages keep a plain 400.
     */
    @Bean
    RequestRejectedHandler requestRejectedHandler(
            MessageSource messages, JsonMapper json, org.springframework.web.servlet.LocaleResolver locales) {
        RequestRejectedHandler pages = new HttpStatusRequestRejectedHandler();
        return (request, response, e) -> {
            if (!request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
                pages.handle(request, response, e);
                return;
            }
            java.util.Locale previous = LocaleContextHolder.getLocale();
            // The same language choice as every other answer (Accept-Language on the API, Vietnamese by default).
            LocaleContextHolder.setLocale(locales.resolveLocale(request));
            try {
                boolean method = e.getMessage() != null && e.getMessage().contains("method");
                writeProblem(
                        response,
                        HttpStatus.BAD_REQUEST,
                        messages,
                        method ? "error.badRequest" : "error.badPath",
                        json);
            } finally {
                LocaleContextHolder.setLocale(previous);
            }
        };
    }

    /** The path and query of a URL, never its host: {@code //x} cannot become a redirect to another site. */
    static String pathAndQuery(String url, String fallback) {
        try {
            java.net.URI uri = java.net.URI.create(url);
            String path = uri.getRawPath();
            if (path == null || path.isEmpty()) {
                return fallback;
            }
            path = "/" + path.replaceFirst("^/+", "");
            return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
        } catch (IllegalArgumentException e) {
            return fallback;
        }
    }

    private static void writeThrottled(
            HttpServletResponse response, LoginThrottledException e, MessageSource messages, JsonMapper json)
            throws IOException {
        long seconds = e.retryAfterSeconds();
        response.setHeader("Retry-After", String.valueOf(seconds));
        ProblemDetail body = ProblemDetail.forStatusAndDetail(
                HttpStatus.TOO_MANY_REQUESTS,
                messages.getMessage(
                        "error.login.throttled",
                        new Object[] {seconds},
                        "error.login.throttled",
                        LocaleContextHolder.getLocale()));
        body.setTitle(HttpStatus.TOO_MANY_REQUESTS.getReasonPhrase());
        body.setProperty("retryAfterSeconds", seconds);
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), body);
    }

    private static void writeProblem(
            HttpServletResponse response, HttpStatus status, MessageSource messages, String key, JsonMapper json)
            throws IOException {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(
                status, messages.getMessage(key, null, key, LocaleContextHolder.getLocale()));
        body.setTitle(status.getReasonPhrase());
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), body);
    }
}
