package org.mandate.discussion;

import java.util.Optional;
import org.mandate.shared.Actor;

/**
 * A kind of thing that can be discussed and carry evidence ({@code task}, {@code update}, {@code
 * bottleneck}, {@code report}), implemented by the module that owns it. Lets this module check scope on
 * every target without depending on the owners.
 */
public interface DiscussionTarget {

    /** The prefix of the target's key ({@code task} in {@code task:42}). */
    String type();

    /** The target as {@code reader} may see it, empty when it does not exist or is hidden from them. */
    Optional<Subject> find(Actor reader, long id);

    /**
     * Whether the target is public (a task agreed, not a draft; an approved report): its evidence files are
     * then open to anyone, who can check them against their published SHA-256.
     */
    default boolean isPublic(long id) {
        return false;
    }

    /** What this module needs to know of a target. */
    record Subject(String unit, String link, boolean writable) {}
}
