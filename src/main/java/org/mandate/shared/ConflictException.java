package org.mandate.shared;

import org.springframework.http.HttpStatus;

/** 409: a stale version, a duplicate code, or a state that does not allow the change. */
public class ConflictException extends ProblemException {

    public ConflictException(String messageKey, Object... args) {
        super(HttpStatus.CONFLICT, messageKey, args);
    }

    public static ConflictException staleVersion(long expected, long actual) {
        return new ConflictException("error.staleVersion", expected, actual);
    }
}
