package org.mandate.reporting;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mandate.orgunits.OrgUnitTree;
import org.mandate.shared.Period;
import org.mandate.shared.ReadScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reports in SQL; opening a period's reports and counting completeness are one statement each. */
@Repository
class Reports {

    private static final String SELECT = """
            select r.*, u.code as org_unit_code from report r join org_unit u on u.id = r.org_unit_id
            """;

    private final JdbcClient jdbc;

    Reports(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Opens the report of every unit below the central level that does not have one for this period yet. */
    int open(String resolution, Period period, LocalDate dueOn) {
        return jdbc.sql("""
                insert into report (org_unit_id, resolution, period, period_type, start_on, end_on, due_on, state,
                                    version, created_at)
                select u.id, :resolution, :period, :type, :start, :end, :due, 'OPEN', 0, :now
                  from org_unit u
                 where u.level <> 'CENTRAL'
                   and not exists (select 1 from report r
                                    where r.org_unit_id = u.id and r.resolution = :resolution and r.period = :period)
                """)
                .param("resolution", resolution)
                .param("period", period.toString())
                .param("type", period.type().name())
                .param("start", Date.valueOf(period.start()))
                .param("end", Date.valueOf(period.end()))
                .param("due", Date.valueOf(dueOn))
                .param("now", Timestamp.from(Instant.now()))
                .update();
    }

    int loadApproved(
            String period,
            java.util.Collection<String> units,
            java.util.Collection<String> resolutions,
            Instant at,
            String by) {
        return loadApproved(period, units, resolutions, null, at, by);
    }

    /** Like the above, submitted on {@code submittedOn} (null: on the due day). */
    int loadApproved(
            String period,
            java.util.Collection<String> units,
            java.util.Collection<String> resolutions,
            LocalDate submittedOn,
            Instant at,
            String by) {
        if (units.isEmpty() || resolutions.isEmpty()) {
            return 0;
        }
        return jdbc.sql("""
                update report set state = 'APPROVED', submitted_at = :at,
                       submitted_on = coalesce(:submittedOn, due_on), submitted_by = :by,
                       decided_at = :at, decided_by = :by, version = version + 1
                 where period = :period and resolution in (:resolutions)
                   and org_unit_id in (select id from org_unit where code in (:units))
                """)
                .param("submittedOn", submittedOn == null ? null : Date.valueOf(submittedOn), java.sql.Types.DATE)
                .param("at", Timestamp.from(at))
                .param("by", by)
                .param("period", period)
                .param("resolutions", resolutions)
                .param("units", units)
                .update();
    }

    /** Per resolution, the start of the latest period of this type that it has reports for. */
    Map<String, LocalDate> latestStarts(Period.Type type) {
        Map<String, LocalDate> latest = new HashMap<>();
        jdbc.sql("select resolution, max(start_on) from report where period_type = :type group by resolution")
                .param("type", type.name())
                .query((ResultSet rs) -> {
                    latest.put(rs.getString(1), rs.getDate(2).toLocalDate());
                });
        return latest;
    }

    int markLate(LocalDate today) {
        return jdbc.sql(
                        "update report set state = 'LATE', version = version + 1 where state = 'OPEN' and due_on < :today")
                .param("today", Date.valueOf(today))
                .update();
    }

    /** Reports in these states whose due day lies between the two days (inclusive), at most {@code limit}. */
    List<Report> dueBetween(LocalDate from, LocalDate to, java.util.Collection<String> states, int limit) {
        return jdbc.sql(SELECT
                        + " where r.due_on between :from and :to and r.state in (:states) order by r.id limit :limit")
                .param("from", java.sql.Date.valueOf(from))
                .param("to", java.sql.Date.valueOf(to))
                .param("states", states)
                .param("limit", limit)
                .query(Reports::map)
                .list();
    }

    Optional<Report> find(long id) {
        return jdbc.sql(SELECT + " where r.id = :id")
                .param("id", id)
                .query(Reports::map)
                .optional();
    }

    Optional<Report> find(String orgUnit, String resolution, String period) {
        return jdbc.sql(SELECT + " where u.code = :unit and r.resolution = :resolution and r.period = :period")
                .param("unit", orgUnit)
                .param("resolution", resolution)
                .param("period", period)
                .query(Reports::map)
                .optional();
    }

    List<Report> list(Filter f, int offset, int limit) {
        Map<String, Object> p = new HashMap<>();
        return jdbc.sql(SELECT + where(f, p)
                        + " order by r.start_on desc, r.resolution, u.code limit :limit offset :offset")
                .params(p)
                .param("limit", limit)
                .param("offset", offset)
                .query(Reports::map)
                .list();
    }

    long count(Filter f) {
        Map<String, Object> p = new HashMap<>();
        return jdbc.sql("select count(*) from report r join org_unit u on u.id = r.org_unit_id" + where(f, p))
                .params(p)
                .query(Long.class)
                .single();
    }

    /** {@code reader}: whose reports not yet approved the list may show ({@link ReadScope}). */
    record Filter(
            String orgUnit, String period, String resolution, String state, Boolean notSubmitted, ReadScope reader) {

        Filter(String orgUnit, String period, String resolution, String state, Boolean notSubmitted) {
            this(orgUnit, period, resolution, state, notSubmitted, ReadScope.EVERYTHING);
        }
    }

    private static String where(Filter f, Map<String, Object> p) {
        StringBuilder w = new StringBuilder(" where 1 = 1");
        if (f.orgUnit() != null) {
            w.append(" and r.org_unit_id in ").append(OrgUnitTree.subtreeIds("unit"));
            p.put("unit", f.orgUnit());
        }
        if (f.period() != null) {
            w.append(" and r.period = :period");
            p.put("period", f.period());
        }
        if (f.resolution() != null) {
            w.append(" and r.resolution = :resolution");
            p.put("resolution", f.resolution());
        }
        if (f.state() != null) {
            w.append(" and r.state = :state");
            p.put("state", f.state());
        }
        if (Boolean.TRUE.equals(f.notSubmitted())) {
            w.append(" and r.submitted_on is null");
        }
        if (f.reader() != null && f.reader().publishedOnly()) {
            w.append(" and r.state = 'APPROVED'");
        } else if (f.reader() != null && !f.reader().everything()) {
            w.append(" and (r.state = 'APPROVED' or r.org_unit_id in ")
                    .append(OrgUnitTree.subtreeIds("readerScope"))
                    .append(")");
            p.put("readerScope", f.reader().subtree());
        }
        return w.toString();
    }

    /** Completeness and timeliness counted per level of the subtree, in one grouped query. */
    List<LevelCount> countByLevel(String orgUnit, String period, String resolution, LocalDate today) {
        Map<String, Object> p = new HashMap<>();
        String where = where(new Filter(orgUnit, period, resolution, null, null), p);
        return jdbc.sql("""
                select u.level as level, count(*) as expected,
                       sum(case when r.submitted_on is not null then 1 else 0 end) as submitted,
                       sum(case when r.submitted_on is not null and r.submitted_on <= r.due_on then 1 else 0 end) as on_time,
                       sum(case when r.submitted_on is not null and r.submitted_on > r.due_on then 1 else 0 end) as late,
                       sum(case when r.submitted_on is null and r.due_on < :today then 1 else 0 end) as missing,
                       sum(case when r.state = 'APPROVED' then 1 else 0 end) as approved
                  from report r join org_unit u on u.id = r.org_unit_id
                """ + where + " group by u.level order by u.level")
                .params(p)
                .param("today", Date.valueOf(today))
                .query((rs, n) -> new LevelCount(
                        rs.getString("level"),
                        rs.getLong("expected"),
                        rs.getLong("submitted"),
                        rs.getLong("on_time"),
                        rs.getLong("late"),
                        rs.getLong("missing"),
                        rs.getLong("approved")))
                .list();
    }

    /** {due, onTime, late, missing, notYetDue} of the subtree's reports starting in the range; see dueReports. */
    long[] dueCounts(String orgUnit, LocalDate from, LocalDate to, LocalDate today) {
        return jdbc.sql("""
                select coalesce(sum(case when r.due_on < :today then 1 else 0 end), 0),
                       coalesce(sum(case when r.due_on < :today and r.submitted_on is not null
                                          and r.submitted_on <= r.due_on then 1 else 0 end), 0),
                       coalesce(sum(case when r.due_on < :today and r.submitted_on > r.due_on then 1 else 0 end), 0),
                       coalesce(sum(case when r.due_on < :today and r.submitted_on is null then 1 else 0 end), 0),
                       coalesce(sum(case when r.due_on >= :today then 1 else 0 end), 0)
                  from report r
                 where r.start_on between :from and :to and r.org_unit_id in """ + OrgUnitTree.subtreeIds("unit"))
                .param("today", Date.valueOf(today))
                .param("from", Date.valueOf(from))
                .param("to", Date.valueOf(to))
                .param("unit", orgUnit)
                .query((rs, n) ->
                        new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)})
                .single();
    }

    record LevelCount(
            String level, long expected, long submitted, long onTime, long late, long missing, long approved) {}

    boolean submit(long id, long version, Instant at, LocalDate on, String by) {
        return jdbc.sql("""
                update report set state = 'SUBMITTED', submitted_at = :at, submitted_on = coalesce(submitted_on, :on),
                       submitted_by = :by, version = version + 1
                 where id = :id and version = :version
                """)
                        .param("at", Timestamp.from(at))
                        .param("on", Date.valueOf(on))
                        .param("by", by)
                        .param("id", id)
                        .param("version", version)
                        .update()
                == 1;
    }

    boolean decide(long id, long version, Report.State state, Instant at, String by, String reason) {
        return jdbc.sql("""
                update report set state = :state, decided_at = :at, decided_by = :by, return_reason = :reason,
                       version = version + 1
                 where id = :id and version = :version
                """)
                        .param("state", state.name())
                        .param("at", Timestamp.from(at))
                        .param("by", by)
                        .param("reason", reason)
                        .param("id", id)
                        .param("version", version)
                        .update()
                == 1;
    }

    private static Report map(ResultSet rs, int row) throws SQLException {
        Timestamp submitted = rs.getTimestamp("submitted_at");
        Timestamp decided = rs.getTimestamp("decided_at");
        Date submittedOn = rs.getDate("submitted_on");
        return new Report(
                rs.getLong("id"),
                rs.getString("org_unit_code"),
                rs.getString("resolution"),
                rs.getString("period"),
                rs.getDate("due_on").toLocalDate(),
                Report.State.valueOf(rs.getString("state")),
                submitted == null ? null : submitted.toInstant(),
                submittedOn == null ? null : submittedOn.toLocalDate(),
                rs.getString("submitted_by"),
                decided == null ? null : decided.toInstant(),
                rs.getString("decided_by"),
                rs.getString("return_reason"),
                rs.getLong("version"));
    }
}
