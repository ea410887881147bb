package org.mandate.discussion;

import java.time.Instant;

/** A comment: who wrote it, from which unit, when, and whether it was edited. */
public record Comment(
        long id,
        String target,
        String author,
        String authorUnit,
        String text,
        Instant createdAt,
        Instant editedAt,
        long version) {}
