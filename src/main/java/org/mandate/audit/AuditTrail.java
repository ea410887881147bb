package org.mandate.audit;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.mandate.shared.Actor;
import org.mandate.shared.AuditedChange;
import org.mandate.shared.AuditedChanges;
import org.mandate.shared.BulkWriter;
import org.mandate.shared.ForbiddenException;
import org.mandate.shared.PageResult;
import org.mandate.shared.Paging;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes every {@link AuditedChange} and lets admins read the trail. The listener is synchronous on
 * purpose: it runs inside the transaction of the change, so there is never a change without its trail
 * nor a trail without its change.
 */
@Service
public class AuditTrail {

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final JsonMapper json;

    AuditTrail(JdbcClient jdbc, JdbcTemplate template, JsonMapper json) {
        this.jdbc = jdbc;
        this.template = template;
        this.json = json;
    }

    @EventListener
    void on(AuditedChange change) {
        jdbc.sql("""
                insert into audit_entry (at, actor, entity_type, entity_id, action, before_json, after_json)
                values (:at, :actor, :type, :id, :action, :before, :after)
                """)
                .param("at", Timestamp.from(Instant.now()))
                .param("actor", Actor.currentName())
                .param("type", change.entityType())
                .param("id", change.entityId())
                .param("action", change.action())
                .param("before", change.before() == null ? null : json.writeValueAsString(change.before()))
                .param("after", change.after() == null ? null : json.writeValueAsString(change.after()))
                .update();
    }

    /** A bulk write's changes: one entry each, copied in (PostgreSQL) or batched on the change's connection. */
    @EventListener
    void on(AuditedChanges bulk) {
        Instant at = Instant.now();
        String actor = Actor.currentName();
        template.execute((ConnectionCallback<Void>) connection -> {
            try (BulkWriter writer = new BulkWriter(
                    connection,
                    "audit_entry",
                    "at",
                    "actor",
                    "entity_type",
                    "entity_id",
                    "action",
                    "before_json",
                    "after_json")) {
                for (AuditedChange change : bulk.changes()) {
                    writer.row(
                            at,
                            actor,
                            change.entityType(),
                            change.entityId(),
                            change.action(),
                            change.before() == null ? null : json.writeValueAsString(change.before()),
                            change.after() == null ? null : json.writeValueAsString(change.after()));
                }
            }
            return null;
        });
    }

    /** The trail, newest first, optionally for one entity type and id. Admins only. */
    public PageResult<AuditEntry> list(Actor actor, String entityType, String entityId, Paging paging) {
        if (!actor.isAdmin()) {
            throw new ForbiddenException("error.forbidden.role", actor.role());
        }
        // Filters are appended only when given: PostgreSQL cannot type a bare "null is null" parameter.
        String where = " where 1 = 1" + (entityType != null ? " and entity_type = :type" : "")
                + (entityId != null ? " and entity_id = :id" : "");
        java.util.Map<String, Object> params = new java.util.HashMap<>();
        if (entityType != null) {
            params.put("type", entityType);
        }
        if (entityId != null) {
            params.put("id", entityId);
        }
        List<AuditEntry> items = jdbc.sql(
                        "select * from audit_entry" + where + " order by id desc limit :limit offset :offset")
                .params(params)
                .param("limit", paging.size())
                .param("offset", paging.offset())
                .query((rs, i) -> new AuditEntry(
                        rs.getLong("id"),
                        rs.getTimestamp("at").toInstant(),
                        rs.getString("actor"),
                        rs.getString("entity_type"),
                        rs.getString("entity_id"),
                        rs.getString("action"),
                        rs.getString("before_json"),
                        rs.getString("after_json")))
                .list();
        long total = jdbc.sql("select count(*) from audit_entry" + where)
                .params(params)
                .query(Long.class)
                .single();
        return new PageResult<>(items, paging.page(), paging.size(), total);
    }
}
