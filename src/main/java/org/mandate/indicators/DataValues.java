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
import org.mandate.orgunits.OrgUnitTree;
import org.mandate.shared.Period;
import org.mandate.shared.ReadScope;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Data values in SQL, and what the roll-up reads: the unit tree and one query per indicator and range. */
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

    /** The unit tree under {@code unitCode} (all units when null): each unit's id with its parent's id. */
    record Units(long root, Map<Long, Long> parentOf) {}

    Units units(String unitCode) {
        Map<Long, Long> parentOf = new HashMap<>();
        jdbc.sql("select u.id, u.parent_id from org_unit u"
                        + (unitCode == null ? "" : " where u.id in " + OrgUnitTree.subtreeIds("unit")))
                .param("unit", unitCode)
                .query(rs -> {
                    long unit = rs.getLong(1);
                    long parent = rs.getLong(2);
                    parentOf.put(unit, rs.wasNull() ? null : parent);
                });
        long root;
        if (unitCode == null) {
            List<Long> roots = parentOf.entrySet().stream()
                    .filter(e -> e.getValue() == null)
                    .map(Map.Entry::getKey)
                    .toList();
            root = roots.size() == 1 ? roots.get(0) : -1;
        } else {
            root = jdbc.sql("select id from org_unit where code = :unit")
                    .param("unit", unitCode)
                    .query(Long.class)
                    .single();
        }
        return new Units(root, parentOf);
    }

    /** A stored value as the roll-up reads it: its unit, the start and anchor of its period, the value. */
    record Row(long unitId, LocalDate start, LocalDate anchor, BigDecimal value) {}

    /**
     * The indicator's stored values in the subtree (every unit when {@code unitCode} is null) whose period is
     * anchored between {@code from} and {@code to}: one index range of the (indicator, anchor) key.
     */
    List<Row> rows(long indicatorId, String unitCode, LocalDate from, LocalDate to, boolean approvedOnly) {
        return jdbc.sql("select v.org_unit_id, v.start_on, v.anchor_on, v.num_value from indicator_data_value v"
                        + " where v.indicator_id = :ind and v.anchor_on between :from and :to"
                        + " and v.num_value is not null"
                        + (unitCode == null ? "" : " and v.org_unit_id in " + OrgUnitTree.subtreeIds("unit"))
                        + (approvedOnly ? " and v.state = 'APPROVED'" : ""))
                .param("ind", indicatorId)
                .param("from", Date.valueOf(from))
                .param("to", Date.valueOf(to))
                .param("unit", unitCode)
                .query((rs, n) -> new Row(
                        rs.getLong(1),
                        rs.getDate(2).toLocalDate(),
                        rs.getDate(3).toLocalDate(),
                        rs.getBigDecimal(4)))
                .list();
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
