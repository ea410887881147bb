package org.mandate.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Problem details for API requests that never reach a controller: an unknown path, a method the path does
 * not take, a body type no handler consumes. {@link ProblemDetailsAdvice} only sees requests a REST
 * controller was chosen for; pages keep their own error page, so anything outside {@code /api/} is passed
 * on unchanged.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class ApiFallbackAdvice {

    private final MessageSource messages;

    ApiFallbackAdvice(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler({NoHandlerFoundException.class, NoResourceFoundException.class})
    ResponseEntity<ProblemDetail> unknownPath(Exception e, HttpServletRequest request) throws Exception {
        if (!isApi(request)) {
            throw e;
        }
        return respond(HttpStatus.NOT_FOUND, "error.noSuchPath");
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ProblemDetail> wrongMethod(HttpRequestMethodNotSupportedException e, HttpServletRequest request)
            throws HttpRequestMethodNotSupportedException {
        if (!isApi(request)) {
            throw e;
        }
        ResponseEntity<ProblemDetail> problem = respond(HttpStatus.METHOD_NOT_ALLOWED, "error.methodNotAllowed");
        return ResponseEntity.status(problem.getStatusCode())
                .headers(e.getHeaders())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem.getBody());
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ProblemDetail> wrongBodyType(HttpMediaTypeNotSupportedException e, HttpServletRequest request)
            throws HttpMediaTypeNotSupportedException {
        if (!isApi(request)) {
            throw e;
        }
        return respond(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "error.mediaType");
    }

    /**
     * A multipart body over the limit fails while the request is prepared, before a controller is chosen,
     * so only this advice sees it.
     */
    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ProblemDetail> tooLarge(MaxUploadSizeExceededException e, HttpServletRequest request)
            throws MaxUploadSizeExceededException {
        if (!isApi(request)) {
            throw e;
        }
        return respond(HttpStatus.CONTENT_TOO_LARGE, "error.tooLarge");
    }

    /** A body that went past its limit while it was read ({@link ApiRequestGuard}). */
    @ExceptionHandler(ApiRequestGuard.BodyTooLarge.class)
    ResponseEntity<ProblemDetail> bodyTooLarge(ApiRequestGuard.BodyTooLarge e, HttpServletRequest request) {
        return ProblemDetailsAdvice.respond(
                HttpStatus.CONTENT_TOO_LARGE,
                messages.getMessage(e.messageKey(), e.args(), e.messageKey(), LocaleContextHolder.getLocale()),
                List.of());
    }

    private static boolean isApi(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }

    private ResponseEntity<ProblemDetail> respond(HttpStatus status, String key) {
        return ProblemDetailsAdvice.respond(
                status, messages.getMessage(key, null, key, LocaleContextHolder.getLocale()), List.of());
    }
}
