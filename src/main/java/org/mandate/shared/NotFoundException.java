package org.mandate.shared;

import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.http.HttpStatus;

/**
 * 404: the named thing does not exist (or is not visible to the caller). The kind of thing is said in the
 * reader's language ({@code entity.<what>}, the code itself when there is no such key) and the id as it was
 * given: task "10193", never "10.193".
 */
public class NotFoundException extends ProblemException {

    public NotFoundException(String what, Object id) {
        super(
                HttpStatus.NOT_FOUND,
                "error.notFound",
                new DefaultMessageSourceResolvable(new String[] {"entity." + what}, what),
                String.valueOf(id));
    }
}
