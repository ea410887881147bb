package org.mandate.shared;

import org.springframework.http.HttpStatus;

/** 404: the named thing does not exist (or is not visible to the caller). */
public class NotFoundException extends ProblemException {

    public NotFoundException(String what, Object id) {
        super(HttpStatus.NOT_FOUND, "error.notFound", what, id);
    }
}
