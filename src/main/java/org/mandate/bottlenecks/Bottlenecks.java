package org.mandate.bottlenecks;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mandate.orgunits.OrgUnitTree;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Bottlenecks and their history, in SQL. */
@Repository
class Bottlenecks {

    private static final String SELECT = """
            select b.id, b.title, b.description, b.type, b.severity, b.resolution_slug, r.code as raised_code, o.code as owner_code,
                   oo.code as original_code, b.status, b.raised_on, b.resolved_on, b.resolution_note,
                   b.escalation_level, b.escalated_on, b.version
              from bottleneck b join org_unit r on r.id = b.raised_by_unit_id
              join org_unit o on o.id = b.owner_unit_id
              join org_unit oo on oo.id = b.original_owner_unit_id
            """;

    private final JdbcClient jdbc;

    Bottlenecks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Filter(String status, BottleneckType type, String owner, String raisedBy, String resolution) {}

    Optional<Bottleneck> find(long id) {
        return jdbc.sql(SELECT + " where b.id = :id")
                .param("id", id)
                .query(Bottlenecks::map)
                .optional();
    }

    List<Bottleneck> page(Filter f, long offset, int limit) {
        return jdbc.sql(SELECT + where(f) + " order by b.raised_on, b.id limit :limit offset :offset")
                .params(params(f))
                .param("limit", limit)
                .param("offset", offset)
                .query(Bottlenecks::map)
                .list();
    }

    /** Every bottleneck, oldest first, in one statement. */
    List<Bottleneck> all() {
        return jdbc.sql(SELECT + " order by b.raised_on, b.id")
                .query(Bottlenecks::map)
                .list();
    }

    long count(Filter f) {
        return jdbc.sql("select count(*) from bottleneck b" + where(f))
                .params(params(f))
                .query(Long.class)
                .single();
    }

    private static String where(Filter f) {
        StringBuilder w = new StringBuilder(" where 1 = 1");
        if (f.status() != null) {
            w.append(" and b.status = :status");
        }
        if (f.type() != null) {
            w.append(" and b.type = :type");
        }
        if (f.owner() != null) {
            w.append(" and b.owner_unit_id in ").append(OrgUnitTree.subtreeIds("owner"));
        }
        if (f.resolution() != null) {
            w.append(" and b.resolution_slug = :resolution");
        }
        if (f.raisedBy() != null) {
            w.append(" and b.raised_by_unit_id in ").append(OrgUnitTree.subtreeIds("raisedBy"));
        }
        return w.toString();
    }

    private static Map<String, Object> params(Filter f) {
        Map<String, Object> p = new HashMap<>();
        if (f.status() != null) {
            p.put("status", f.status());
        }
        if (f.type() != null) {
            p.put("type", f.type().name());
        }
        if (f.owner() != null) {
            p.put("owner", f.owner());
        }
        if (f.resolution() != null) {
            p.put("resolution", f.resolution());
        }
        if (f.raisedBy() != null) {
            p.put("raisedBy", f.raisedBy());
        }
        return p;
    }

    long insert(
            String title,
            String description,
            BottleneckType type,
            Severity severity,
            String resolution,
            long raisedBy,
            long owner,
            LocalDate raisedOn,
            String by) {
        Timestamp now = Timestamp.from(Instant.now());
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into bottleneck (title, description, type, severity, resolution_slug, raised_by_unit_id, owner_unit_id,
                    original_owner_unit_id, status, raised_on, escalation_level, created_by, version, created_at,
                    updated_at)
                values (:title, :description, :type, :severity, :resolution, :raisedBy, :owner, :owner, 'OPEN', :raisedOn, 0, :by,
                    0, :now, :now)
                """)
                .param("title", title)
                .param("description", description)
                .param("type", type.name())
                .param("severity", severity.name())
                .param("resolution", resolution)
                .param("raisedBy", raisedBy)
                .param("owner", owner)
                .param("raisedOn", Date.valueOf(raisedOn))
                .param("by", by)
                .param("now", now)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    boolean escalate(long id, long newOwner, LocalDate on, long version) {
        return jdbc.sql("""
                        update bottleneck set owner_unit_id = :owner, escalation_level = escalation_level + 1,
                            escalated_on = :on, version = version + 1, updated_at = :now
                         where id = :id and version = :version and status = 'OPEN'
                        """)
                        .param("owner", newOwner)
                        .param("on", Date.valueOf(on))
                        .param("now", Timestamp.from(Instant.now()))
                        .param("id", id)
                        .param("version", version)
                        .update()
                == 1;
    }

    boolean resolve(long id, String note, LocalDate on, long version) {
        return jdbc.sql("""
                        update bottleneck set status = 'RESOLVED', resolved_on = :on, resolution_note = :note,
                            version = version + 1, updated_at = :now
                         where id = :id and version = :version and status = 'OPEN'
                        """)
                        .param("note", note)
                        .param("on", Date.valueOf(on))
                        .param("now", Timestamp.from(Instant.now()))
                        .param("id", id)
                        .param("version", version)
                        .update()
                == 1;
    }

    boolean update(long id, String title, String description, BottleneckType type, Severity severity, long version) {
        return jdbc.sql("""
                        update bottleneck set title = :title, description = :description, type = :type,
                            severity = :severity, version = version + 1, updated_at = :now
                         where id = :id and version = :version
                        """)
                        .param("title", title)
                        .param("description", description)
                        .param("type", type.name())
                        .param("severity", severity.name())
                        .param("now", Timestamp.from(Instant.now()))
                        .param("id", id)
                        .param("version", version)
                        .update()
                == 1;
    }

    void event(long id, String action, Long from, Long to, String note, LocalDate on, String actor) {
        jdbc.sql("""
                insert into bottleneck_event (bottleneck_id, action, from_unit_id, to_unit_id, note, happened_on, actor)
                values (:id, :action, :from, :to, :note, :on, :actor)
                """)
                .param("id", id)
                .param("action", action)
                .param("from", from)
                .param("to", to)
                .param("note", note)
                .param("on", Date.valueOf(on))
                .param("actor", actor)
                .update();
    }

    List<BottleneckHistory> history(long id) {
        return jdbc.sql("""
                select e.action, f.code as from_code, t.code as to_code, e.note, e.happened_on, e.actor
                  from bottleneck_event e left join org_unit f on f.id = e.from_unit_id
                  left join org_unit t on t.id = e.to_unit_id
                 where e.bottleneck_id = :id order by e.id
                """)
                .param("id", id)
                .query((rs, n) -> new BottleneckHistory(
                        rs.getString("action"),
                        rs.getString("from_code"),
                        rs.getString("to_code"),
                        rs.getString("note"),
                        rs.getDate("happened_on").toLocalDate(),
                        rs.getString("actor")))
                .list();
    }

    /** Bottlenecks raised between two days by units of the subtree. */
    long raisedIn(String orgUnit, LocalDate from, LocalDate to) {
        return jdbc.sql("select count(*) from bottleneck b where b.raised_on between :from and :to"
                        + " and b.raised_by_unit_id in " + OrgUnitTree.subtreeIds("orgUnit"))
                .param("from", java.sql.Date.valueOf(from))
                .param("to", java.sql.Date.valueOf(to))
                .param("orgUnit", orgUnit)
                .query(Long.class)
                .single();
    }

    /** Open bottlenecks last moved (raised or escalated) on or before the date. */
    List<Long> dueForEscalation(LocalDate movedOnOrBefore) {
        return jdbc.sql("""
                select id from bottleneck
                 where status = 'OPEN' and coalesce(escalated_on, raised_on) <= :before order by id
                """)
                .param("before", Date.valueOf(movedOnOrBefore))
                .query(Long.class)
                .list();
    }

    Map<String, Long> openByType(String resolution, String orgUnit) {
        Map<String, Long> out = new LinkedHashMap<>();
        String sql = "select b.type, count(*) from bottleneck b where b.status = 'OPEN'"
                + (resolution == null ? "" : " and b.resolution_slug = :resolution")
                + (orgUnit == null ? "" : " and b.owner_unit_id in " + OrgUnitTree.subtreeIds("orgUnit"))
                + " group by b.type";
        var spec = jdbc.sql(sql);
        if (orgUnit != null) {
            spec = spec.param("orgUnit", orgUnit);
        }
        if (resolution != null) {
            spec = spec.param("resolution", resolution);
        }
        spec.query(rs -> {
            out.put(rs.getString(1), rs.getLong(2));
        });
        return out;
    }

    /** (raised_on, resolved_on) of bottlenecks owned in the subtree resolved in the range. */
    List<LocalDate[]> resolvedIn(String orgUnit, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                select b.raised_on, b.resolved_on from bottleneck b
                 where b.status = 'RESOLVED' and b.resolved_on between :from and :to
                   and b.original_owner_unit_id in """ + OrgUnitTree.subtreeIds("orgUnit"))
                .param("from", Date.valueOf(from))
                .param("to", Date.valueOf(to))
                .param("orgUnit", orgUnit)
                .query((rs, n) -> new LocalDate[] {
                    rs.getDate(1).toLocalDate(), rs.getDate(2).toLocalDate()
                })
                .list();
    }

    static Bottleneck map(ResultSet rs, int n) throws SQLException {
        Date resolved = rs.getDate("resolved_on");
        Date escalated = rs.getDate("escalated_on");
        return new Bottleneck(
                rs.getLong("id"),
                rs.getString("title"),
                rs.getString("description"),
                BottleneckType.valueOf(rs.getString("type")),
                Severity.valueOf(rs.getString("severity")),
                rs.getString("resolution_slug"),
                rs.getString("raised_code"),
                rs.getString("owner_code"),
                rs.getString("original_code"),
                rs.getString("status"),
                rs.getDate("raised_on").toLocalDate(),
                resolved == null ? null : resolved.toLocalDate(),
                rs.getString("resolution_note"),
                rs.getInt("escalation_level"),
                escalated == null ? null : escalated.toLocalDate(),
                List.of(),
                rs.getLong("version"));
    }
}
