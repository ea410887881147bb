package org.mandate.audit;

import java.time.Instant;

/** One change in the trail. {@code before} and {@code after} are JSON. */
public record AuditEntry(
        long id,
        Instant at,
        String actor,
        String entityType,
        String entityId,
        String action,
        String before,
        String after) {}
