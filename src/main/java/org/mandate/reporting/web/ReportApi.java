package org.mandate.reporting.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.mandate.indicators.DataValue;
import org.mandate.reporting.Report;
import org.mandate.reporting.ReportManagement;
import org.mandate.reporting.ReportManagement.Completeness;
import org.mandate.reporting.ReportSections;
import org.mandate.shared.Actor;
import org.mandate.shared.ForbiddenException;
import org.mandate.shared.PageResult;
import org.mandate.shared.Paging;
import org.mandate.shared.Period;
import org.mandate.shared.Role;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Reports over HTTP: {@code /api/v1/reports}, submission, approval, return and completeness. */
@RestController
@RequestMapping("/api/v1/reports")
class ReportApi {

    private final ReportManagement reports;

    ReportApi(ReportManagement reports) {
        this.reports = reports;
    }

    record ReportJson(
            long id,
            String orgUnit,
            String resolution,
            String period,
            LocalDate dueOn,
            Report.State state,
            Instant submittedAt,
            String submittedBy,
            Instant decidedAt,
            String decidedBy,
            String returnReason,
            Report.Timeliness timeliness,
            long version) {

        static ReportJson of(Report r, LocalDate today) {
            return new ReportJson(
                    r.id(),
                    r.orgUnit(),
                    r.resolution(),
                    r.period(),
                    r.dueOn(),
                    r.state(),
                    r.submittedAt(),
                    r.submittedBy(),
                    r.decidedAt(),
                    r.decidedBy(),
                    r.returnReason(),
                    r.timeliness(today),
                    r.version());
        }
    }

    record ReportDetailJson(ReportJson report, List<DataValue> values, List<ReportSections.Section> sections) {}

    record Decision(String reason, Long version) {}

    @GetMapping
    PageResult<ReportJson> list(
            @RequestParam(required = false) String orgUnit,
            @RequestParam(required = false) String period,
            @RequestParam(required = false) String resolution,
            @RequestParam(required = false) String state,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        Actor reader = Actor.require();
        LocalDate today = reports.today();
        return reports.list(reader, orgUnit, period, resolution, state, Paging.of(page, size))
                .map(r -> ReportJson.of(r, today));
    }

    @GetMapping("/{id}")
    ReportDetailJson get(@PathVariable long id) {
        Actor reader = Actor.require();
        Locale locale = LocaleContextHolder.getLocale();
        ReportManagement.ReportContent content = reports.content(reader, id, locale);
        return new ReportDetailJson(
                ReportJson.of(content.report(), reports.today()), reports.values(content.report()), content.sections());
    }

    @GetMapping("/completeness")
    Completeness completeness(
            @RequestParam(defaultValue = "TW") String orgUnit,
            @RequestParam String period,
            @RequestParam(required = false) String resolution) {
        Actor.require();
        return reports.completeness(orgUnit, period, resolution);
    }

    @PostMapping("/{id}/submit")
    ReportJson submit(@PathVariable long id, @RequestBody(required = false) Decision body) {
        noReason(body);
        return ReportJson.of(
                reports.submit(Actor.require(), id, body == null ? null : body.version()), reports.today());
    }

    @PostMapping("/{id}/approve")
    ReportJson approve(@PathVariable long id, @RequestBody(required = false) Decision body) {
        noReason(body);
        return ReportJson.of(
                reports.approve(Actor.require(), id, body == null ? null : body.version()), reports.today());
    }

    /** Only a return takes a reason: one sent with another decision is refused, not dropped. */
    private static void noReason(Decision body) {
        if (body != null && body.reason() != null) {
            throw new org.mandate.shared.InvalidInputException("reason", "error.unknownField");
        }
    }

    @PostMapping("/{id}/return")
    ReportJson returnReport(
            @PathVariable long id,
            @RequestBody(required = false) Decision body,
            @RequestParam(required = false) String reason) {
        String why = body != null && body.reason() != null ? body.reason() : reason;
        return ReportJson.of(
                reports.returnReport(Actor.require(), id, why, body == null ? null : body.version()), reports.today());
    }

    /** Opens the reports of a period now (the nightly job does it on its own). Steering and admins. */
    @PostMapping("/open")
    int open(@RequestParam String period) {
        Actor actor = Actor.require();
        if (!actor.is(Role.ADMIN, Role.STEERING)) {
            throw new ForbiddenException("error.forbidden.role", actor.role());
        }
        return reports.open(Period.parse(period, "period"));
    }
}
