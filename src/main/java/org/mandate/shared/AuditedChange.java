package org.mandate.shared;

/**
 * Published by every module when it changes something worth tracing. The audit module writes it in the
 * same transaction, so a change and its trail commit or roll back together.
 *
 * @param entityType for example "org-unit", "resolution", "user"
 * @param action for example "created", "updated", "deleted"
 * @param before the state before (null when created)
 * @param after the state after (null when deleted)
 */
public record AuditedChange(String entityType, String entityId, String action, Object before, Object after) {

    public static AuditedChange created(String type, Object id, Object after) {
        return new AuditedChange(type, String.valueOf(id), "created", null, after);
    }

    public static AuditedChange updated(String type, Object id, Object before, Object after) {
        return new AuditedChange(type, String.valueOf(id), "updated", before, after);
    }
}
