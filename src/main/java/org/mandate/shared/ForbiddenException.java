package org.mandate.shared;

import org.springframework.http.HttpStatus;

/** 403: the actor's role or org-unit scope does not allow this. */
public class ForbiddenException extends ProblemException {

    public ForbiddenException(String messageKey, Object... args) {
        super(HttpStatus.FORBIDDEN, messageKey, args);
    }
}
