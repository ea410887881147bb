package org.mandate.discussion;

import java.util.List;

/** The public events of the discussion module, past tense. */
public final class DiscussionEvents {

    private DiscussionEvents() {}

    /**
     * Someone commented on a target; {@code mentionedUnits} are the org units named with {@code @CODE} in
     * the text, whose people are told.
     */
    public record CommentPosted(
            long commentId,
            String target,
            String link,
            String author,
            String targetUnit,
            List<String> mentionedUnits) {}
}
