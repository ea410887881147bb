package org.mandate.feedback;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A thing in another module, written {@code TYPE:REF}: {@code resolution:70-nq-tw}, {@code unit:CAOBANG},
 * {@code task:123}, {@code solution-group:70-S03}. Parsing checks only the shape; {@link Targets} checks
 * that the thing exists.
 */
public record Target(TargetType type, String ref) {

    private static final Pattern REF = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");

    /** The target of a well-formed text, or empty. */
    public static Optional<Target> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        int colon = text.indexOf(':');
        if (colon < 1) {
            return Optional.empty();
        }
        String ref = text.substring(colon + 1);
        if (!REF.matcher(ref).matches()) {
            return Optional.empty();
        }
        return TargetType.ofPrefix(text.substring(0, colon)).map(t -> new Target(t, ref));
    }

    /** The {@code TYPE:REF} form. */
    public String key() {
        return type.prefix() + ":" + ref;
    }

    @Override
    public String toString() {
        return key();
    }
}
