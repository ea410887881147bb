package org.mandate.tasks.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mandate.shared.InvalidInputException;
import org.mandate.shared.LocalizedInput;
import org.mandate.shared.ProblemException.FieldProblem;

/** Typed values of a submitted form or spreadsheet row; a bad value becomes a problem naming the field. */
final class FormValues {

    private final Map<String, String> values;
    private final String prefix;
    private final List<FieldProblem> problems;

    FormValues(Map<String, String> values, String prefix, List<FieldProblem> problems) {
        this.values = values;
        this.prefix = prefix;
        this.problems = problems;
    }

    static FormValues of(Map<String, String> values) {
        return new FormValues(values, "", new ArrayList<>());
    }

    void throwIfAny() {
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    String text(String col) {
        String v = values.get(col);
        return v == null || v.isBlank() ? null : v.trim();
    }

    List<String> list(String col) {
        String v = text(col);
        return v == null
                ? null
                : Arrays.stream(v.split("[;,\\s]+"))
                        .map(String::trim)
                        .filter(s -> !s.isEmpty())
                        .toList();
    }

    /** A list of task ids separated by commas, semicolons or spaces (empty when blank). */
    List<Long> ids(String col) {
        List<Long> ids = new ArrayList<>();
        List<String> parts = list(col);
        if (parts != null) {
            for (String p : parts) {
                try {
                    ids.add(Long.parseLong(p));
                } catch (NumberFormatException e) {
                    problems.add(new FieldProblem(prefix + col, "error.badValue", p));
                }
            }
        }
        return ids;
    }

    LocalDate date(String col) {
        String v = text(col);
        if (v == null) {
            return null;
        }
        try {
            // 2026-12-31 or, as people write it, 31/12/2026.
            return LocalizedInput.date(v);
        } catch (LocalizedInput.Refused e) {
            problems.add(new FieldProblem(prefix + col, e.messageKey(), e.args()));
            return null;
        }
    }

    Long number(String col) {
        String v = text(col);
        if (v == null) {
            return null;
        }
        try {
            return Long.parseLong(
                    v.replace(" ", "").replace("_", "").replace(".", "").replace(",", ""));
        } catch (NumberFormatException e) {
            problems.add(new FieldProblem(prefix + col, "error.badValue", v));
            return null;
        }
    }

    Integer integer(String col) {
        Long n = number(col);
        return n == null ? null : n.intValue();
    }

    <E extends Enum<E>> E enumValue(String col, Class<E> type) {
        String v = text(col);
        if (v == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, v.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem(prefix + col, "error.badValue", v));
            return null;
        }
    }
}
