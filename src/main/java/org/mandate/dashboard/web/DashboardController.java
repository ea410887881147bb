package org.mandate.dashboard.web;

import org.mandate.dashboard.Dashboard;
import org.mandate.resolutions.ResolutionManagement;
import org.mandate.shared.Actor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The staff dashboard page: a resolution and a subtree, the user's own scope by default. */
@Controller
class DashboardController {

    static final String DASHBOARD_VIEW = "dashboard/summary";

    private final Dashboard dashboard;
    private final ResolutionManagement resolutions;

    DashboardController(Dashboard dashboard, ResolutionManagement resolutions) {
        this.dashboard = dashboard;
        this.resolutions = resolutions;
    }

    @GetMapping("/dashboard")
    String summary(
            @RequestParam(required = false) String resolution,
            @RequestParam(required = false) String orgUnit,
            Model model) {
        String r = resolution == null || resolution.isBlank() ? null : resolution;
        String u = orgUnit == null || orgUnit.isBlank()
                ? Actor.current().map(Actor::scopeUnit).orElse(null)
                : orgUnit;
        model.addAttribute("summary", dashboard.summary(r, u));
        model.addAttribute("resolutions", resolutions.all());
        model.addAttribute("resolution", r);
        return DASHBOARD_VIEW;
    }
}
