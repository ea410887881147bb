package org.mandate.dashboard;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mandate.bottlenecks.BottleneckManagement;
import org.mandate.indicators.Indicator;
import org.mandate.indicators.IndicatorAnalytics;
import org.mandate.indicators.IndicatorManagement;
import org.mandate.orgunits.OrgUnitManagement;
import org.mandate.resolutions.ResolutionManagement;
import org.mandate.tasks.TaskManagement;
import org.mandate.tasks.TaskManagement.TaskCounts;
import org.springframework.stereotype.Service;

/**
 * Live figures for staff: the same measures the public dashboard publishes, computed now for any
 * resolution and subtree. Indicators show approved values only, so staff and public read the same kind
 * of figure.
 */
@Service
public class Dashboard {

    private final TaskManagement tasks;
    private final BottleneckManagement bottlenecks;
    private final IndicatorManagement indicators;
    private final IndicatorAnalytics analytics;
    private final OrgUnitManagement orgUnits;
    private final ResolutionManagement resolutions;
    private final Clock clock;

    Dashboard(
            TaskManagement tasks,
            BottleneckManagement bottlenecks,
            IndicatorManagement indicators,
            IndicatorAnalytics analytics,
            OrgUnitManagement orgUnits,
            ResolutionManagement resolutions,
            Clock clock) {
        this.tasks = tasks;
        this.bottlenecks = bottlenecks;
        this.indicators = indicators;
        this.analytics = analytics;
        this.orgUnits = orgUnits;
        this.resolutions = resolutions;
        this.clock = clock;
    }

    /** Figures for a resolution (or all) over a subtree (or the whole country). */
    public DashboardSummary summary(String resolution, String orgUnit) {
        if (resolution != null) {
            resolutions.get(resolution);
        }
        String unit = orgUnit != null ? orgUnit : orgUnits.roots().get(0).code();
        orgUnits.get(unit);
        TaskCounts c = tasks.counts(resolution, orgUnit);
        Map<String, Long> byStatus = new LinkedHashMap<>();
        c.byStatus().forEach((k, v) -> byStatus.put(k.name(), v));
        Map<String, Long> open = new LinkedHashMap<>();
        bottlenecks.openByType(resolution, orgUnit).forEach((k, v) -> open.put(k.name(), v));
        LocalDate today = LocalDate.now(clock);
        List<DashboardSummary.IndicatorLine> lines = new ArrayList<>();
        List<Indicator> measured = resolution == null ? indicators.all() : indicators.ofResolution(resolution);
        for (Indicator i : measured.stream().limit(50).toList()) {
            IndicatorAnalytics.Status s = analytics.publicStatus(i.code(), unit, today);
            Map<String, String> names = new LinkedHashMap<>();
            names.put("vi", i.names().vi());
            names.put("en", i.names().en());
            names.put("fr", i.names().fr());
            names.put("ru", i.names().ru());
            lines.add(new DashboardSummary.IndicatorLine(
                    i.code(),
                    names,
                    i.unit(),
                    s.period(),
                    s.value(),
                    s.target(),
                    s.attainment(),
                    // The badge reads against the same target as the percentage beside it: this year's point.
                    i.meetsIfKnown(s.value(), s.target())));
        }
        return new DashboardSummary(
                resolution,
                unit,
                c.total(),
                byStatus,
                c.percentDone(),
                c.averageProgress(),
                c.overdue(),
                c.budgetPlanned(),
                c.budgetAllocated(),
                c.budgetDisbursed(),
                open,
                lines);
    }
}
