package org.mandate.dashboard;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** What {@code /api/v1/dashboard/summary} answers for a resolution and an org subtree. */
public record DashboardSummary(
        String resolution,
        String orgUnit,
        long tasks,
        Map<String, Long> tasksByStatus,
        double percentDone,
        double averageProgress,
        long overdue,
        BigDecimal budgetPlanned,
        BigDecimal budgetAllocated,
        BigDecimal budgetDisbursed,
        Map<String, Long> openBottlenecksByType,
        List<IndicatorLine> indicators) {

    /**
     * An indicator's latest approved figure for the subtree, this year's point on its trajectory to the target
     * ({@code target}), the attainment against that point and {@code onTrack}: the value meets that same point.
     */
    public record IndicatorLine(
            String code,
            Map<String, String> names,
            String unit,
            String period,
            BigDecimal value,
            BigDecimal target,
            BigDecimal attainment,
            Boolean onTrack) {}
}
