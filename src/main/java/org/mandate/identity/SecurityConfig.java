package org.mandate.identity;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
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
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two doors: the API ({@code /api/**}) is stateless with HTTP Basic or a bearer API token and answers
 * with problem details; the pages use form login with CSRF protection. Public reading needs no login.
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
        // Delegating encoder: bcrypt today, upgradeable later without invalidating stored hashes.
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
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
    SecurityFilterChain api(HttpSecurity http, AccountManagement accounts, MessageSource messages, JsonMapper json)
            throws Exception {
        AuthenticationEntryPoint entryPoint = (request, response, e) -> {
            response.setHeader("WWW-Authenticate", "Basic realm=\"Mandate\"");
            writeProblem(response, HttpStatus.UNAUTHORIZED, messages, "error.notAuthenticated", json);
        };
        AccessDeniedHandler denied = (request, response, e) ->
                writeProblem(response, HttpStatus.FORBIDDEN, messages, "error.forbidden", json);
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
                .addFilterBefore(new ApiTokenFilter(accounts, entryPoint), BasicAuthenticationFilter.class);
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain pages(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(a -> a.requestMatchers(PUBLIC_PAGES)
                        .permitAll()
                        .requestMatchers("/admin/**", "/actuator/**")
                        .hasRole("ADMIN")
                        .anyRequest()
                        .authenticated())
                .formLogin(
                        f -> f.loginPage("/login").defaultSuccessUrl("/", false).permitAll())
                .logout(l -> l.logoutSuccessUrl("/").permitAll())
                .httpBasic(b -> {});
        return http.build();
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
