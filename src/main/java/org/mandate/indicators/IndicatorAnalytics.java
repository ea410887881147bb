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
 * The value of an indicator for a unit's subtree and a period, aggregated by the indicator's rule (weekly
 * values roll up to months, quarters and years by the same rule), with the target of that year, the
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

    /** An aggregated value with its target and attainment (percent); value null when there are no figures. */
    public record Value(
            String indicator,
            String orgUnit,
            String period,
            BigDecimal value,
            BigDecimal target,
            Integer targetYear,
            BigDecimal attainment) {}

    /** One point of a series. */
    public record Point(String period, LocalDate start, LocalDate end, BigDecimal value, BigDecimal target) {}

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
            Boolean onTrack) {}

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
                p.onTrack());
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
        BigDecimal v = aggregate(i, orgUnit, List.of(period), approvedOnly).get(period);
        return valueOf(i, orgUnit, period, v);
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
        Map<Period, BigDecimal> agg = aggregate(i, orgUnit, buckets, approvedOnly);
        List<Point> points = new ArrayList<>();
        for (Period b : buckets) {
            points.add(new Point(
                    b.toString(),
                    b.start(),
                    b.end(),
                    agg.get(b),
                    i.targetFor(b.year()).orElse(null)));
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

    private Value valueOf(Indicator i, String orgUnit, Period period, BigDecimal v) {
        BigDecimal target = i.targetFor(period.year()).orElse(null);
        BigDecimal value = v == null ? null : v.setScale(Math.min(Math.max(v.scale(), 0), 4), RoundingMode.HALF_UP);
        return new Value(
                i.code(),
                orgUnit,
                period.toString(),
                value,
                target,
                target == null ? null : period.year(),
                i.attainment(value, target).orElse(null));
    }

    private Map<Period, BigDecimal> aggregate(Indicator i, String orgUnit, List<Period> buckets, boolean approved) {
        if (!i.isFormula()) {
            Long weight = i.weightIndicator() == null
                    ? null
                    : indicators.find(i.weightIndicator()).map(Indicator::id).orElse(null);
            return values.aggregate(i.id(), i.aggregation(), weight, subtree(orgUnit), buckets, approved);
        }
        Map<String, Map<Period, BigDecimal>> operands = new HashMap<>();
        for (String code : Formula.variables(i.formula())) {
            operands.put(code, aggregate(indicators.get(code), orgUnit, buckets, approved));
        }
        Map<Period, BigDecimal> result = new HashMap<>();
        for (Period b : buckets) {
            Map<String, BigDecimal> vars = new HashMap<>();
            operands.forEach((code, m) -> {
                if (m.get(b) != null) {
                    vars.put(code, m.get(b));
                }
            });
            BigDecimal v = Formula.evaluate(i.formula(), vars);
            if (v != null) {
                result.put(b, v);
            }
        }
        return result;
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
