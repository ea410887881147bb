package org.mandate.reviews;

import org.mandate.shared.LocalizedText;

/**
 * A unit's results for a quarter or a year, computed from data (never typed in), with the composite score
 * and the unit's rank among its peers. Each component is 0–100; null when there is nothing to measure.
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
        double score,
        int rank,
        Assessment assessment) {

    Scorecard ranked(int rank) {
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
                assessment);
    }
}
