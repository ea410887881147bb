package org.mandate.reporting;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.mandate.indicators.DataValue;
import org.mandate.indicators.DataValueManagement;
import org.mandate.indicators.Indicator;
import org.mandate.indicators.IndicatorManagement;
import org.mandate.orgunits.OrgUnit;
import org.mandate.orgunits.OrgUnitManagement;
import org.mandate.shared.Actor;
import org.mandate.shared.AuditedChange;
import org.mandate.shared.ConflictException;
import org.mandate.shared.ForbiddenException;
import org.mandate.shared.InvalidInputException;
import org.mandate.shared.NotFoundException;
import org.mandate.shared.PageResult;
import org.mandate.shared.Paging;
import org.mandate.shared.Period;
import org.mandate.shared.ReadScope;
import org.mandate.shared.Role;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opens the reports units owe, takes their submissions, lets the level above approve or return them, and
 * measures completeness and timeliness. A report covers, for its unit and period, the values of the
 * resolution's indicators reported at that frequency (and, through {@link ReportSections}, what other
 * modules add). Approval locks those values.
 */
@Service
public class ReportManagement {

    private final Reports reports;
    private final OrgUnitManagement orgUnits;
    private final IndicatorManagement indicators;
    private final DataValueManagement dataValues;
    private final List<ReportSections> sections;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final int weeklyDueDays;
    private final int monthlyDueDay;

    ReportManagement(
            Reports reports,
            OrgUnitManagement orgUnits,
            IndicatorManagement indicators,
            DataValueManagement dataValues,
            List<ReportSections> sections,
            ApplicationEventPublisher events,
            Clock clock,
            @Value("${mandate.reporting.weekly-due-days:1}") int weeklyDueDays,
            @Value("${mandate.reporting.monthly-due-day:5}") int monthlyDueDay) {
        this.reports = reports;
        this.orgUnits = orgUnits;
        this.indicators = indicators;
        this.dataValues = dataValues;
        this.sections = sections.stream()
                .sorted(Comparator.comparingInt(ReportSections::order))
                .toList();
        this.events = events;
        this.clock = clock;
        this.weeklyDueDays = weeklyDueDays;
        this.monthlyDueDay = monthlyDueDay;
    }

    /** Completeness of a subtree for a period: overall and per level, with the units that have not reported. */
    public record Completeness(
            String orgUnit,
            String period,
            String resolution,
            long expected,
            long submitted,
            long onTime,
            long late,
            long missing,
            long approved,
            java.math.BigDecimal percent,
            List<LevelCompleteness> levels,
            List<Report> notReported) {}

    public record LevelCompleteness(
            String level, long expected, long submitted, long onTime, long late, long missing, long approved) {}

    /** One unit's report with how it compares with its due day, for scorecards. */
    public record UnitTimeliness(
            String orgUnit,
            String resolution,
            String period,
            LocalDate dueOn,
            Report.State state,
            LocalDate submittedOn,
            Report.Timeliness timeliness) {}

    /** The report and its content sections (indicator values first). */
    public record ReportContent(Report report, List<ReportSections.Section> sections) {}

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** The day a period's report is due: a configurable number of days after a week, a day of the next month. */
    public LocalDate dueOn(Period period) {
        return switch (period.type()) {
            case WEEK -> period.end().plusDays(weeklyDueDays);
            case MONTH -> period.end().plusDays(1).withDayOfMonth(Math.min(monthlyDueDay, 28));
            default -> period.end().plusDays(15);
        };
    }

    /**
     * The job's work for a day: for every resolution that has indicators reported weekly or monthly, opens the
     * reports of each period from the latest one it already has reports for up to the current one (a
     * resolution with none starts at the previous period), then marks open reports past due LATE. So after
     * the application (or the job) stopped for a while, the periods it missed are opened too, and those whose
     * due day has passed turn LATE at once, their timeliness MISSING until they are submitted.
     */
    @Transactional
    public int openAndMarkLate(LocalDate today) {
        int opened = 0;
        for (Period.Type type : List.of(Period.Type.WEEK, Period.Type.MONTH)) {
            Period current = Period.of(type, today);
            Map<String, LocalDate> latest = reports.latestStarts(type);
            for (String resolution : resolutionsReporting(type)) {
                LocalDate last = latest.get(resolution);
                Period p = last == null || !last.isBefore(current.previous().start())
                        ? current.previous()
                        : Period.of(type, last);
                for (; !p.start().isAfter(current.start()); p = p.next()) {
                    opened += reports.open(resolution, p, dueOn(p));
                }
            }
        }
        int late = reports.markLate(today);
        if (opened + late > 0) {
            events.publishEvent(
                    new AuditedChange("report", "job/" + today, "opened-and-marked-late", null, List.of(opened, late)));
        }
        return opened;
    }

    /** Opens the reports every unit owes for the period (idempotent). */
    @Transactional
    public int open(Period period) {
        int opened = 0;
        for (String resolution : resolutionsReporting(period.type())) {
            opened += reports.open(resolution, period, dueOn(period));
        }
        return opened;
    }

    /** Marks the open reports whose due day has passed LATE. */
    @Transactional
    public int markLate(LocalDate today) {
        return reports.markLate(today);
    }

    public Report get(long id) {
        return reports.find(id).orElseThrow(() -> new NotFoundException("report", id));
    }

    /** Reports still to be sent (open or returned) due on this day, for reminders. */
    public List<Report> openDueOn(LocalDate day) {
        return reports.dueBetween(day, day, List.of("OPEN", "RETURNED"), 50_000);
    }

    /** Reports marked late whose due day lies in the week before {@code today}. */
    public List<Report> lateInTheLastWeek(LocalDate today) {
        return reports.dueBetween(today.minusDays(7), today.minusDays(1), List.of("LATE"), 50_000);
    }

    public Optional<Report> findById(long id) {
        return reports.find(id);
    }

    public Optional<Report> find(String orgUnit, String resolution, String period) {
        return reports.find(orgUnit, resolution, period);
    }

    public PageResult<Report> list(String orgUnit, String period, String resolution, String state, Paging paging) {
        Reports.Filter f = filter(orgUnit, period, resolution, state, null);
        return new PageResult<>(
                reports.list(f, (int) paging.offset(), paging.size()), paging.page(), paging.size(), reports.count(f));
    }

    /**
     * Reports as the reader may see them: approved ones everywhere, the others (open, submitted, returned,
     * late) only within the reader's scope, all of them for admins and the steering secretariat.
     */
    public PageResult<Report> list(
            Actor reader, String orgUnit, String period, String resolution, String state, Paging paging) {
        Reports.Filter all = filter(orgUnit, period, resolution, state, null);
        Reports.Filter f = new Reports.Filter(
                all.orgUnit(), all.period(), all.resolution(), all.state(), null, ReadScope.of(reader));
        return new PageResult<>(
                reports.list(f, (int) paging.offset(), paging.size()), paging.page(), paging.size(), reports.count(f));
    }

    /** True when the reader may see the report ({@link #list(Actor, String, String, String, String, Paging)}). */
    public boolean mayRead(Actor reader, Report r) {
        ReadScope scope = ReadScope.of(reader);
        return r.state() == Report.State.APPROVED
                || scope.everything()
                || (scope.subtree() != null && orgUnits.isWithin(r.orgUnit(), scope.subtree()));
    }

    /** The report's content if the reader may see it; 404 otherwise, as for an unknown id. */
    public ReportContent content(Actor reader, long id, Locale locale) {
        Report report = get(id);
        if (!mayRead(reader, report)) {
            throw new NotFoundException("report", id);
        }
        return content(id, locale);
    }

    /** Completeness and timeliness of a subtree for a period (and a resolution, or all). */
    public Completeness completeness(String orgUnit, String period, String resolution) {
        LocalDate today = today();
        Reports.Filter f = filter(orgUnit, period, resolution, null, true);
        List<Reports.LevelCount> counts = reports.countByLevel(f.orgUnit(), f.period(), f.resolution(), today);
        long expected = 0, submitted = 0, onTime = 0, late = 0, missing = 0, approved = 0;
        List<LevelCompleteness> levels = new ArrayList<>();
        for (Reports.LevelCount c : counts) {
            expected += c.expected();
            submitted += c.submitted();
            onTime += c.onTime();
            late += c.late();
            missing += c.missing();
            approved += c.approved();
            levels.add(new LevelCompleteness(
                    c.level(), c.expected(), c.submitted(), c.onTime(), c.late(), c.missing(), c.approved()));
        }
        java.math.BigDecimal percent = expected == 0
                ? null
                : java.math.BigDecimal.valueOf(submitted * 100)
                        .divide(java.math.BigDecimal.valueOf(expected), 1, java.math.RoundingMode.HALF_UP);
        return new Completeness(
                orgUnit,
                period,
                resolution,
                expected,
                submitted,
                onTime,
                late,
                missing,
                approved,
                percent,
                levels,
                reports.list(f, 0, 200));
    }

    /**
     * The reports of a subtree whose period starts between {@code from} and {@code to} (weekly and monthly
     * alike), counted as scorecards count them: only reports whose due day has passed are due; of those,
     * submitted on or before the due day, after it, or not at all. Reports not yet due are counted apart.
     */
    public record DueReports(long due, long onTime, long late, long missing, long notYetDue) {}

    public DueReports dueReports(String orgUnit, LocalDate from, LocalDate to) {
        long[] c = reports.dueCounts(orgUnit, from, to, today());
        return new DueReports(c[0], c[1], c[2], c[3], c[4]);
    }

    /** Each report of the subtree for the period with its timeliness: the input of scorecards. */
    public List<UnitTimeliness> timeliness(String orgUnit, String period, String resolution) {
        LocalDate today = today();
        return reports.list(filter(orgUnit, period, resolution, null, null), 0, 100_000).stream()
                .map(r -> new UnitTimeliness(
                        r.orgUnit(),
                        r.resolution(),
                        r.period(),
                        r.dueOn(),
                        r.state(),
                        r.submittedOn(),
                        r.timeliness(today)))
                .toList();
    }

    /** The indicators a report covers: the resolution's entered indicators reported at the period's frequency. */
    public List<Indicator> owedIndicators(String resolution, Period.Type type) {
        return indicators.ofResolution(resolution).stream()
                .filter(i -> !i.isFormula() && i.periodicity().periodType() == type)
                .toList();
    }

    public ReportContent content(long id, Locale locale) {
        Report report = get(id);
        return new ReportContent(
                report, sections.stream().map(s -> s.section(report, locale)).toList());
    }

    /** The values of the report's unit and period for the indicators it covers. */
    public List<DataValue> values(Report report) {
        return dataValues.valuesOf(report.orgUnit(), report.periodValue(), codes(report));
    }

    @Transactional
    public Report submit(Actor actor, long id, Long version) {
        Report r = get(id);
        orgUnits.requireWrite(actor, r.orgUnit(), Role.REPORTER, Role.LEADER, Role.STEERING);
        checkVersion(r, version);
        if (!r.submittable()) {
            throw new ConflictException("error.reporting.state", r.state());
        }
        Instant now = Instant.now(clock);
        LocalDate today = today();
        if (!reports.submit(r.id(), r.version(), now, today, actor.username())) {
            throw ConflictException.staleVersion(r.version() + 1, r.version());
        }
        dataValues.changeState(
                r.orgUnit(),
                r.periodValue(),
                codes(r),
                List.of(DataValue.State.DRAFT, DataValue.State.RETURNED),
                DataValue.State.SUBMITTED);
        Report updated = get(id);
        events.publishEvent(AuditedChange.updated("report", id, r, updated));
        events.publishEvent(new ReportSubmitted(
                id,
                r.orgUnit(),
                r.resolution(),
                r.period(),
                updated.timeliness(today) == Report.Timeliness.ON_TIME,
                actor.username(),
                now));
        return updated;
    }

    @Transactional
    public Report approve(Actor actor, long id, Long version) {
        Report r = decidable(actor, id, version);
        Instant now = Instant.now(clock);
        if (!reports.decide(r.id(), r.version(), Report.State.APPROVED, now, actor.username(), null)) {
            throw ConflictException.staleVersion(r.version() + 1, r.version());
        }
        dataValues.changeState(
                r.orgUnit(),
                r.periodValue(),
                codes(r),
                List.of(DataValue.State.SUBMITTED, DataValue.State.DRAFT, DataValue.State.RETURNED),
                DataValue.State.APPROVED);
        Report updated = get(id);
        events.publishEvent(AuditedChange.updated("report", id, r, updated));
        events.publishEvent(new ReportApproved(id, r.orgUnit(), r.resolution(), r.period(), actor.username(), now));
        return updated;
    }

    @Transactional
    public Report returnReport(Actor actor, long id, String reason, Long version) {
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("reason", "error.required");
        }
        if (reason.length() > 2000) {
            throw new InvalidInputException("reason", "error.tooLong", 2000);
        }
        Report r = decidable(actor, id, version);
        Instant now = Instant.now(clock);
        if (!reports.decide(r.id(), r.version(), Report.State.RETURNED, now, actor.username(), reason.trim())) {
            throw ConflictException.staleVersion(r.version() + 1, r.version());
        }
        dataValues.changeState(
                r.orgUnit(), r.periodValue(), codes(r), List.of(DataValue.State.SUBMITTED), DataValue.State.RETURNED);
        Report updated = get(id);
        events.publishEvent(AuditedChange.updated("report", id, r, updated));
        events.publishEvent(
                new ReportReturned(id, r.orgUnit(), r.resolution(), r.period(), reason.trim(), actor.username(), now));
        return updated;
    }

    /**
     * Records reports as submitted on their due day and approved, in one statement, for loading past
     * periods (demo data, migrations from another system). Admins only; the values are loaded separately.
     */
    @Transactional
    public int loadApproved(
            Actor actor,
            Period period,
            java.util.Collection<String> orgUnitCodes,
            java.util.Collection<String> resolutions) {
        if (!actor.isAdmin()) {
            throw new ForbiddenException("error.forbidden.role", actor.role());
        }
        return loadApproved(actor, period, orgUnitCodes, resolutions, 0);
    }

    /** Like the above, as submitted {@code daysLate} days after the due day (0: on the due day). */
    @Transactional
    public int loadApproved(
            Actor actor,
            Period period,
            java.util.Collection<String> orgUnitCodes,
            java.util.Collection<String> resolutions,
            int daysLate) {
        if (!actor.isAdmin()) {
            throw new ForbiddenException("error.forbidden.role", actor.role());
        }
        int n = reports.loadApproved(
                period.toString(),
                orgUnitCodes,
                resolutions,
                daysLate == 0 ? null : dueOn(period).plusDays(daysLate),
                Instant.now(clock),
                actor.username());
        events.publishEvent(new AuditedChange("report", "bulk/" + period, "loaded-approved", null, n));
        return n;
    }

    /** True when the actor may approve or return reports of the unit: a leader of the level above. */
    public boolean mayDecide(Actor actor, String orgUnit) {
        if (actor.isAdmin()) {
            return true;
        }
        if (!actor.is(Role.LEADER, Role.STEERING)) {
            return false;
        }
        OrgUnit unit = orgUnits.get(orgUnit);
        return unit.parent() != null && orgUnits.covers(actor, unit.parent());
    }

    private Report decidable(Actor actor, long id, Long version) {
        Report r = get(id);
        if (!actor.isAdmin() && !actor.is(Role.LEADER, Role.STEERING)) {
            throw new ForbiddenException("error.forbidden.role", actor.role());
        }
        if (!mayDecide(actor, r.orgUnit())) {
            throw new ForbiddenException("error.reporting.levelAbove", r.orgUnit());
        }
        checkVersion(r, version);
        if (r.state() != Report.State.SUBMITTED) {
            throw new ConflictException("error.reporting.state", r.state());
        }
        return r;
    }

    private static void checkVersion(Report r, Long version) {
        org.mandate.shared.Versions.check(version, r.version());
    }

    private List<String> codes(Report r) {
        return owedIndicators(r.resolution(), r.periodValue().type()).stream()
                .map(Indicator::code)
                .toList();
    }

    private Set<String> resolutionsReporting(Period.Type type) {
        Set<String> result = new LinkedHashSet<>();
        for (Indicator i : indicators.all()) {
            if (i.resolution() != null && !i.isFormula() && i.periodicity().periodType() == type) {
                result.add(i.resolution());
            }
        }
        return result;
    }

    private Reports.Filter filter(
            String orgUnit, String period, String resolution, String state, Boolean notSubmitted) {
        if (period != null && !period.isBlank()) {
            period = Period.parse(period, "period").toString();
        } else {
            period = null;
        }
        if (state != null && !state.isBlank()) {
            try {
                state = Report.State.valueOf(state).name();
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("state", "error.badValue", state);
            }
        } else {
            state = null;
        }
        if (orgUnit != null && !orgUnit.isBlank()) {
            orgUnits.get(orgUnit);
        } else {
            orgUnit = null;
        }
        return new Reports.Filter(
                orgUnit, period, resolution == null || resolution.isBlank() ? null : resolution, state, notSubmitted);
    }
}
