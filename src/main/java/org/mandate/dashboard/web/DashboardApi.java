package org.mandate.dashboard.web;

import org.mandate.dashboard.Dashboard;
import org.mandate.dashboard.DashboardSummary;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/dashboard/summary?resolution=&orgUnit=}: the headline figures, live. */
@RestController
class DashboardApi {

    private final Dashboard dashboard;

    DashboardApi(Dashboard dashboard) {
        this.dashboard = dashboard;
    }

    @GetMapping("/api/v1/dashboard/summary")
    DashboardSummary summary(
            @RequestParam(required = false) String resolution, @RequestParam(required = false) String orgUnit) {
        return dashboard.summary(blank(resolution), blank(orgUnit));
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
