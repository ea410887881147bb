package org.mandate.feedback;

import java.util.Arrays;
import java.util.Optional;

/** What a rating, comment or appraisal is about; written as the prefix of a target ({@code unit:CAOBANG}). */
public enum TargetType {
    RESOLUTION("resolution"),
    UNIT("unit"),
    TASK("task"),
    SOLUTION_GROUP("solution-group");

    private final String prefix;

    TargetType(String prefix) {
        this.prefix = prefix;
    }

    public String prefix() {
        return prefix;
    }

    public static Optional<TargetType> ofPrefix(String prefix) {
        return Arrays.stream(values()).filter(t -> t.prefix.equals(prefix)).findFirst();
    }
}
