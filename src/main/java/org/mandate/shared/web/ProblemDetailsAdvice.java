package org.mandate.shared.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.mandate.shared.ProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Every API error becomes an RFC 9457 problem-details body with {@code status}, {@code title},
 * {@code detail} and, for bad input, {@code errors: [{field, message}]} in the caller's language.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    private final MessageSource messages;

    ProblemDetailsAdvice(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(ProblemException.class)
    ResponseEntity<ProblemDetail> problem(ProblemException e) {
        List<Map<String, String>> errors = e.fieldProblems().stream()
                .map(p -> field(p.field(), text(p.messageKey(), p.args())))
                .toList();
        return respond(e.status(), text(e.messageKey(), e.args()), errors);
    }

    @ExceptionHandler(DuplicateKeyException.class)
    ResponseEntity<ProblemDetail> duplicate(DuplicateKeyException e) {
        return respond(HttpStatus.CONFLICT, text("error.duplicate"), List.of());
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ResponseEntity<ProblemDetail> stale(OptimisticLockingFailureException e) {
        return respond(HttpStatus.CONFLICT, text("error.staleVersion.short"), List.of());
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> denied(AccessDeniedException e) {
        return respond(HttpStatus.FORBIDDEN, text("error.forbidden"), List.of());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
        return respond(
                HttpStatus.BAD_REQUEST,
                text("error.invalid"),
                List.of(field(e.getName(), text("error.badValue", String.valueOf(e.getValue())))));
    }

    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(
            MaxUploadSizeExceededException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return cast(respond(HttpStatus.CONTENT_TOO_LARGE, text("error.tooLarge"), List.of()));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        log.error("Unexpected error", e);
        return respond(HttpStatus.INTERNAL_SERVER_ERROR, text("error.unexpected"), List.of());
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = new ArrayList<>();
        e.getBindingResult()
                .getFieldErrors()
                .forEach(f -> errors.add(field(f.getField(), messages.getMessage(f, locale()))));
        e.getBindingResult()
                .getGlobalErrors()
                .forEach(g -> errors.add(field(g.getObjectName(), messages.getMessage(g, locale()))));
        return cast(respond(HttpStatus.BAD_REQUEST, text("error.invalid"), errors));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = new ArrayList<>();
        for (ParameterValidationResult r : e.getParameterValidationResults()) {
            String name = r.getMethodParameter().getParameterName();
            r.getResolvableErrors().forEach(err -> errors.add(field(name, messages.getMessage(err, locale()))));
        }
        return cast(respond(HttpStatus.BAD_REQUEST, text("error.invalid"), errors));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ProblemException pe) {
                // A body over its limit, seen while the converter read it.
                return cast(problem(pe));
            }
        }
        return cast(respond(HttpStatus.BAD_REQUEST, text("error.invalid"), List.of(unreadable(e.getCause()))));
    }

    /** The field a JSON body got wrong and what is wrong with it. */
    private Map<String, String> unreadable(Throwable cause) {
        String path = "body";
        if (cause instanceof JacksonException je && !je.getPath().isEmpty()) {
            path = je.getPath().stream()
                    .map(r -> r.getPropertyName() != null ? r.getPropertyName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining("."))
                    .replace(".[", "[");
        }
        if (cause instanceof StrictJson.BadValue bad) {
            return field(path, text(bad.key(), bad.args()));
        }
        if (cause instanceof UnrecognizedPropertyException) {
            return field(path, text("error.unknownField"));
        }
        if (cause instanceof StreamConstraintsException) {
            return field(path, text("error.tooDeep"));
        }
        if (cause instanceof MismatchedInputException mi && mi.getTargetType() != null) {
            Class<?> type = mi.getTargetType();
            if (type.isEnum()) {
                return field(
                        path,
                        text(
                                "error.enumName",
                                java.util.Arrays.stream(type.getEnumConstants())
                                        .map(c -> ((Enum<?>) c).name())
                                        .collect(Collectors.joining(", "))));
            }
            if (type == Integer.class || type == int.class) {
                return field(path, text("error.notWhole", Integer.MIN_VALUE, Integer.MAX_VALUE));
            }
            if (type == Long.class || type == long.class) {
                return field(path, text("error.notWhole", Long.MIN_VALUE, Long.MAX_VALUE));
            }
        }
        return field(path, text("error.unreadable"));
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(
            MissingServletRequestParameterException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return cast(respond(
                HttpStatus.BAD_REQUEST,
                text("error.invalid"),
                List.of(field(e.getParameterName(), text("error.required")))));
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestPart(
            MissingServletRequestPartException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return cast(respond(
                HttpStatus.BAD_REQUEST,
                text("error.invalid"),
                List.of(field(e.getRequestPartName(), text("error.required")))));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(
            HttpMediaTypeNotSupportedException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return cast(respond(HttpStatus.UNSUPPORTED_MEDIA_TYPE, text("error.mediaType"), List.of()));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotAcceptable(
            HttpMediaTypeNotAcceptableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return cast(respond(HttpStatus.NOT_ACCEPTABLE, text("error.notAcceptable"), List.of()));
    }

    /** The problem-details answer every API error gets: status, title, detail and the fields at fault. */
    /** The most field problems one answer lists. */
    static final int MAX_ERRORS = 500;

    static ResponseEntity<ProblemDetail> respond(
            HttpStatusCode status, String detail, List<Map<String, String>> errors) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
        body.setTitle(HttpStatus.valueOf(status.value()).getReasonPhrase());
        if (errors.size() > MAX_ERRORS) {
            // A bad 100,000-row import names its first problems and counts the rest: the answer stays small.
            body.setProperty("errors", errors.subList(0, MAX_ERRORS));
            body.setProperty("errorsOmitted", errors.size() - MAX_ERRORS);
        } else if (!errors.isEmpty()) {
            body.setProperty("errors", errors);
        }
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(body);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static ResponseEntity<Object> cast(ResponseEntity<ProblemDetail> r) {
        return (ResponseEntity) r;
    }

    private static Map<String, String> field(String field, String message) {
        return Map.of("field", field, "message", message);
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, key, locale());
    }

    private static Locale locale() {
        return LocaleContextHolder.getLocale();
    }
}
