package org.mandate.shared;

import java.util.List;
import org.mandate.shared.ProblemException.FieldProblem;

/** Length checks that turn an over-long text into a 400 naming the field, before the database sees it. */
public final class Checks {

    private Checks() {}

    public static void maxLength(List<FieldProblem> problems, String field, String value, int max) {
        if (value != null && value.length() > max) {
            problems.add(new FieldProblem(field, "error.tooLong", max));
        } else if (!isPlainText(value)) {
            problems.add(new FieldProblem(field, "error.badText"));
        }
    }

    /**
     * True unless the text holds a NUL (PostgreSQL refuses it) or another control character than tab, line
     * feed and carriage return, or a lone half of a surrogate pair (not a character at all).
     */
    public static boolean isPlainText(String value) {
        if (value == null) {
            return true;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                return false;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= value.length() || !Character.isLowSurrogate(value.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
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
