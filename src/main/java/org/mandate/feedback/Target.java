package org.mandate.feedback;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A thing in another module, written {@code TYPE:REF}: {@code resolution:70-nq-tw}, {@code unit:CAOBANG},
 * {@code task:123}, {@code solution-group:70-nq-tw/G1}. A solution group's code is unique within its
 * resolution only, so its reference names the resolution; the bare {@code solution-group:70-S03} stays accepted
 * while one resolution alone has that code. Parsing checks only the shape; {@link Targets} checks that the thing
 * exists.
 */
public record Target(TargetType type, String ref) {

    private static final Pattern REF = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");
    private static final Pattern GROUP_REF =
            Pattern.compile("([a-z0-9][a-z0-9-]{0,63}/)?[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");

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
        if (ref.length() > 64) {
            return Optional.empty();
        }
        return TargetType.ofPrefix(text.substring(0, colon))
                .filter(t -> (t == TargetType.SOLUTION_GROUP ? GROUP_REF : REF)
                        .matcher(ref)
                        .matches())
                .map(t -> new Target(t, ref));
    }

    /** For a solution group: the resolution slug its reference names, or null for a bare code. */
    public String groupResolution() {
        int slash = ref.indexOf('/');
        return slash > 0 ? ref.substring(0, slash) : null;
    }

    /** For a solution group: its code without the resolution. */
    public String groupCode() {
        int slash = ref.indexOf('/');
        return slash > 0 ? ref.substring(slash + 1) : ref;
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
