package org.mandate.publication;

import java.time.Instant;

/**
 * A published snapshot. {@code digest = SHA-256(previousDigest + contentSha256)} (hex strings, the
 * previous digest empty for the first publication), so changing any published byte breaks the chain.
 */
public record Publication(
        long id,
        PublicationKind kind,
        String period,
        Instant publishedAt,
        String publishedBy,
        String contentSha256,
        String previousDigest,
        String digest,
        long contentSize) {}
