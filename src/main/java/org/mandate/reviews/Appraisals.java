package org.mandate.reviews;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mandate.orgunits.OrgUnitTree;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Appraisals: SQL over {@code reviews_appraisal}. */
@Repository
class Appraisals {

    private final JdbcClient jdbc;

    Appraisals(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Which appraisals a list shows; null fields do not filter. */
    record Filter(
            AppraisalState state, String expert, String target, String withinUnit, Boolean published, Boolean ready) {}

    long insert(
            String targetType,
            String targetRef,
            String unit,
            String expert,
            String by,
            Instant at,
            java.time.LocalDate dueOn,
            String brief) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into reviews_appraisal (target_type, target_ref, unit_code, expert, invited_by, invited_at, due_on,
                                               brief, state, published, version)
                values (:type, :ref, :unit, :expert, :by, :at, :due, :brief, 'INVITED', false, 0)
                """)
                .param("type", targetType)
                .param("ref", targetRef)
                .param("unit", unit)
                .param("expert", expert)
                .param("by", by)
                .param("at", Timestamp.from(at))
                .param("due", dueOn == null ? null : Date.valueOf(dueOn))
                .param("brief", brief)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    Optional<Appraisal> find(long id) {
        return jdbc.sql("select * from reviews_appraisal where id = :id")
                .param("id", id)
                .query(Appraisals::map)
                .optional();
    }

    boolean submit(long id, long version, int[] scores, String findings, String recommendations, Instant at) {
        return jdbc.sql("""
                update reviews_appraisal set state = 'SUBMITTED', relevance = :r, feasibility = :f, cost_effectiveness = :c,
                       progress_credibility = :p, findings = :findings, recommendations = :rec, submitted_at = :at,
                       version = version + 1
                 where id = :id and version = :version
                """)
                        .param("r", scores[0])
                        .param("f", scores[1])
                        .param("c", scores[2])
                        .param("p", scores[3])
                        .param("findings", findings)
                        .param("rec", recommendations)
                        .param("at", Timestamp.from(at))
                        .param("id", id)
                        .param("version", version)
                        .update()
                == 1;
    }

    boolean respond(long id, long version, String response, String by, Instant at) {
        return jdbc.sql("""
                update reviews_appraisal set state = 'RESPONDED', response = :response, responded_by = :by,
                       responded_at = :at, version = version + 1
                 where id = :id and version = :version
                """)
                        .param("response", response)
                        .param("by", by)
                        .param("at", Timestamp.from(at))
                        .param("id", id)
                        .param("version", version)
                        .update()
                == 1;
    }

    boolean markPublished(long id, Instant at) {
        return jdbc.sql("""
                update reviews_appraisal set published = true, published_at = :at, version = version + 1
                 where id = :id and published = false and state <> 'INVITED'
                """).param("at", Timestamp.from(at)).param("id", id).update() == 1;
    }

    List<Appraisal> page(Filter filter, int offset, int limit) {
        Map<String, Object> params = new HashMap<>();
        return jdbc.sql("select * from reviews_appraisal a" + where(filter, params)
                        + " order by a.id desc limit :limit offset :offset")
                .params(params)
                .param("limit", limit)
                .param("offset", offset)
                .query(Appraisals::map)
                .list();
    }

    long count(Filter filter) {
        Map<String, Object> params = new HashMap<>();
        return jdbc.sql("select count(*) from reviews_appraisal a" + where(filter, params))
                .params(params)
                .query(Long.class)
                .single();
    }

    private static String where(Filter f, Map<String, Object> params) {
        List<String> c = new ArrayList<>();
        if (f.state() != null) {
            c.add("a.state = :state");
            params.put("state", f.state().name());
        }
        if (f.expert() != null) {
            c.add("a.expert = :expert");
            params.put("expert", f.expert());
        }
        if (f.target() != null) {
            int colon = f.target().indexOf(':');
            c.add("a.target_type = :ttype and a.target_ref = :tref");
            params.put("ttype", f.target().substring(0, colon));
            params.put("tref", f.target().substring(colon + 1));
        }
        if (f.withinUnit() != null) {
            c.add("a.unit_code in (select u.code from " + OrgUnitTree.TABLE + " u where u.id in "
                    + OrgUnitTree.subtreeIds("within") + ")");
            params.put("within", f.withinUnit());
        }
        if (f.published() != null) {
            c.add(f.published() ? "a.published = true" : "a.published = false");
        }
        if (Boolean.TRUE.equals(f.ready())) {
            c.add("a.published = false and a.state <> 'INVITED'");
        }
        return c.isEmpty() ? "" : " where " + String.join(" and ", c);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static Integer integer(ResultSet rs, String column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }

    private static Appraisal map(ResultSet rs, int i) throws SQLException {
        Date due = rs.getDate("due_on");
        return new Appraisal(
                rs.getLong("id"),
                rs.getString("target_type") + ":" + rs.getString("target_ref"),
                rs.getString("unit_code"),
                rs.getString("expert"),
                rs.getString("invited_by"),
                instant(rs, "invited_at"),
                due == null ? null : due.toLocalDate(),
                rs.getString("brief"),
                AppraisalState.valueOf(rs.getString("state")),
                integer(rs, "relevance"),
                integer(rs, "feasibility"),
                integer(rs, "cost_effectiveness"),
                integer(rs, "progress_credibility"),
                rs.getString("findings"),
                rs.getString("recommendations"),
                instant(rs, "submitted_at"),
                rs.getString("response"),
                rs.getString("responded_by"),
                instant(rs, "responded_at"),
                rs.getBoolean("published"),
                instant(rs, "published_at"),
                rs.getLong("version"));
    }
}
