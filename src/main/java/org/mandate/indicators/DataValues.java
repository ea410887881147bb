package org.mandate.indicators;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mandate.indicators.DataValue.State;
import org.mandate.indicators.Indicator.Aggregation;
import org.mandate.orgunits.OrgUnitTree;
import org.mandate.shared.Period;
import org.mandate.shared.ReadScope;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Data values in SQL, and the subtree roll-ups: one query per indicator, whatever the subtree or range. */
@Repository
class DataValues {

    private static final String SELECT = """
            select i.code as indicator, u.code as org_unit, v.period, v.num_value, v.comment, v.state, v.flagged,
                   v.entered_by, v.entered_at, v.version
              from indicator_data_value v
              join indicator i on i.id = v.indicator_id
              join org_unit u on u.id = v.org_unit_id
            """;

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    DataValues(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    record Stored(long id, BigDecimal value, String comment, State state) {}

    /** Identifies a stored value the way the unique index does. */
    record Key(long indicatorId, String period, long unitId) {}

    /**
     * The stored values among {@code keys}: one query per indicator and period for up to 1,000 units, each an
     * index range of the (indicator, period, org unit) key, instead of one query per value.
     */
    Map<Key, Stored> findAll(Collection<Key> keys) {
        Map<String, List<Key>> byIndicatorAndPeriod = new LinkedHashMap<>();
        for (Key k : keys) {
            byIndicatorAndPeriod
                    .computeIfAbsent(k.indicatorId() + "|" + k.period(), x -> new java.util.ArrayList<>())
                    .add(k);
        }
        Map<Key, Stored> found = new HashMap<>();
        for (List<Key> group : byIndicatorAndPeriod.values()) {
            Key first = group.get(0);
            for (int from = 0; from < group.size(); from += 1000) {
                List<Long> units = group.subList(from, Math.min(group.size(), from + 1000)).stream()
                        .map(Key::unitId)
                        .toList();
                jdbc.sql("""
                        select id, org_unit_id, num_value, comment, state from indicator_data_value
                         where indicator_id = :i and period = :p and org_unit_id in (:units)
                        """)
                        .param("i", first.indicatorId())
                        .param("p", first.period())
                        .param("units", units)
                        .query((ResultSet rs) -> {
                            found.put(
                                    new Key(first.indicatorId(), first.period(), rs.getLong(2)),
                                    new Stored(
                                            rs.getLong(1),
                                            rs.getBigDecimal(3),
                                            rs.getString(4),
                                            State.valueOf(rs.getString(5))));
                        });
            }
        }
        return found;
    }

    /** A new value for {@link #insertAll}. */
    record NewValue(
            long indicatorId,
            long unitId,
            Period period,
            BigDecimal value,
            String comment,
            State state,
            boolean flagged) {}

    /** A changed value for {@link #updateAll}. */
    record ChangedValue(long id, BigDecimal value, String comment, State state, boolean flagged) {}

    /**
     * Inserts with PostgreSQL's COPY (JDBC batches elsewhere) on the transaction's connection: a large
     * import goes in at close to the speed of {@code psql \\copy} and still commits or rolls back whole.
     */
    void insertAll(List<NewValue> rows, String by) {
        if (rows.isEmpty()) {
            return;
        }
        Instant now = Instant.now();
        template.execute((org.springframework.jdbc.core.ConnectionCallback<Void>) connection -> {
            try (org.mandate.shared.BulkWriter writer = new org.mandate.shared.BulkWriter(
                    connection,
                    "indicator_data_value",
                    "indicator_id",
                    "org_unit_id",
                    "period",
                    "period_type",
                    "start_on",
                    "end_on",
                    "anchor_on",
                    "num_value",
                    "comment",
                    "state",
                    "flagged",
                    "entered_by",
                    "entered_at",
                    "version")) {
                for (NewValue v : rows) {
                    writer.row(
                            v.indicatorId(),
                            v.unitId(),
                            v.period().toString(),
                            v.period().type().name(),
                            v.period().start(),
                            v.period().end(),
                            v.period().anchor(),
                            v.value(),
                            v.comment(),
                            v.state().name(),
                            v.flagged(),
                            by,
                            now,
                            0);
                }
            }
            return null;
        });
    }

    void updateAll(List<ChangedValue> rows, String by) {
        Timestamp now = Timestamp.from(Instant.now());
        template.batchUpdate("""
                update indicator_data_value set num_value = ?, comment = ?, state = ?, flagged = ?,
                       entered_by = ?, entered_at = ?, version = version + 1
                 where id = ?
                """, rows, 1000, (ps, v) -> {
            ps.setBigDecimal(1, v.value());
            ps.setString(2, v.comment());
            ps.setString(3, v.state().name());
            ps.setBoolean(4, v.flagged());
            ps.setString(5, by);
            ps.setTimestamp(6, now);
            ps.setLong(7, v.id());
        });
    }

    /** Moves the unit's values of the period for the indicators from one of the states to another. */
    int changeState(long unitId, String period, Collection<Long> indicatorIds, Collection<State> from, State to) {
        if (indicatorIds.isEmpty()) {
            return 0;
        }
        return jdbc.sql("""
                update indicator_data_value set state = :to, version = version + 1
                 where org_unit_id = :u and period = :p and indicator_id in (:ids) and state in (:from)
                """)
                .param("to", to.name())
                .param("u", unitId)
                .param("p", period)
                .param("ids", indicatorIds)
                .param("from", from.stream().map(State::name).toList())
                .update();
    }

    List<DataValue> list(String indicator, String orgUnit, Period period, boolean approvedOnly, int offset, int limit) {
        return list(indicator, orgUnit, period, approvedOnly, ReadScope.EVERYTHING, offset, limit);
    }

    /** Values as a reader may see them: unapproved ones only within the reader's scope ({@link ReadScope}). */
    List<DataValue> list(
            String indicator,
            String orgUnit,
            Period period,
            boolean approvedOnly,
            ReadScope reader,
            int offset,
            int limit) {
        Map<String, Object> p = new HashMap<>();
        String where = filter(indicator, orgUnit, period, approvedOnly, p) + readerClause(reader, p);
        return jdbc.sql(SELECT + where + " order by v.start_on desc, u.code, i.code limit :limit offset :offset")
                .params(p)
                .param("limit", limit)
                .param("offset", offset)
                .query(DataValues::map)
                .list();
    }

    long count(String indicator, String orgUnit, Period period, boolean approvedOnly) {
        return count(indicator, orgUnit, period, approvedOnly, ReadScope.EVERYTHING);
    }

    long count(String indicator, String orgUnit, Period period, boolean approvedOnly, ReadScope reader) {
        Map<String, Object> p = new HashMap<>();
        String where = filter(indicator, orgUnit, period, approvedOnly, p) + readerClause(reader, p);
        return jdbc.sql("""
                select count(*) from indicator_data_value v
                  join indicator i on i.id = v.indicator_id
                  join org_unit u on u.id = v.org_unit_id
                """ + where).params(p).query(Long.class).single();
    }

    /** The values of one unit (not its subtree) for a period and some indicators. */
    List<DataValue> ofUnit(String orgUnit, String period, Collection<String> indicators) {
        if (indicators.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + " where u.code = :unit and v.period = :period and i.code in (:codes) order by i.code")
                .param("unit", orgUnit)
                .param("period", period)
                .param("codes", indicators)
                .query(DataValues::map)
                .list();
    }

    private static String readerClause(ReadScope reader, Map<String, Object> p) {
        if (reader == null || reader.everything()) {
            return "";
        }
        if (reader.publishedOnly()) {
            return " and v.state = 'APPROVED'";
        }
        p.put("readerScope", reader.subtree());
        return " and (v.state = 'APPROVED' or v.org_unit_id in " + OrgUnitTree.subtreeIds("readerScope") + ")";
    }

    private static String filter(
            String indicator, String orgUnit, Period period, boolean approvedOnly, Map<String, Object> p) {
        StringBuilder w = new StringBuilder(" where 1 = 1");
        if (indicator != null) {
            w.append(" and i.code = :indicator");
            p.put("indicator", indicator);
        }
        if (orgUnit != null) {
            w.append(" and v.org_unit_id in ").append(OrgUnitTree.subtreeIds("unit"));
            p.put("unit", orgUnit);
        }
        if (period != null) {
            // A longer period selects the values that belong to it (weeks by their Thursday).
            w.append(" and v.anchor_on between :from and :to");
            p.put("from", Date.valueOf(period.start()));
            p.put("to", Date.valueOf(period.end()));
        }
        if (approvedOnly) {
            w.append(" and v.state = 'APPROVED'");
        }
        return w.toString();
    }

    /**
     * The indicator's value over the unit's subtree for each bucket period, by its aggregation rule: one
     * SQL statement for all buckets, the subtree joined through the closure table. Buckets without values
     * are absent from the map.
     */
    Map<Period, BigDecimal> aggregate(
            long indicatorId,
            Aggregation aggregation,
            Long weightIndicatorId,
            String unitCode,
            List<Period> buckets,
            boolean approvedOnly) {
        if (buckets.isEmpty()) {
            return Map.of();
        }
        Map<String, Object> p = new HashMap<>();
        StringBuilder values = new StringBuilder();
        Map<String, Period> byId = new LinkedHashMap<>();
        for (int n = 0; n < buckets.size(); n++) {
            Period b = buckets.get(n);
            values.append(n == 0 ? "" : ", ")
                    .append("(cast(:b")
                    .append(n)
                    .append(" as varchar(10)), cast(:f")
                    .append(n)
                    .append(" as date), cast(:t")
                    .append(n)
                    .append(" as date))");
            p.put("b" + n, b.toString());
            p.put("f" + n, Date.valueOf(b.start()));
            p.put("t" + n, Date.valueOf(b.end()));
            byId.put(b.toString(), b);
        }
        String approved = approvedOnly ? " and v.state = 'APPROVED'" : "";
        String expression = switch (aggregation) {
            case SUM, LAST -> "sum(v.num_value)";
            case AVERAGE -> "avg(v.num_value)";
            case MIN -> "min(v.num_value)";
            case MAX -> "max(v.num_value)";
            case WEIGHTED_AVERAGE -> "sum(v.num_value * w.num_value) / nullif(sum(w.num_value), 0)";
        };
        String weightJoin = "";
        if (aggregation == Aggregation.WEIGHTED_AVERAGE) {
            weightJoin = " join indicator_data_value w on w.indicator_id = :weight and w.org_unit_id = v.org_unit_id"
                    + " and w.period = v.period" + (approvedOnly ? " and w.state = 'APPROVED'" : "");
            p.put("weight", weightIndicatorId);
        }
        String last = "";
        if (aggregation == Aggregation.LAST) {
            // The latest period of each bucket, found once per bucket (a correlated subquery per value row
            // would scan the subtree again for every value: minutes for the whole country).
            last = " join (select l.period, max(x.start_on) as start_on from (values " + values
                    + ") as l(period, from_on, to_on) join indicator_data_value x on x.indicator_id = :ind"
                    + " and x.anchor_on between l.from_on and l.to_on where 1 = 1"
                    + (unitCode == null ? "" : " and x.org_unit_id in " + OrgUnitTree.subtreeIds("unit"))
                    + (approvedOnly ? " and x.state = 'APPROVED'" : "")
                    + " group by l.period) as lb on lb.period = b.period and v.start_on = lb.start_on";
        }
        String sql = "select b.period as bucket, " + expression + " as agg from (values " + values
                + ") as b(period, from_on, to_on)"
                + " join indicator_data_value v on v.indicator_id = :ind and v.anchor_on between b.from_on and b.to_on"
                + weightJoin + last + " where v.anchor_on between :rangeFrom and :rangeTo"
                + (unitCode == null ? "" : " and v.org_unit_id in " + OrgUnitTree.subtreeIds("unit")) + approved
                + " group by b.period";
        // The whole range as a plain predicate too: the planner then reads one index range of the indicator
        // instead of probing every unit of the subtree.
        p.put(
                "rangeFrom",
                Date.valueOf(buckets.stream()
                        .map(Period::start)
                        .min(LocalDate::compareTo)
                        .orElseThrow()));
        p.put(
                "rangeTo",
                Date.valueOf(buckets.stream()
                        .map(Period::end)
                        .max(LocalDate::compareTo)
                        .orElseThrow()));
        p.put("ind", indicatorId);
        p.put("unit", unitCode);
        Map<Period, BigDecimal> result = new HashMap<>();
        jdbc.sql(sql).params(p).query(rs -> {
            BigDecimal v = rs.getBigDecimal("agg");
            if (v != null) {
                result.put(byId.get(rs.getString("bucket")), v);
            }
        });
        return result;
    }

    /** The start of the latest period with a value in the subtree. */
    Optional<LocalDate> latestStart(long indicatorId, String unitCode, boolean approvedOnly) {
        return jdbc
                // Newest first along the (indicator, anchor) index: stops at the first value of the subtree.
                .sql("select v.start_on from indicator_data_value v where v.indicator_id = :ind"
                        + (unitCode == null ? "" : " and v.org_unit_id in " + OrgUnitTree.subtreeIds("unit"))
                        + (approvedOnly ? " and v.state = 'APPROVED'" : "")
                        + " order by v.anchor_on desc limit 1")
                .param("ind", indicatorId)
                .param("unit", unitCode)
                .query((rs, n) -> {
                    Date d = rs.getDate(1);
                    return d == null ? null : d.toLocalDate();
                })
                .list()
                .stream()
                .filter(java.util.Objects::nonNull)
                .findFirst();
    }

    static DataValue map(ResultSet rs, int row) throws SQLException {
        return new DataValue(
                rs.getString("indicator"),
                rs.getString("org_unit"),
                rs.getString("period"),
                rs.getBigDecimal("num_value"),
                rs.getString("comment"),
                State.valueOf(rs.getString("state")),
                rs.getBoolean("flagged"),
                rs.getString("entered_by"),
                rs.getTimestamp("entered_at").toInstant(),
                rs.getLong("version"));
    }
}
