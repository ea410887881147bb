package org.mandate.shared.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import tools.jackson.databind.json.JsonMapper;

/**
 * Errors the container sends itself on an API path ({@code sendError}: TRACE refused with 405, an exception
 * no advice handled) reach the error dispatch; there they are answered as problem details in the caller's
 * language instead of Spring Boot's plain JSON.
 */
@Configuration
class ApiErrorDispatch {

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> apiErrorDispatchFilter(
            MessageSource messages, LocaleResolver locales, JsonMapper json) {
        OncePerRequestFilter filter = new OncePerRequestFilter() {
            @Override
            protected boolean shouldNotFilterErrorDispatch() {
                return false;
            }

            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
                if (request.getDispatcherType() != DispatcherType.ERROR
                        || !(uri instanceof String path)
                        || !path.startsWith(request.getContextPath() + "/api/")
                        || response.isCommitted()) {
                    chain.doFilter(request, response);
                    return;
                }
                Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
                HttpStatus status = code instanceof Integer c && HttpStatus.resolve(c) != null
                        ? HttpStatus.resolve(c)
                        : HttpStatus.INTERNAL_SERVER_ERROR;
                String key = switch (status) {
                    case METHOD_NOT_ALLOWED -> "error.methodNotAllowed";
                    case CONTENT_TOO_LARGE -> "error.tooLarge";
                    default -> status.is5xxServerError() ? "error.unexpected" : "error.badRequest";
                };
                ProblemDetail body = ProblemDetail.forStatusAndDetail(
                        status, messages.getMessage(key, null, key, locales.resolveLocale(request)));
                body.setTitle(status.getReasonPhrase());
                body.setInstance(java.net.URI.create(path.replace(" ", "%20")));
                response.resetBuffer();
                response.setStatus(status.value());
                response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                response.setCharacterEncoding("UTF-8");
                json.writeValue(response.getOutputStream(), body);
            }
        };
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setDispatcherTypes(DispatcherType.ERROR);
        registration.addUrlPatterns("/*");
        registration.setName("apiErrorDispatch");
        return registration;
    }
}
