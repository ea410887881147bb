package org.mandate.feedback;

import java.time.Instant;

/** A public comment as moderators see it. The body is plain text, always shown escaped. */
public record Comment(
        long id,
        String target,
        RespondentType respondentType,
        int rating,
        String body,
        CommentState state,
        String reason,
        String moderatedBy,
        Instant moderatedAt,
        Instant createdAt,
        long version) {

    /** What the public sees of an approved comment. */
    public record Public(
            long id, String target, RespondentType respondentType, int rating, String body, Instant createdAt) {}

    public Public toPublic() {
        return new Public(id, target, respondentType, rating, body, createdAt);
    }
}
