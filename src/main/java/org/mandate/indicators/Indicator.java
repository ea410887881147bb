package org.mandate.indicators;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.mandate.shared.LocalizedText;
import org.mandate.shared.Period;

/**
 * A measure of a resolution's goal: what is counted (code, names, unit), which way is better, how often
 * units report it, how values aggregate up the org tree and over time, where it starts (baseline) and
 * where it must be by each year (targets). An indicator with a formula is computed from other indicators'
 * aggregated values and is never entered directly.
 */
public record Indicator(
        long id,
        String code,
        LocalizedText names,
        String unit,
        Direction direction,
        Periodicity periodicity,
        Aggregation aggregation,
        String weightIndicator,
        Baseline baseline,
        List<Target> targets,
        String formula,
        String resolution,
        BigDecimal plausibleMin,
        BigDecimal plausibleMax,
        boolean sample,
        long version) {

    public enum Direction {
        HIGHER_IS_BETTER,
        LOWER_IS_BETTER
    }

    public enum Periodicity {
        WEEKLY(Period.Type.WEEK),
        MONTHLY(Period.Type.MONTH),
        QUARTERLY(Period.Type.QUARTER),
        YEARLY(Period.Type.YEAR);

        private final Period.Type type;

        Periodicity(Period.Type type) {
            this.type = type;
        }

        public Period.Type periodType() {
            return type;
        }
    }

    /**
     * How values combine over a subtree and over the periods inside a longer one. LAST takes the latest
     * period in range (a stock such as installed capacity) and sums it over the units; WEIGHTED_AVERAGE
     * weighs each unit's value by the weight indicator's value for the same unit and period.
     */
    public enum Aggregation {
        SUM,
        AVERAGE,
        WEIGHTED_AVERAGE,
        MIN,
        MAX,
        LAST
    }

    public record Baseline(BigDecimal value, Integer year) {}

    public record Target(Integer year, BigDecimal value) {}

    public boolean isFormula() {
        return formula != null && !formula.isBlank();
    }

    /** The final (latest) target, the one a projection is measured against. */
    public Optional<Target> finalTarget() {
        return targets.stream().max(Comparator.comparing(Target::year));
    }

    /**
     * The target for a year: the one set for it, else a straight line between the surrounding known points
     * (baseline and targets); none before the first or after the last target.
     */
    public Optional<BigDecimal> targetFor(int year) {
        Target before = null;
        Target after = null;
        for (Target t : targets) {
            if (t.year() == year) {
                return Optional.of(t.value());
            }
            if (t.year() < year && (before == null || t.year() > before.year())) {
                before = t;
            }
            if (t.year() > year && (after == null || t.year() < after.year())) {
                after = t;
            }
        }
        if (before == null && baseline != null && baseline.year() != null && baseline.value() != null) {
            if (baseline.year() <= year) {
                before = new Target(baseline.year(), baseline.value());
            }
        }
        if (before == null || after == null) {
            return Optional.empty();
        }
        BigDecimal share = BigDecimal.valueOf(year - before.year())
                .divide(BigDecimal.valueOf(after.year() - before.year()), 10, RoundingMode.HALF_UP);
        return Optional.of(before.value()
                .add(after.value().subtract(before.value()).multiply(share))
                .setScale(4, RoundingMode.HALF_UP));
    }

    /**
     * Attainment in percent: value / target for higher-is-better, target / value for lower-is-better;
     * none when there is no target or the divisor is zero.
     */
    public Optional<BigDecimal> attainment(BigDecimal value, BigDecimal target) {
        if (value == null || target == null) {
            return Optional.empty();
        }
        BigDecimal num = direction == Direction.LOWER_IS_BETTER ? target : value;
        BigDecimal den = direction == Direction.LOWER_IS_BETTER ? value : target;
        if (den.signum() == 0) {
            return Optional.empty();
        }
        return Optional.of(num.multiply(BigDecimal.valueOf(100)).divide(den, 1, RoundingMode.HALF_UP));
    }

    /** Whether the value meets the target in the indicator's direction; null when either is missing. */
    public Boolean meetsIfKnown(BigDecimal value, BigDecimal target) {
        return value == null || target == null ? null : meets(value, target);
    }

    /** True when the value meets the target in the indicator's direction. */
    public boolean meets(BigDecimal value, BigDecimal target) {
        int c = value.compareTo(target);
        return direction == Direction.LOWER_IS_BETTER ? c <= 0 : c >= 0;
    }
}
