package org.mandate.shared;

import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * A failure the client caused, turned into an RFC 9457 problem-details response (API) or a readable
 * message (pages). The message is a key of the message bundles so that it speaks the user's language.
 */
public class ProblemException extends RuntimeException {

    private final HttpStatus status;
    private final String messageKey;
    private final transient Object[] args;
    private final List<FieldProblem> fieldProblems;

    public ProblemException(HttpStatus status, String messageKey, Object... args) {
        this(status, List.of(), messageKey, args);
    }

    public ProblemException(HttpStatus status, List<FieldProblem> fieldProblems, String messageKey, Object... args) {
        super(messageKey);
        this.status = status;
        this.messageKey = messageKey;
        this.args = args;
        this.fieldProblems = List.copyOf(fieldProblems);
    }

    public HttpStatus status() {
        return status;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] args() {
        return args;
    }

    public List<FieldProblem> fieldProblems() {
        return fieldProblems;
    }

    /** One field's problem; the message is a bundle key with arguments. */
    public record FieldProblem(String field, String messageKey, Object... args) {}
}
