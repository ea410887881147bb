package org.mandate.shared;

import java.util.List;
import org.mandate.shared.ProblemException.FieldProblem;

/** Length checks that turn an over-long text into a 400 naming the field, before the database sees it. */
public final class Checks {

    private Checks() {}

    public static void maxLength(List<FieldProblem> problems, String field, String value, int max) {
        if (value != null && value.length() > max) {
            problems.add(new FieldProblem(field, "error.tooLong", max));
        }
    }

    public static void maxLength(List<FieldProblem> problems, String field, LocalizedText text, int max) {
        if (text != null) {
            maxLength(problems, field + ".vi", text.vi(), max);
            maxLength(problems, field + ".en", text.en(), max);
            maxLength(problems, field + ".fr", text.fr(), max);
            maxLength(problems, field + ".ru", text.ru(), max);
        }
    }

    public static void throwIfAny(List<FieldProblem> problems) {
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }
}
