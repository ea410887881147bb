package org.mandate.shared;

import java.util.List;
import org.springframework.http.HttpStatus;

/** 400: the input names a field that is wrong. */
public class InvalidInputException extends ProblemException {

    public InvalidInputException(String field, String messageKey, Object... args) {
        this(List.of(new FieldProblem(field, messageKey, args)));
    }

    public InvalidInputException(List<FieldProblem> problems) {
        super(HttpStatus.BAD_REQUEST, problems, "error.invalid");
    }
}
