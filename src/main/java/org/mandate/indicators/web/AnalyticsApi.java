package org.mandate.indicators.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.mandate.indicators.IndicatorAnalytics;
import org.mandate.indicators.IndicatorAnalytics.Point;
import org.mandate.indicators.IndicatorAnalytics.Projection;
import org.mandate.indicators.IndicatorAnalytics.Value;
import org.mandate.shared.Actor;
import org.mandate.shared.Period;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Analytics over HTTP for staff: {@code /api/v1/analytics} (all values, or {@code approvedOnly=true}, the
 * figures the public side may use). The public side reads published snapshots, not this API.
 */
@RestController
class AnalyticsApi {

    private final IndicatorAnalytics analytics;
    private final Clock clock;

    AnalyticsApi(IndicatorAnalytics analytics, Clock clock) {
        this.analytics = analytics;
        this.clock = clock;
    }

    record TrendJson(String indicator, String orgUnit, List<Point> points, Projection projection, Value latest) {}

    @GetMapping("/api/v1/analytics")
    Value value(
            @RequestParam String indicator,
            @RequestParam(defaultValue = "TW") String orgUnit,
            @RequestParam String period,
            @RequestParam(defaultValue = "false") boolean approvedOnly) {
        Actor.require();
        return analytics.value(indicator, orgUnit, Period.parse(period, "period"), approvedOnly);
    }

    @GetMapping("/api/v1/analytics/series")
    List<Point> series(
            @RequestParam String indicator,
            @RequestParam(defaultValue = "TW") String orgUnit,
            @RequestParam String from,
            @RequestParam String to,
            @RequestParam(defaultValue = "MONTH") Period.Type granularity,
            @RequestParam(defaultValue = "false") boolean approvedOnly) {
        Actor.require();
        return analytics.series(
                indicator, orgUnit, Period.parse(from, "from"), Period.parse(to, "to"), granularity, approvedOnly);
    }

    @GetMapping("/api/v1/analytics/trend")
    TrendJson trend(
            @RequestParam String indicator,
            @RequestParam(defaultValue = "TW") String orgUnit,
            @RequestParam(defaultValue = "false") boolean approvedOnly) {
        Actor.require();
        return json(analytics.trend(indicator, orgUnit, LocalDate.now(clock), approvedOnly));
    }

    /** What a dashboard shows: latest value, target, attainment and whether the pace reaches the target. */
    @GetMapping("/api/v1/analytics/status")
    IndicatorAnalytics.Status status(
            @RequestParam String indicator,
            @RequestParam(defaultValue = "TW") String orgUnit,
            @RequestParam(defaultValue = "false") boolean approvedOnly) {
        Actor.require();
        return analytics.status(indicator, orgUnit, LocalDate.now(clock), approvedOnly);
    }

    private static TrendJson json(IndicatorAnalytics.Trend t) {
        return new TrendJson(t.indicator().code(), t.orgUnit(), t.points(), t.projection(), t.latest());
    }
}
