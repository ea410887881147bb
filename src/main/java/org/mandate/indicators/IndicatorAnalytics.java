package org.mandate.indicators;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mandate.indicators.Indicator.Target;
import org.mandate.orgunits.OrgUnitManagement;
import org.mandate.shared.Period;
import org.springframework.stereotype.Service;

/**
 * The value of an indicator for a unit and a period by the one roll-up rule ({@link RollUp}): the unit's own
 * reported value when it has one, otherwise the aggregate of its children's values by the indicator's rule,
 * recursively (weekly values roll up to months, quarters and years by the same rule), with the target of that
 * year, the
 * attainment and a linear projection to the final target year. Formula indicators are computed from their
 * operands' aggregated values. Every method has an {@code approvedOnly} switch; the {@code public*}
 * methods always use approved values only, for the public dashboard.
 */
@Service
public class IndicatorAnalytics {

    private final IndicatorManagement indicators;
    private final DataValues values;
    private final OrgUnitManagement orgUnits;
    private final AnalyticsCache cache;

    IndicatorAnalytics(
            IndicatorManagement indicators, DataValues values, OrgUnitManagement orgUnits, AnalyticsCache cache) {
        this.indicators = indicators;
        this.values = values;
        this.orgUnits = orgUnits;
        this.cache = cache;
    }

    /**
     * Where a value comes from: {@code REPORTED} by the unit itself, {@code COMPUTED} from {@code children}
     * of its direct children that have a value ({@code missing} of them have none), or {@code FORMULA} from
     * its operands' values. Null beside a null value.
     */
    public record Provenance(String source, int children, int missing) {

        static Provenance of(RollUp.Result r) {
            return r == null ? null : new Provenance(r.source().name(), r.children(), r.missing());
        }
    }

    /** An aggregated value with its target and attainment (percent); value null when there are no figures. */
    public record Value(
            String indicator,
            String orgUnit,
            String period,
            BigDecimal value,
            BigDecimal target,
            Integer targetYear,
            BigDecimal attainment,
            Provenance provenance) {}

    /** One point of a series. */
    public record Point(
            String period,
            LocalDate start,
            LocalDate end,
            BigDecimal value,
            BigDecimal target,
            Provenance provenance) {}

    /**
     * Where the current pace leads: the straight line through the series, extended to the end of the final
     * target year. {@code onTrack} is null when there are fewer than two points or no target.
     */
    public record Projection(Integer targetYear, BigDecimal target, BigDecimal projected, Boolean onTrack) {}

    /** The series of the last twelve months (or quarters/years) and the projection, for a trend chart. */
    public record Trend(Indicator indicator, String orgUnit, List<Point> points, Projection projection, Value latest) {}

    /**
     * What a dashboard shows for an indicator and a subtree: the latest value with its target and
     * attainment, and whether the current pace reaches the final target (with the projected value).
     */
    public record Status(
            String indicator,
            String orgUnit,
            String period,
            BigDecimal value,
            BigDecimal target,
            BigDecimal attainment,
            Integer finalTargetYear,
            BigDecimal finalTarget,
            BigDecimal projected,
            Boolean onTrack,
            Provenance provenance) {}

    public Status status(String indicator, String orgUnit, LocalDate today, boolean approvedOnly) {
        return statusOf(trend(indicator, orgUnit, today, approvedOnly));
    }

    /** The status a trend already holds: its latest value and its projection, without querying again. */
    public Status statusOf(Trend t) {
        String indicator = t.indicator().code();
        String orgUnit = t.orgUnit();
        Value l = t.latest();
        Projection p = t.projection();
        return new Status(
                indicator,
                orgUnit,
                l == null ? null : l.period(),
                l == null ? null : l.value(),
                l == null ? null : l.target(),
                l == null ? null : l.attainment(),
                p.targetYear(),
                p.target(),
                p.projected(),
                p.onTrack(),
                l == null ? null : l.provenance());
    }

    /** Only approved values: what the public dashboard may show. */
    public Status publicStatus(String indicator, String orgUnit, LocalDate today) {
        return status(indicator, orgUnit, today, true);
    }

    public Value value(String indicator, String orgUnit, Period period, boolean approvedOnly) {
        Indicator i = indicators.get(indicator);
        orgUnits.get(orgUnit);
        return cache.get(
                i,
                indicators,
                List.of("value", indicator, orgUnit, period, approvedOnly),
                () -> computeValue(i, orgUnit, period, approvedOnly));
    }

    private Value computeValue(Indicator i, String orgUnit, Period period, boolean approvedOnly) {
        return valueOf(
                i,
                orgUnit,
                period,
                aggregate(i, orgUnit, List.of(period), approvedOnly).get(period));
    }

    /** The values for each period of {@code granularity} from {@code from} to {@code to}. */
    public List<Point> series(
            String indicator, String orgUnit, Period from, Period to, Period.Type granularity, boolean approvedOnly) {
        Indicator i = indicators.get(indicator);
        orgUnits.get(orgUnit);
        return cache.get(
                i,
                indicators,
                List.of("series", indicator, orgUnit, from, to, granularity, approvedOnly),
                () -> computeSeries(i, orgUnit, from, to, granularity, approvedOnly));
    }

    private List<Point> computeSeries(
            Indicator i, String orgUnit, Period from, Period to, Period.Type granularity, boolean approvedOnly) {
        List<Period> buckets = Period.range(granularity, from, to);
        Map<Period, RollUp.Result> agg = aggregate(i, orgUnit, buckets, approvedOnly);
        List<Point> points = new ArrayList<>();
        for (Period b : buckets) {
            RollUp.Result r = agg.get(b);
            points.add(new Point(
                    b.toString(),
                    b.start(),
                    b.end(),
                    r == null ? null : scaled(r.value()),
                    i.targetFor(b.year()).orElse(null),
                    Provenance.of(r)));
        }
        return points;
    }

    /** The latest period with figures in the subtree (at the indicator's own periodicity), with its value. */
    public Optional<Value> latest(String indicator, String orgUnit, boolean approvedOnly) {
        Indicator i = indicators.get(indicator);
        // Cached like the trend: the indicator list asks this for every indicator at once.
        return cache.get(
                i,
                indicators,
                List.of("latest", indicator, orgUnit, approvedOnly),
                () -> latest(i, orgUnit, approvedOnly));
    }

    private Optional<Value> latest(Indicator i, String orgUnit, boolean approvedOnly) {
        return latestPeriod(i, orgUnit, approvedOnly)
                .map(p -> valueOf(
                        i,
                        orgUnit,
                        p,
                        aggregate(i, orgUnit, List.of(p), approvedOnly).get(p)));
    }

    /** The trend chart's numbers: the last twelve buckets up to today and the projection. */
    public Trend trend(String indicator, String orgUnit, LocalDate today, boolean approvedOnly) {
        Indicator i = indicators.get(indicator);
        orgUnits.get(orgUnit);
        return cache.get(
                i,
                indicators,
                List.of("trend", indicator, orgUnit, today, approvedOnly),
                () -> computeTrend(i, orgUnit, today, approvedOnly));
    }

    private Trend computeTrend(Indicator i, String orgUnit, LocalDate today, boolean approvedOnly) {
        Period.Type granularity = switch (i.periodicity()) {
            case WEEKLY, MONTHLY -> Period.Type.MONTH;
            case QUARTERLY -> Period.Type.QUARTER;
            case YEARLY -> Period.Type.YEAR;
        };
        Period last = Period.of(granularity, today);
        Period first = last;
        for (int n = 0; n < (granularity == Period.Type.YEAR ? 5 : 11); n++) {
            first = first.previous();
        }
        List<Point> points = computeSeries(i, orgUnit, first, last, granularity, approvedOnly);
        return new Trend(
                i,
                orgUnit,
                points,
                project(i, points),
                latest(i, orgUnit, approvedOnly).orElse(null));
    }

    /** Only approved values: what the public dashboard may show. */
    public Optional<Value> publicLatest(String indicator, String orgUnit) {
        return latest(indicator, orgUnit, true);
    }

    /** Only approved values: what the public dashboard may show. */
    public List<Point> publicSeries(String indicator, String orgUnit, Period from, Period to, Period.Type granularity) {
        return series(indicator, orgUnit, from, to, granularity, true);
    }

    /** Only approved values: what the public dashboard may show. */
    public Trend publicTrend(String indicator, String orgUnit, LocalDate today) {
        return trend(indicator, orgUnit, today, true);
    }

    /** Fits a line through the points with values (x = the bucket's middle) and extends it to the target year. */
    Projection project(Indicator i, List<Point> points) {
        Optional<Target> target = i.finalTarget();
        List<double[]> xy = new ArrayList<>();
        for (Point p : points) {
            if (p.value() != null) {
                double x = (p.start().toEpochDay() + p.end().toEpochDay()) / 2.0;
                xy.add(new double[] {x, p.value().doubleValue()});
            }
        }
        if (target.isEmpty() || xy.size() < 2) {
            return new Projection(
                    target.map(Target::year).orElse(null),
                    target.map(Target::value).orElse(null),
                    null,
                    null);
        }
        double n = xy.size();
        double sx = 0, sy = 0, sxx = 0, sxy = 0;
        for (double[] p : xy) {
            sx += p[0];
            sy += p[1];
            sxx += p[0] * p[0];
            sxy += p[0] * p[1];
        }
        double den = n * sxx - sx * sx;
        double slope = den == 0 ? 0 : (n * sxy - sx * sy) / den;
        double intercept = (sy - slope * sx) / n;
        double at = LocalDate.of(target.get().year(), 12, 31).toEpochDay();
        BigDecimal projected = BigDecimal.valueOf(intercept + slope * at).setScale(2, RoundingMode.HALF_UP);
        return new Projection(
                target.get().year(),
                target.get().value(),
                projected,
                i.meets(projected, target.get().value()));
    }

    private Value valueOf(Indicator i, String orgUnit, Period period, RollUp.Result r) {
        BigDecimal target = i.targetFor(period.year()).orElse(null);
        BigDecimal value = r == null ? null : scaled(r.value());
        return new Value(
                i.code(),
                orgUnit,
                period.toString(),
                value,
                target,
                target == null ? null : period.year(),
                i.attainment(value, target).orElse(null),
                Provenance.of(r));
    }

    /** At most four decimals, trailing zeros of an exact value kept as entered. */
    private static BigDecimal scaled(BigDecimal v) {
        return v.setScale(Math.min(Math.max(v.scale(), 0), 4), RoundingMode.HALF_UP);
    }

    private Map<Period, RollUp.Result> aggregate(Indicator i, String orgUnit, List<Period> buckets, boolean approved) {
        if (buckets.isEmpty()) {
            return Map.of();
        }
        String scope = subtree(orgUnit);
        DataValues.Units units = values.units(scope);
        return rollUp(i, units.root(), RollUp.Tree.of(units.parentOf()), scope, buckets, approved);
    }

    /**
     * The roll-up of each bucket at {@code root}: one query for the indicator's values over the buckets'
     * whole range (and one for the weight indicator's), then a bottom-up pass over the tree per bucket.
     */
    private Map<Period, RollUp.Result> rollUp(
            Indicator i, long root, RollUp.Tree tree, String scope, List<Period> buckets, boolean approved) {
        if (i.isFormula()) {
            Map<String, Map<Period, RollUp.Result>> operands = new HashMap<>();
            for (String code : Formula.variables(i.formula())) {
                operands.put(code, rollUp(indicators.get(code), root, tree, scope, buckets, approved));
            }
            Map<Period, RollUp.Result> result = new HashMap<>();
            for (Period b : buckets) {
                Map<String, BigDecimal> vars = new HashMap<>();
                operands.forEach((code, m) -> {
                    if (m.get(b) != null) {
                        vars.put(code, m.get(b).value());
                    }
                });
                BigDecimal v = Formula.evaluate(i.formula(), vars);
                if (v != null) {
                    result.put(b, new RollUp.Result(v, RollUp.Source.FORMULA, 0, 0));
                }
            }
            return result;
        }
        LocalDate from =
                buckets.stream().map(Period::start).min(LocalDate::compareTo).orElseThrow();
        LocalDate to =
                buckets.stream().map(Period::end).max(LocalDate::compareTo).orElseThrow();
        Indicator weight = i.aggregation() == Indicator.Aggregation.WEIGHTED_AVERAGE && i.weightIndicator() != null
                ? indicators.find(i.weightIndicator()).orElse(null)
                : null;
        Map<String, BigDecimal> ownWeights = new HashMap<>();
        Map<Period, Map<Long, RollUp.Result>> nodeWeights = new HashMap<>();
        if (weight != null) {
            // The weight of a unit is its value of the weight indicator by that indicator's own rule.
            Indicator.Aggregation rule = weight.aggregation() == Indicator.Aggregation.WEIGHTED_AVERAGE
                    ? Indicator.Aggregation.SUM
                    : weight.aggregation();
            List<DataValues.Row> rows = values.rows(weight.id(), scope, from, to, approved);
            for (DataValues.Row r : rows) {
                ownWeights.put(r.unitId() + "|" + r.start(), r.value());
            }
            Map<Period, Map<Long, BigDecimal>> own = ownByBucket(rule, rows, buckets, Map.of());
            for (Period b : buckets) {
                nodeWeights.put(b, RollUp.all(tree, root, rule, own.getOrDefault(b, Map.of()), Map.of()));
            }
        }
        Map<Period, Map<Long, BigDecimal>> own =
                ownByBucket(i.aggregation(), values.rows(i.id(), scope, from, to, approved), buckets, ownWeights);
        Map<Period, RollUp.Result> result = new HashMap<>();
        for (Period b : buckets) {
            Map<Long, BigDecimal> w = new HashMap<>();
            nodeWeights.getOrDefault(b, Map.of()).forEach((unit, r) -> w.put(unit, r.value()));
            RollUp.Result r = RollUp.at(tree, root, i.aggregation(), own.getOrDefault(b, Map.of()), w);
            if (r != null) {
                result.put(b, r);
            }
        }
        return result;
    }

    /** Each unit's own values per bucket (by the anchor of their period), combined over time by the rule. */
    private static Map<Period, Map<Long, BigDecimal>> ownByBucket(
            Indicator.Aggregation rule,
            List<DataValues.Row> rows,
            List<Period> buckets,
            Map<String, BigDecimal> ownWeights) {
        Map<Period, Map<Long, List<RollUp.Entry>>> entries = new HashMap<>();
        for (DataValues.Row r : rows) {
            for (Period b : buckets) {
                if (!r.anchor().isBefore(b.start()) && !r.anchor().isAfter(b.end())) {
                    entries.computeIfAbsent(b, k -> new HashMap<>())
                            .computeIfAbsent(r.unitId(), k -> new ArrayList<>())
                            .add(new RollUp.Entry(r.start(), r.value(), ownWeights.get(r.unitId() + "|" + r.start())));
                }
            }
        }
        Map<Period, Map<Long, BigDecimal>> out = new HashMap<>();
        entries.forEach((b, byUnit) -> {
            Map<Long, BigDecimal> m = new HashMap<>();
            byUnit.forEach((unit, es) -> m.put(unit, RollUp.overTime(rule, es)));
            out.put(b, m);
        });
        return out;
    }

    /**
     * The unit whose subtree to filter by, or null for the only root: its subtree is every unit, and
     * leaving the filter out lets the database read one range of the (indicator, period) index.
     */
    private String subtree(String orgUnit) {
        List<org.mandate.orgunits.OrgUnit> roots = orgUnits.roots();
        return roots.size() == 1 && roots.get(0).code().equals(orgUnit) ? null : orgUnit;
    }

    private Optional<Period> latestPeriod(Indicator i, String orgUnit, boolean approved) {
        if (!i.isFormula()) {
            return values.latestStart(i.id(), subtree(orgUnit), approved)
                    .map(d -> Period.of(i.periodicity().periodType(), d));
        }
        // A computed value exists where every operand has one: the earliest of their latest periods.
        Optional<Period> result = Optional.empty();
        for (String code : Formula.variables(i.formula())) {
            Optional<Period> p = latestPeriod(indicators.get(code), orgUnit, approved);
            if (p.isEmpty()) {
                return Optional.empty();
            }
            Period own = Period.of(i.periodicity().periodType(), p.get().anchor());
            if (result.isEmpty() || own.compareTo(result.get()) < 0) {
                result = Optional.of(own);
            }
        }
        return result;
    }
}
