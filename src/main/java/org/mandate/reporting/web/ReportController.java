package org.mandate.reporting.web;

import java.time.LocalDate;
import org.mandate.orgunits.OrgUnitManagement;
import org.mandate.reporting.Report;
import org.mandate.reporting.ReportManagement;
import org.mandate.resolutions.ResolutionManagement;
import org.mandate.shared.Actor;
import org.mandate.shared.Paging;
import org.mandate.shared.Period;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Pages: reports of a subtree for a period with completeness and who is missing; one report with its actions. */
@Controller
class ReportController {

    static final String LIST_VIEW = "reporting/list";
    static final String REPORT_VIEW = "reporting/report";

    private final ReportManagement reports;
    private final OrgUnitManagement orgUnits;
    private final ResolutionManagement resolutions;

    ReportController(ReportManagement reports, OrgUnitManagement orgUnits, ResolutionManagement resolutions) {
        this.reports = reports;
        this.orgUnits = orgUnits;
        this.resolutions = resolutions;
    }

    @GetMapping("/reports")
    String list(
            @RequestParam(required = false) String orgUnit,
            @RequestParam(required = false) String period,
            @RequestParam(required = false) String resolution,
            @RequestParam(required = false) Integer page,
            Model model) {
        Actor actor = Actor.require();
        String unit =
                orgUnit == null || orgUnit.isBlank() ? (actor.scopeUnit() == null ? "TW" : actor.scopeUnit()) : orgUnit;
        LocalDate today = reports.today();
        String p = period == null || period.isBlank()
                ? Period.of(Period.Type.WEEK, today).previous().toString()
                : Period.parse(period, "period").toString();
        String res = resolution == null || resolution.isBlank() ? null : resolution;
        model.addAttribute("unit", orgUnits.get(unit));
        model.addAttribute("period", p);
        model.addAttribute("resolution", res);
        model.addAttribute("resolutions", resolutions.all());
        model.addAttribute("completeness", reports.completeness(unit, p, res));
        model.addAttribute("reports", reports.list(actor, unit, p, res, null, Paging.of(page, 100)));
        model.addAttribute("today", today);
        return LIST_VIEW;
    }

    @GetMapping("/reports/{id}")
    String report(@PathVariable long id, Model model) {
        Actor actor = Actor.require();
        ReportManagement.ReportContent content = reports.content(actor, id, LocaleContextHolder.getLocale());
        Report r = content.report();
        model.addAttribute("report", r);
        model.addAttribute("unit", orgUnits.get(r.orgUnit()));
        model.addAttribute("sections", content.sections());
        model.addAttribute("timeliness", r.timeliness(reports.today()));
        model.addAttribute("maySubmit", r.submittable() && orgUnits.covers(actor, r.orgUnit()));
        model.addAttribute("mayDecide", r.state() == Report.State.SUBMITTED && reports.mayDecide(actor, r.orgUnit()));
        return REPORT_VIEW;
    }

    @PostMapping("/reports/{id}/submit")
    String submit(@PathVariable long id) {
        reports.submit(Actor.require(), id, null);
        return "redirect:/reports/" + id;
    }

    @PostMapping("/reports/{id}/approve")
    String approve(@PathVariable long id) {
        reports.approve(Actor.require(), id, null);
        return "redirect:/reports/" + id;
    }

    @PostMapping("/reports/{id}/return")
    String returnReport(@PathVariable long id, @RequestParam(required = false) String reason) {
        reports.returnReport(Actor.require(), id, reason, null);
        return "redirect:/reports/" + id;
    }
}
