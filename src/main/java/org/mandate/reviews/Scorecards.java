package org.mandate.reviews;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.mandate.bottlenecks.BottleneckManagement;
import org.mandate.feedback.FeedbackManagement;
import org.mandate.feedback.Satisfaction;
import org.mandate.indicators.DataValuesSubmitted;
import org.mandate.indicators.IndicatorAnalytics;
import org.mandate.orgunits.OrgLevel;
import org.mandate.orgunits.OrgUnit;
import org.mandate.orgunits.OrgUnitManagement;
import org.mandate.reporting.ReportManagement;
import org.mandate.reporting.ReportManagement.DueReports;
import org.mandate.resolutions.Resolution;
import org.mandate.resolutions.ResolutionManagement;
import org.mandate.shared.AuditedChange;
import org.mandate.shared.AuditedChanges;
import org.mandate.shared.CacheGenerations;
import org.mandate.shared.InvalidInputException;
import org.mandate.shared.Paging;
import org.mandate.shared.Period;
import org.mandate.tasks.TaskManagement;
import org.mandate.tasks.TaskManagement.TaskScorecardInputs;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * Computes scorecards from the data of every module and ranks units among their peers: ministries with
 * ministries, provinces with provinces, communes within their province (see {@link ScoreRules} for the
 * arithmetic). Results are cached until a change of their inputs commits: every module announces its
 * changes ({@link AuditedChange}, {@link AuditedChanges}, {@link DataValuesSubmitted}), and each bumps a
 * generation that is part of the cache key, so a ranking computed before the commit is never served after
 * it, on this instance or any other ({@link CacheGenerations}). The key also holds today's date, since what
 * is overdue or due moves with it.
 */
@Service
public class Scorecards {

    private final OrgUnitManagement orgUnits;
    private final TaskManagement tasks;
    private final BottleneckManagement bottlenecks;
    private final ReportManagement reports;
    private final IndicatorAnalytics analytics;
    private final ResolutionManagement resolutions;
    private final FeedbackManagement feedback;
    private final ScorecardWeights weights;
    private final Assessments assessments;
    private final Clock clock;
    private final double minCoverage;
    private final CacheGenerations generations;
    private static final String GENERATION = "scorecards";
    private final Cache<String, List<Scorecard>> cache = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofMinutes(5))
            .maximumSize(500)
            .build();

    Scorecards(
            OrgUnitManagement orgUnits,
            TaskManagement tasks,
            BottleneckManagement bottlenecks,
            ReportManagement reports,
            IndicatorAnalytics analytics,
            ResolutionManagement resolutions,
            FeedbackManagement feedback,
            ScorecardWeights weights,
            Assessments assessments,
            Clock clock,
            CacheGenerations generations,
            @Value("${mandate.reviews.min-coverage:0.5}") double minCoverage) {
        this.orgUnits = orgUnits;
        this.tasks = tasks;
        this.bottlenecks = bottlenecks;
        this.reports = reports;
        this.analytics = analytics;
        this.resolutions = resolutions;
        this.feedback = feedback;
        this.weights = weights;
        this.assessments = assessments;
        this.clock = clock;
        this.minCoverage = minCoverage;
        this.generations = generations;
    }

    /** A review period is a quarter ({@code 2025Q4}) or a year ({@code 2025}). */
    public static Period reviewPeriod(String text) {
        Period p = Period.parse(text, "period");
        if (p.type() != Period.Type.QUARTER && p.type() != Period.Type.YEAR) {
            throw new InvalidInputException("period", "error.reviews.period");
        }
        return p;
    }

    /**
     * The scorecards of the peers at {@code level}, ranked first and then those without enough data; for
     * communes, {@code parent} names the province they are ranked within.
     */
    public List<Scorecard> ranking(String periodText, OrgLevel level, String parent) {
        Period period = reviewPeriod(periodText);
        if (level == null) {
            throw new InvalidInputException("level", "error.required");
        }
        if ((level == OrgLevel.COMMUNE || level == OrgLevel.DEPARTMENT) && parent == null) {
            throw new InvalidInputException("parent", "error.required");
        }
        if (parent != null) {
            orgUnits.get(parent);
        }
        String key = generations.current(GENERATION) + "/" + LocalDate.now(clock) + "/" + period + "/" + level + "/"
                + parent;
        List<Scorecard> ranked = cache.get(key, k -> compute(period, level, parent));
        // Assessments change by hand and must show at once: they are joined after the cache.
        Map<String, Assessment> byUnit = assessments.forPeriod(period.toString());
        return ranked.stream().map(s -> s.withAssessment(byUnit.get(s.unit()))).toList();
    }

    /** One unit's scorecard, ranked among its peers. */
    public Scorecard of(String unit, String periodText) {
        OrgUnit u = orgUnits.get(unit);
        String parent = u.level() == OrgLevel.COMMUNE || u.level() == OrgLevel.DEPARTMENT ? u.parent() : null;
        return ranking(periodText, u.level(), parent).stream()
                .filter(s -> s.unit().equals(unit))
                .findFirst()
                .orElseThrow();
    }

    public Map<String, Integer> weights() {
        return weights.asMap();
    }

    /** The coverage (share of the weight with data, 0–1) below which a unit is not ranked. */
    public double minCoverage() {
        return minCoverage;
    }

    @EventListener
    void on(AuditedChange change) {
        if (!"review".equals(change.entityType()) && !"api-token".equals(change.entityType())) {
            forget();
        }
    }

    @EventListener
    void on(AuditedChanges changes) {
        forget();
    }

    @EventListener
    void on(DataValuesSubmitted submitted) {
        forget();
    }

    void forget() {
        generations.bump(GENERATION);
    }

    private List<Scorecard> compute(Period period, OrgLevel level, String parent) {
        List<OrgUnit> peers = new ArrayList<>();
        int page = 0;
        while (true) {
            var batch = orgUnits.list(parent, level, null, Paging.of(page, Paging.MAX_SIZE));
            peers.addAll(batch.items());
            if ((long) (page + 1) * Paging.MAX_SIZE >= batch.total()) {
                break;
            }
            page++;
        }
        List<String> goalIndicators = resolutions.all().stream()
                .flatMap(r -> r.goals().stream().map(Resolution.Goal::indicator))
                .filter(Objects::nonNull)
                .distinct()
                .toList();
        List<Scorecard> cards = new ArrayList<>();
        for (OrgUnit unit : peers) {
            cards.add(card(unit, period, goalIndicators));
        }
        return ScoreRules.rank(cards, minCoverage);
    }

    private Scorecard card(OrgUnit unit, Period period, List<String> goalIndicators) {
        LocalDate from = period.start();
        LocalDate to = period.end();
        TaskScorecardInputs t = tasks.scorecardInputs(unit.code(), from, to);
        Double medianDays = bottlenecks.medianResolutionDays(unit.code(), from, to);
        DueReports r = reports.dueReports(unit.code(), from, to);

        List<Double> attainments = new ArrayList<>();
        Period year = Period.year(period.year());
        int goals = 0;
        for (String indicator : goalIndicators) {
            try {
                BigDecimal a =
                        analytics.value(indicator, unit.code(), year, true).attainment();
                goals++;
                if (a != null) {
                    // Beyond the target counts as 100: the share of the target met, not a bonus.
                    attainments.add(ScoreRules.clamp(a.doubleValue()));
                }
            } catch (RuntimeException unknownIndicator) {
                // A goal may name an indicator that is not defined yet: it simply does not count.
            }
        }
        Satisfaction s = feedback.unitSatisfaction(unit.code(), from, to);

        // Of the tasks due in the period that are finished or past their deadline, the share done on time.
        long onTimeDenominator = t.doneOnTime() + t.doneLate() + t.overdueInRange();
        Double onTimeRate = ScoreRules.percent(t.doneOnTime(), onTimeDenominator);
        Double reportTimeliness = ScoreRules.percent(r.onTime(), r.due());
        Double attainment = attainments.isEmpty()
                ? null
                : ScoreRules.round(attainments.stream()
                        .mapToDouble(Double::doubleValue)
                        .average()
                        .orElseThrow());
        Double disbursement = ScoreRules.percent(t.budgetDisbursed(), t.budgetAllocated());
        // A bottleneck resolved the same day scores 100; one that took 100 days or more scores 0.
        Double bottleneckScore = medianDays == null ? null : ScoreRules.round(ScoreRules.clamp(100 - medianDays));
        Double satisfaction =
                s.average() == null ? null : ScoreRules.round(ScoreRules.clamp((s.average() - 1) / 4 * 100));

        Map<String, Double> values = new LinkedHashMap<>();
        values.put("onTime", onTimeRate);
        values.put("reportTimeliness", reportTimeliness);
        values.put("indicatorAttainment", attainment);
        values.put("disbursement", disbursement);
        values.put("bottleneckResolution", bottleneckScore);
        values.put("satisfaction", satisfaction);
        Map<String, Number[]> fractions = new LinkedHashMap<>();
        fractions.put("onTime", new Number[] {t.doneOnTime(), onTimeDenominator});
        fractions.put("reportTimeliness", new Number[] {r.onTime(), r.due()});
        fractions.put("indicatorAttainment", new Number[] {attainments.size(), goals});
        fractions.put("disbursement", new Number[] {t.budgetDisbursed(), t.budgetAllocated()});
        fractions.put("bottleneckResolution", new Number[] {medianDays, null});
        fractions.put("satisfaction", new Number[] {s.average(), s.count()});

        Map<String, Integer> w = weights.asOrderedMap();
        ScoreRules.Composite composite = ScoreRules.composite(w, values);
        List<Scorecard.Component> components = new ArrayList<>();
        for (var e : w.entrySet()) {
            Number[] f = fractions.get(e.getKey());
            components.add(new Scorecard.Component(
                    e.getKey(),
                    values.get(e.getKey()),
                    f[0],
                    f[1],
                    e.getValue(),
                    composite.shares().get(e.getKey())));
        }

        return new Scorecard(
                unit.code(),
                unit.names(),
                unit.level().name(),
                period.toString(),
                t.dueInRange(),
                t.doneOnTime(),
                t.doneLate(),
                t.overdue(),
                t.totalDaysLate(),
                onTimeRate,
                r.due(),
                r.onTime(),
                r.late(),
                r.missing(),
                reportTimeliness,
                attainment,
                attainments.size(),
                t.budgetAllocated(),
                t.budgetDisbursed(),
                disbursement,
                medianDays,
                bottleneckScore,
                satisfaction,
                s.count(),
                composite.score(),
                null,
                null,
                composite.coverage(),
                false,
                r.notYetDue(),
                t.overdueInRange(),
                goals,
                List.copyOf(components));
    }
}
