package org.mandate.shared;

import java.util.List;

/**
 * Many {@link AuditedChange}s of one bulk write (an import of values, say), written to the trail as one
 * batch in the same transaction: one entry per change, with its before and after, as if published one by
 * one.
 */
public record AuditedChanges(List<AuditedChange> changes) {

    public AuditedChanges {
        changes = List.copyOf(changes);
    }
}
