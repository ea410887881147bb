package org.mandate.indicators;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mandate.indicators.Indicator.Aggregation;
import org.mandate.indicators.Indicator.Baseline;
import org.mandate.indicators.Indicator.Direction;
import org.mandate.indicators.Indicator.Periodicity;
import org.mandate.indicators.Indicator.Target;
import org.mandate.shared.LocalizedText;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The indicator catalogue and its targets, in SQL. */
@Repository
class Indicators {

    private final JdbcClient jdbc;

    Indicators(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Indicator> all(String resolution) {
        String where = resolution == null ? "" : " where resolution = :resolution";
        var spec = jdbc.sql("select * from indicator" + where + " order by resolution, code");
        if (resolution != null) {
            spec = spec.param("resolution", resolution);
        }
        List<Indicator> rows = spec.query(this::mapWithoutTargets).list();
        Map<Long, List<Target>> targets = new HashMap<>();
        jdbc.sql("select indicator_id, target_year, target_value from indicator_target order by target_year")
                .query(rs -> {
                    targets.computeIfAbsent(rs.getLong(1), k -> new java.util.ArrayList<>())
                            .add(new Target(rs.getInt(2), rs.getBigDecimal(3)));
                });
        return rows.stream()
                .map(i -> withTargets(i, targets.getOrDefault(i.id(), List.of())))
                .toList();
    }

    Optional<Indicator> findByCode(String code) {
        return jdbc.sql("select * from indicator where code = :code")
                .param("code", code)
                .query(this::mapWithoutTargets)
                .optional()
                .map(i -> withTargets(i, targets(i.id())));
    }

    /** Code to formula of every formula indicator: the graph the cycle check walks. */
    Map<String, String> formulas() {
        Map<String, String> map = new HashMap<>();
        jdbc.sql("select code, formula from indicator where formula is not null")
                .query(rs -> {
                    map.put(rs.getString(1), rs.getString(2));
                });
        return map;
    }

    long insert(Indicator i) {
        Timestamp now = Timestamp.from(Instant.now());
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into indicator (code, name_vi, name_en, name_fr, name_ru, unit, direction, periodicity, aggregation,
                                       weight_indicator, baseline_value, baseline_year, formula, resolution,
                                       plausible_min, plausible_max, sample, version, created_at, updated_at)
                values (:code, :vi, :en, :fr, :ru, :unit, :direction, :periodicity, :aggregation, :weight, :bv, :by,
                        :formula, :resolution, :pmin, :pmax, :sample, 0, :now, :now)
                """)
                .params(params(i))
                .param("code", i.code())
                .param("now", now)
                .update(keys, "id");
        long id = keys.getKey().longValue();
        insertTargets(id, i.targets());
        return id;
    }

    boolean update(Indicator i, long expectedVersion) {
        boolean ok = jdbc.sql("""
                update indicator set name_vi = :vi, name_en = :en, name_fr = :fr, name_ru = :ru, unit = :unit,
                       direction = :direction, periodicity = :periodicity, aggregation = :aggregation,
                       weight_indicator = :weight, baseline_value = :bv, baseline_year = :by, formula = :formula,
                       resolution = :resolution, plausible_min = :pmin, plausible_max = :pmax, sample = :sample,
                       version = version + 1, updated_at = :now
                 where id = :id and version = :version
                """)
                        .params(params(i))
                        .param("now", Timestamp.from(Instant.now()))
                        .param("id", i.id())
                        .param("version", expectedVersion)
                        .update()
                == 1;
        if (ok) {
            jdbc.sql("delete from indicator_target where indicator_id = :id")
                    .param("id", i.id())
                    .update();
            insertTargets(i.id(), i.targets());
        }
        return ok;
    }

    private void insertTargets(long id, List<Target> targets) {
        for (Target t : targets) {
            jdbc.sql(
                            "insert into indicator_target (indicator_id, target_year, target_value) values (:id, :year, :value)")
                    .param("id", id)
                    .param("year", t.year())
                    .param("value", t.value())
                    .update();
        }
    }

    private List<Target> targets(long id) {
        return jdbc.sql(
                        "select target_year, target_value from indicator_target where indicator_id = :id order by target_year")
                .param("id", id)
                .query((rs, n) -> new Target(rs.getInt(1), rs.getBigDecimal(2)))
                .list();
    }

    private static Map<String, Object> params(Indicator i) {
        Map<String, Object> p = new HashMap<>();
        p.put("vi", i.names().vi());
        p.put("en", i.names().en());
        p.put("fr", i.names().fr());
        p.put("ru", i.names().ru());
        p.put("unit", i.unit());
        p.put("direction", i.direction().name());
        p.put("periodicity", i.periodicity().name());
        p.put("aggregation", i.aggregation().name());
        p.put("weight", i.weightIndicator());
        p.put("bv", i.baseline() == null ? null : i.baseline().value());
        p.put("by", i.baseline() == null ? null : i.baseline().year());
        p.put("formula", i.isFormula() ? i.formula() : null);
        p.put("resolution", i.resolution());
        p.put("pmin", i.plausibleMin());
        p.put("pmax", i.plausibleMax());
        p.put("sample", i.sample());
        return p;
    }

    private static Indicator withTargets(Indicator i, List<Target> targets) {
        return new Indicator(
                i.id(),
                i.code(),
                i.names(),
                i.unit(),
                i.direction(),
                i.periodicity(),
                i.aggregation(),
                i.weightIndicator(),
                i.baseline(),
                List.copyOf(targets),
                i.formula(),
                i.resolution(),
                i.plausibleMin(),
                i.plausibleMax(),
                i.sample(),
                i.version());
    }

    private Indicator mapWithoutTargets(ResultSet rs, int row) throws SQLException {
        Integer baselineYear = rs.getObject("baseline_year", Integer.class);
        java.math.BigDecimal baselineValue = rs.getBigDecimal("baseline_value");
        return new Indicator(
                rs.getLong("id"),
                rs.getString("code"),
                new LocalizedText(
                        rs.getString("name_vi"),
                        rs.getString("name_en"),
                        rs.getString("name_fr"),
                        rs.getString("name_ru")),
                rs.getString("unit"),
                Direction.valueOf(rs.getString("direction")),
                Periodicity.valueOf(rs.getString("periodicity")),
                Aggregation.valueOf(rs.getString("aggregation")),
                rs.getString("weight_indicator"),
                baselineValue == null && baselineYear == null ? null : new Baseline(baselineValue, baselineYear),
                List.of(),
                rs.getString("formula"),
                rs.getString("resolution"),
                rs.getBigDecimal("plausible_min"),
                rs.getBigDecimal("plausible_max"),
                rs.getBoolean("sample"),
                rs.getLong("version"));
    }
}
