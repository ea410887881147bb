package org.mandate.shared;

import org.springframework.http.HttpStatus;

/** 401: the action needs a logged-in user. */
public class NotAuthenticatedException extends ProblemException {

    public NotAuthenticatedException() {
        super(HttpStatus.UNAUTHORIZED, "error.notAuthenticated");
    }
}
