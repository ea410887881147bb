package org.mandate.publication;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.mandate.bottlenecks.Bottleneck;
import org.mandate.bottlenecks.BottleneckManagement;
import org.mandate.bottlenecks.BottleneckType;
import org.mandate.feedback.FeedbackManagement;
import org.mandate.feedback.Satisfaction;
import org.mandate.indicators.Indicator;
import org.mandate.indicators.IndicatorAnalytics;
import org.mandate.indicators.IndicatorManagement;
import org.mandate.orgunits.OrgLevel;
import org.mandate.orgunits.OrgUnit;
import org.mandate.orgunits.OrgUnitManagement;
import org.mandate.reporting.ReportManagement;
import org.mandate.resolutions.Resolution;
import org.mandate.resolutions.ResolutionManagement;
import org.mandate.reviews.AppraisalManagement;
import org.mandate.reviews.Scorecard;
import org.mandate.reviews.Scorecards;
import org.mandate.reviews.SupervisionManagement;
import org.mandate.shared.PageResult;
import org.mandate.shared.Paging;
import org.mandate.shared.Period;
import org.mandate.tasks.Rebaseline;
import org.mandate.tasks.TaskManagement;
import org.mandate.tasks.TaskManagement.PublicTaskRow;
import org.mandate.tasks.TaskManagement.TaskCounts;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Gathers everything public at one instant into one tree of plain maps and lists: the content that is
 * frozen, digested and rendered. Only public data goes in: no draft tasks, only approved indicator
 * values, only published appraisals and supervision findings, only rating aggregates.
 */
@Component
class PublicSnapshot {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(PublicSnapshot.class);

    static final int SCHEMA = 1;

    private final OrgUnitManagement orgUnits;
    private final ResolutionManagement resolutions;
    private final TaskManagement tasks;
    private final BottleneckManagement bottlenecks;
    private final IndicatorManagement indicators;
    private final IndicatorAnalytics analytics;
    private final ReportManagement reports;
    private final AppraisalManagement appraisals;
    private final SupervisionManagement supervisions;
    private final FeedbackManagement feedback;
    private final Scorecards scorecards;
    private final Clock clock;
    private final boolean sample;

    private final int parallelism;

    private final org.mandate.tasks.DeliveryConfidence confidence;

    PublicSnapshot(
            OrgUnitManagement orgUnits,
            ResolutionManagement resolutions,
            TaskManagement tasks,
            BottleneckManagement bottlenecks,
            IndicatorManagement indicators,
            IndicatorAnalytics analytics,
            ReportManagement reports,
            AppraisalManagement appraisals,
            SupervisionManagement supervisions,
            FeedbackManagement feedback,
            Scorecards scorecards,
            Clock clock,
            org.mandate.tasks.DeliveryConfidence confidence,
            @Value("${mandate.demo:false}") boolean sample,
            @Value("${mandate.publication.parallelism:2}") int parallelism) {
        this.confidence = confidence;
        this.parallelism = parallelism;
        this.orgUnits = orgUnits;
        this.resolutions = resolutions;
        this.tasks = tasks;
        this.bottlenecks = bottlenecks;
        this.indicators = indicators;
        this.analytics = analytics;
        this.reports = reports;
        this.appraisals = appraisals;
        this.supervisions = supervisions;
        this.feedback = feedback;
        this.scorecards = scorecards;
        this.clock = clock;
        this.sample = sample;
    }

    Map<String, Object> build(PublicationKind kind, String period, Instant at) {
        LocalDate today = LocalDate.ofInstant(at, clock.getZone());
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("schema", SCHEMA);
        root.put("kind", kind.name());
        root.put("period", period);
        root.put("publishedAt", at.toString());
        root.put("asOf", today.toString());
        root.put("sampleData", sample);
        // Each section's time is logged: at national scale this is where a slow publication shows why.
        Map<String, Long> took = new LinkedHashMap<>();
        List<OrgUnit> units = timed(took, "orgUnits", () -> all((p) -> orgUnits.list(null, null, null, p)));
        root.put("orgUnits", units.stream().map(PublicSnapshot::unit).toList());
        List<Resolution> catalogue = resolutions.all();
        root.put("resolutions", catalogue.stream().map(this::resolution).toList());
        root.put("tasks", timed(took, "tasks", () -> {
            List<Map<String, Object>> publicTasks = new ArrayList<>();
            Map<Long, List<org.mandate.tasks.Confidence>> rated = confidence.latestTwo();
            tasks.forEachPublicTask(t -> {
                Map<String, Object> row = task(t);
                List<org.mandate.tasks.Confidence> two = rated.get(t.id());
                if (two != null) {
                    // The current rating with its reason and date, and the one before it: the trend.
                    Map<String, Object> c = new LinkedHashMap<>();
                    c.put("rating", two.get(0).rating().name());
                    c.put("reason", two.get(0).reason());
                    c.put("on", two.get(0).setAt().toString());
                    c.put("previous", two.size() > 1 ? two.get(1).rating().name() : null);
                    row.put("confidence", c);
                }
                publicTasks.add(row);
            });
            return publicTasks;
        }));
        root.put("rebaselines", timed(took, "rebaselines", () -> {
            List<Map<String, Object>> log = new ArrayList<>();
            tasks.forEachPublicRebaseline(r -> log.add(rebaseline(r)));
            return log;
        }));
        root.put(
                "bottlenecks",
                timed(
                        took,
                        "bottlenecks",
                        () -> bottlenecks.all().stream()
                                .map(PublicSnapshot::bottleneck)
                                .toList()));
        root.put("indicators", timed(took, "indicators", () -> indicators(units, today)));
        root.put("summaries", timed(took, "summaries", () -> summaries(units, catalogue, today)));
        root.put("rankings", timed(took, "rankings", () -> rankings(today)));
        root.put("appraisals", timed(took, "appraisals", () -> appraisals(at)));
        root.put("supervisions", timed(took, "supervisions", () -> supervisions(at)));
        log.info("Publication snapshot built, milliseconds per section: {}", took);
        return root;
    }

    private static <T> T timed(Map<String, Long> took, String section, java.util.function.Supplier<T> build) {
        long start = System.nanoTime();
        T result = build.get();
        took.put(section, (System.nanoTime() - start) / 1_000_000);
        return result;
    }

    private static <T> List<T> all(java.util.function.Function<Paging, PageResult<T>> source) {
        List<T> rows = new ArrayList<>();
        int page = 0;
        while (true) {
            PageResult<T> batch = source.apply(Paging.of(page, Paging.MAX_SIZE));
            rows.addAll(batch.items());
            if ((long) (page + 1) * Paging.MAX_SIZE >= batch.total()
                    || batch.items().isEmpty()) {
                return rows;
            }
            page++;
        }
    }

    private static Map<String, Object> unit(OrgUnit u) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("code", u.code());
        row.put("names", u.names());
        row.put("level", u.level().name());
        row.put("parent", u.parent());
        row.put("leader", u.leader());
        return row;
    }

    private Map<String, Object> resolution(Resolution r) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("slug", r.slug());
        row.put("number", r.number());
        row.put("titles", r.titles());
        row.put("summary", r.summary());
        row.put("issuedOn", r.issuedOn() == null ? null : r.issuedOn().toString());
        row.put("issuer", r.issuer());
        row.put("goals", r.goals());
        row.put("solutionGroups", r.solutionGroups());
        return row;
    }

    private static Map<String, Object> task(PublicTaskRow t) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", t.id());
        row.put("title", t.title());
        row.put("resolution", t.resolution());
        row.put("solutionGroup", t.solutionGroup());
        row.put("leadUnit", t.leadUnit());
        row.put("responsiblePerson", t.responsiblePerson());
        row.put("deadline", t.deadline() == null ? null : t.deadline().toString());
        row.put("status", t.status().name());
        row.put("progress", t.progress());
        row.put("blocked", t.blocked());
        row.put("kind", t.kind().name());
        row.put("expectedResult", t.expectedResult());
        row.put("daysLate", t.daysLate());
        row.put("parent", t.parent());
        row.put("startOn", t.startOn() == null ? null : t.startOn().toString());
        row.put("budgetPlanned", t.budgetPlanned());
        row.put("budgetAllocated", t.budgetAllocated());
        row.put("budgetDisbursed", t.budgetDisbursed());
        row.put(
                "originalDeadline",
                t.originalDeadline() == null ? null : t.originalDeadline().toString());
        row.put("originalExpectedResult", t.originalExpectedResult());
        row.put("rebaselineCount", t.rebaselineCount());
        row.put("rebaselineDays", t.rebaselineDays());
        return row;
    }

    /** An approved change of a task's deadline or expected result: when, why, who asked and who approved. */
    private static Map<String, Object> rebaseline(Rebaseline r) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", r.id());
        row.put("task", r.taskId());
        row.put("oldDeadline", r.oldDeadline() == null ? null : r.oldDeadline().toString());
        row.put("newDeadline", r.newDeadline() == null ? null : r.newDeadline().toString());
        row.put(
                "days",
                r.oldDeadline() == null || r.newDeadline() == null
                        ? 0
                        : java.time.temporal.ChronoUnit.DAYS.between(r.oldDeadline(), r.newDeadline()));
        row.put("oldExpectedResult", r.oldExpectedResult());
        row.put("newExpectedResult", r.newExpectedResult());
        row.put("reason", r.reason());
        row.put("requestedBy", r.requestedBy());
        row.put("requestedOn", r.requestedOn() == null ? null : r.requestedOn().toString());
        row.put("approvedBy", r.decidedBy());
        row.put("approvedOn", r.decidedOn() == null ? null : r.decidedOn().toString());
        return row;
    }

    private static Map<String, Object> bottleneck(Bottleneck b) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", b.id());
        row.put("title", b.title());
        row.put("type", b.type().name());
        row.put("severity", b.severity().name());
        row.put("resolution", b.resolution());
        row.put("status", b.status());
        row.put("raisedBy", b.raisedBy());
        row.put("owner", b.owner());
        row.put("raisedOn", b.raisedOn() == null ? null : b.raisedOn().toString());
        row.put("resolvedOn", b.resolvedOn() == null ? null : b.resolvedOn().toString());
        row.put("escalationLevel", b.escalationLevel());
        row.put("blockedTasks", b.blockedTasks());
        return row;
    }

    /**
     * Each indicator with its national trend (approved values only) and, for the indicators the goals
     * name, the latest figure of every province.
     */
    private List<Map<String, Object>> indicators(List<OrgUnit> units, LocalDate today) {
        String national = units.stream()
                .filter(u -> u.level() == OrgLevel.CENTRAL)
                .map(OrgUnit::code)
                .findFirst()
                .orElse(null);
        List<String> provinces = units.stream()
                .filter(u -> u.level() == OrgLevel.PROVINCE)
                .map(OrgUnit::code)
                .toList();
        java.util.Set<String> goalIndicators = new java.util.HashSet<>();
        resolutions.all().forEach(r -> r.goals().forEach(g -> goalIndicators.add(g.indicator())));
        // Each indicator's national roll-up is a scan of a year of values from every unit: run them on as
        // many threads as the database has cores to give, in the order of the list.
        List<Indicator> all = indicators.all();
        java.util.concurrent.ExecutorService pool =
                java.util.concurrent.Executors.newFixedThreadPool(Math.max(1, Math.min(parallelism, all.size())));
        try {
            List<java.util.concurrent.Future<Map<String, Object>>> rows = new ArrayList<>();
            for (Indicator i : all) {
                rows.add(pool.submit(() -> indicatorRow(i, national, provinces, goalIndicators, today)));
            }
            List<Map<String, Object>> out = new ArrayList<>();
            for (java.util.concurrent.Future<Map<String, Object>> row : rows) {
                out.add(row.get());
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private Map<String, Object> indicatorRow(
            Indicator i,
            String national,
            List<String> provinces,
            java.util.Set<String> goalIndicators,
            LocalDate today) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("code", i.code());
        row.put("names", i.names());
        row.put("unit", i.unit());
        row.put("direction", i.direction().name());
        row.put("periodicity", i.periodicity().name());
        row.put("aggregation", i.aggregation().name());
        row.put("resolution", i.resolution());
        row.put("baseline", i.baseline());
        row.put("targets", i.targets());
        row.put("sample", i.sample());
        row.put("goal", goalIndicators.contains(i.code()));
        List<Map<String, Object>> values = new ArrayList<>();
        if (national != null) {
            IndicatorAnalytics.Trend trend = analytics.publicTrend(i.code(), national, today);
            List<Map<String, Object>> series = new ArrayList<>();
            for (IndicatorAnalytics.Point p : trend.points()) {
                Map<String, Object> point = new LinkedHashMap<>();
                point.put("period", p.period());
                point.put("value", p.value());
                point.put("target", p.target());
                series.add(point);
                if (p.value() != null) {
                    values.add(value(national, p.period(), p.value()));
                }
            }
            row.put("series", series);
            row.put("latest", status(i, analytics.statusOf(trend)));
        }
        if (goalIndicators.contains(i.code())) {
            Map<String, Object> byProvince = new LinkedHashMap<>();
            for (String province : provinces) {
                IndicatorAnalytics.Status s = analytics.publicStatus(i.code(), province, today);
                if (s.value() != null) {
                    byProvince.put(province, status(i, s));
                    values.add(value(province, s.period(), s.value()));
                }
            }
            row.put("provinces", byProvince);
        }
        row.put("values", values);
        return row;
    }

    private static Map<String, Object> value(String unit, String period, BigDecimal value) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("orgUnit", unit);
        v.put("period", period);
        v.put("value", value);
        return v;
    }

    /**
     * An indicator's latest figure as a card shows it: the value, this year's point on the trajectory to
     * the final target ({@code target}, for {@code targetYear}), the attainment against that same point
     * and {@code onTrack} = the value meets that point. The straight-line projection to the final target
     * year is kept beside it as {@code projected}, named as a projection, never as the badge.
     */
    private static Map<String, Object> status(Indicator i, IndicatorAnalytics.Status s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("period", s.period());
        m.put("value", s.value());
        m.put("target", s.target());
        m.put(
                "targetYear",
                s.target() == null || s.period() == null
                        ? null
                        : Period.parse(s.period()).year());
        m.put("attainment", s.attainment());
        m.put("finalTargetYear", s.finalTargetYear());
        m.put("finalTarget", s.finalTarget());
        m.put("projected", s.projected());
        m.put("onTrack", i.meetsIfKnown(s.value(), s.target()));
        return m;
    }

    /** Task, money and bottleneck figures for the country, each resolution, each ministry and province. */
    private Map<String, Object> summaries(List<OrgUnit> units, List<Resolution> catalogue, LocalDate today) {
        Map<String, Object> summaries = new LinkedHashMap<>();
        summaries.put("national", figures(null, null));
        Map<String, Object> byResolution = new LinkedHashMap<>();
        for (Resolution r : catalogue) {
            byResolution.put(r.slug(), figures(r.slug(), null));
        }
        summaries.put("resolutions", byResolution);
        Period month = Period.of(Period.Type.MONTH, today).previous();
        String lastMonth = month.toString();
        Map<String, Object> byUnit = new LinkedHashMap<>();
        for (OrgUnit u : units) {
            if (u.level() == OrgLevel.PROVINCE || u.level() == OrgLevel.MINISTRY) {
                Map<String, Object> f = figures(null, u.code());
                // Only reports whose due day has passed count as on time, late or missing; the month's reports
                // not yet due are said apart, so that the parts add up to the whole.
                ReportManagement.DueReports c = reports.dueReports(u.code(), month.start(), month.end());
                Map<String, Object> timeliness = new LinkedHashMap<>();
                timeliness.put("period", lastMonth);
                timeliness.put("due", c.due());
                timeliness.put("onTime", c.onTime());
                timeliness.put("late", c.late());
                timeliness.put("missing", c.missing());
                timeliness.put("notYetDue", c.notYetDue());
                timeliness.put(
                        "percent",
                        c.due() == 0
                                ? null
                                : BigDecimal.valueOf(c.onTime() * 100)
                                        .divide(BigDecimal.valueOf(c.due()), 1, java.math.RoundingMode.HALF_UP));
                f.put("reports", timeliness);
                Satisfaction s = feedback.unitSatisfaction(u.code(), null, null);
                f.put("satisfaction", satisfaction(s));
                byUnit.put(u.code(), f);
            }
        }
        summaries.put("units", byUnit);
        return summaries;
    }

    private Map<String, Object> figures(String resolution, String unit) {
        TaskCounts c = tasks.counts(resolution, unit);
        Map<String, Object> f = new LinkedHashMap<>();
        Map<String, Long> byStatus = new LinkedHashMap<>();
        c.byStatus().forEach((k, v) -> byStatus.put(k.name(), v));
        f.put("tasksByStatus", byStatus);
        f.put("tasks", c.total());
        f.put("percentDone", c.percentDone());
        f.put("averageProgress", c.averageProgress());
        f.put("overdue", c.overdue());
        f.put("budgetPlanned", c.budgetPlanned());
        f.put("budgetAllocated", c.budgetAllocated());
        f.put("budgetDisbursed", c.budgetDisbursed());
        Map<String, Long> open = new LinkedHashMap<>();
        for (Map.Entry<BottleneckType, Long> e :
                bottlenecks.openByType(resolution, unit).entrySet()) {
            open.put(e.getKey().name(), e.getValue());
        }
        f.put("openBottlenecksByType", open);
        return f;
    }

    private static Map<String, Object> satisfaction(Satisfaction s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("count", s.count());
        m.put("average", s.average());
        return m;
    }

    /** The rankings of the current quarter: provinces and ministries, with assessments. */
    private Map<String, Object> rankings(LocalDate today) {
        String quarter = today.getYear() + "Q" + today.get(IsoFields.QUARTER_OF_YEAR);
        Map<String, Object> rankings = new LinkedHashMap<>();
        rankings.put("period", quarter);
        rankings.put("weights", scorecards.weights());
        BiFunction<OrgLevel, String, List<Map<String, Object>>> ranked =
                (level, parent) -> scorecards.ranking(quarter, level, parent).stream()
                        .map(PublicSnapshot::scorecard)
                        .toList();
        rankings.put("PROVINCE", ranked.apply(OrgLevel.PROVINCE, null));
        rankings.put("MINISTRY", ranked.apply(OrgLevel.MINISTRY, null));
        return rankings;
    }

    private static Map<String, Object> scorecard(Scorecard s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("unit", s.unit());
        m.put("rank", s.rank());
        m.put("score", s.score());
        // Scorecards list the units below the minimum coverage last, with rank null.
        m.put("coverage", s.coverage());
        m.put("enoughData", s.enoughData());
        m.put("onTimeRate", s.onTimeRate());
        m.put("overdue", s.overdue());
        m.put("daysLate", s.daysLate());
        m.put("reportTimeliness", s.reportTimeliness());
        m.put("indicatorAttainment", s.indicatorAttainment());
        m.put("disbursementRate", s.disbursementRate());
        m.put("medianBottleneckDays", s.medianBottleneckDays());
        m.put("satisfaction", s.satisfaction());
        // Always present (null without an assessment): pages read every key of a ranking row.
        m.put(
                "verdict",
                s.assessment() == null ? null : s.assessment().verdict().name());
        m.put("reason", s.assessment() == null ? null : s.assessment().reason());
        return m;
    }

    /** Submitted appraisals go public with this publication. */
    private List<Object> appraisals(Instant at) {
        appraisals.markPublished(
                appraisals.readyToPublish().stream().map(a -> a.id()).toList(), at);
        return all(p -> appraisals.published(null, p)).stream()
                .map(a -> (Object) a)
                .toList();
    }

    private List<Object> supervisions(Instant at) {
        supervisions.markPublished(
                supervisions.readyToPublish().stream().map(s -> s.id()).toList(), at);
        return all(p -> supervisions.list(null, true, null, p)).stream()
                .map(s -> (Object) s)
                .toList();
    }
}
