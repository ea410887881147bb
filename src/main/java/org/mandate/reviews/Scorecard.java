package org.mandate.reviews;

import java.util.List;
import org.mandate.shared.LocalizedText;

/**
 * A unit's results for a quarter or a year, computed from data (never typed in), with the composite score
 * and the unit's rank among its peers. Each component is a percentage 0–100, null ("no data") when there is
 * nothing to measure; {@link #components} gives each with its numerator, denominator and weight. The score
 * is the weighted mean over the components with data (weights renormalised), {@link #coverage} the share of
 * the weight that had data (0–1). A unit below the minimum coverage is not ranked ({@link #rank} null,
 * {@link #enoughData} false) and is listed after the ranked ones.
 */
public record Scorecard(
        String unit,
        LocalizedText names,
        String level,
        String period,
        long tasksDue,
        long doneOnTime,
        long doneLate,
        long overdue,
        long daysLate,
        Double onTimeRate,
        long reportsExpected,
        long reportsOnTime,
        long reportsLate,
        long reportsMissing,
        Double reportTimeliness,
        Double indicatorAttainment,
        int indicatorsMeasured,
        long budgetAllocated,
        long budgetDisbursed,
        Double disbursementRate,
        Double medianBottleneckDays,
        Double bottleneckScore,
        Double satisfaction,
        long ratings,
        Double score,
        Integer rank,
        Assessment assessment,
        double coverage,
        boolean enoughData,
        long reportsNotYetDue,
        long overdueInPeriod,
        int goalIndicators,
        List<Component> components) {

    /**
     * One input of the score: its value in percent (null: no data), what it was computed from, its configured
     * weight and its share of the score once the weights of the components without data are left out.
     */
    public record Component(String key, Double value, Number numerator, Number denominator, int weight, Double share) {}

    Scorecard ranked(Integer rank) {
        return new Scorecard(
                unit,
                names,
                level,
                period,
                tasksDue,
                doneOnTime,
                doneLate,
                overdue,
                daysLate,
                onTimeRate,
                reportsExpected,
                reportsOnTime,
                reportsLate,
                reportsMissing,
                reportTimeliness,
                indicatorAttainment,
                indicatorsMeasured,
                budgetAllocated,
                budgetDisbursed,
                disbursementRate,
                medianBottleneckDays,
                bottleneckScore,
                satisfaction,
                ratings,
                score,
                rank,
                assessment,
                coverage,
                rank != null,
                reportsNotYetDue,
                overdueInPeriod,
                goalIndicators,
                components);
    }

    Scorecard withAssessment(Assessment a) {
        return new Scorecard(
                unit,
                names,
                level,
                period,
                tasksDue,
                doneOnTime,
                doneLate,
                overdue,
                daysLate,
                onTimeRate,
                reportsExpected,
                reportsOnTime,
                reportsLate,
                reportsMissing,
                reportTimeliness,
                indicatorAttainment,
                indicatorsMeasured,
                budgetAllocated,
                budgetDisbursed,
                disbursementRate,
                medianBottleneckDays,
                bottleneckScore,
                satisfaction,
                ratings,
                score,
                rank,
                a,
                coverage,
                enoughData,
                reportsNotYetDue,
                overdueInPeriod,
                goalIndicators,
                components);
    }

    /** The component of that key ({@code onTime}, {@code reportTimeliness}, …), for pages. */
    public Component component(String key) {
        return components.stream().filter(c -> c.key().equals(key)).findFirst().orElse(null);
    }
}
