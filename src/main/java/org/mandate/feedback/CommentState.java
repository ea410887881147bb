package org.mandate.feedback;

/** A comment waits for moderation, then is shown (approved) or kept hidden with a reason (rejected). */
public enum CommentState {
    PENDING,
    APPROVED,
    REJECTED
}
