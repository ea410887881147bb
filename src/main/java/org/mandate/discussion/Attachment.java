package org.mandate.discussion;

import java.time.Instant;

/** An evidence file's description (its bytes are read apart): the type checked from the bytes, the SHA-256. */
public record Attachment(
        long id,
        String target,
        String name,
        String contentType,
        long size,
        String sha256,
        String uploadedBy,
        Instant uploadedAt) {}
