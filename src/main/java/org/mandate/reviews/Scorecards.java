package org.mandate.reviews;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.mandate.bottlenecks.BottleneckManagement;
import org.mandate.feedback.FeedbackManagement;
import org.mandate.feedback.Satisfaction;
import org.mandate.indicators.IndicatorAnalytics;
import org.mandate.orgunits.OrgLevel;
import org.mandate.orgunits.OrgUnit;
import org.mandate.orgunits.OrgUnitManagement;
import org.mandate.reporting.ReportManagement;
import org.mandate.reporting.ReportManagement.Completeness;
import org.mandate.resolutions.Resolution;
import org.mandate.resolutions.ResolutionManagement;
import org.mandate.shared.InvalidInputException;
import org.mandate.shared.Paging;
import org.mandate.shared.Period;
import org.mandate.tasks.TaskManagement;
import org.mandate.tasks.TaskManagement.TaskScorecardInputs;
import org.springframework.stereotype.Service;

/**
 * Computes scorecards from the data of every module and ranks units among their peers: ministries with
 * ministries, provinces with provinces, communes within their province. Results are cached for a few
 * minutes: a ranking is read far more often than the data behind it changes.
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
            Assessments assessments) {
        this.orgUnits = orgUnits;
        this.tasks = tasks;
        this.bottlenecks = bottlenecks;
        this.reports = reports;
        this.analytics = analytics;
        this.resolutions = resolutions;
        this.feedback = feedback;
        this.weights = weights;
        this.assessments = assessments;
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
     * The ranked scorecards of the peers at {@code level}; for communes, {@code parent} names the
     * province they are ranked within.
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
        String key = period + "/" + level + "/" + parent;
        List<Scorecard> ranked = cache.get(key, k -> compute(period, level, parent));
        // Assessments change by hand and must show at once: they are joined after the cache.
        Map<String, Assessment> byUnit = assessments.forPeriod(period.toString());
        return ranked.stream().map(s -> withAssessment(s, byUnit.get(s.unit()))).toList();
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

    void forget() {
        cache.invalidateAll();
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
        cards.sort(Comparator.comparingDouble(Scorecard::score).reversed().thenComparing(Scorecard::unit));
        List<Scorecard> ranked = new ArrayList<>();
        for (int i = 0; i < cards.size(); i++) {
            ranked.add(cards.get(i).ranked(i + 1));
        }
        return ranked;
    }

    private Scorecard card(OrgUnit unit, Period period, List<String> goalIndicators) {
        LocalDate from = period.start();
        LocalDate to = period.end();
        TaskScorecardInputs t = tasks.scorecardInputs(unit.code(), from, to);
        Double medianDays = bottlenecks.medianResolutionDays(unit.code(), from, to);

        long expected = 0;
        long onTime = 0;
        long late = 0;
        long missing = 0;
        for (Period month :
                Period.range(Period.Type.MONTH, Period.of(Period.Type.MONTH, from), Period.of(Period.Type.MONTH, to))) {
            Completeness c = reports.completeness(unit.code(), month.toString(), null);
            expected += c.expected();
            onTime += c.onTime();
            late += c.late();
            missing += c.missing();
        }

        List<Double> attainments = new ArrayList<>();
        Period year = Period.year(period.year());
        for (String indicator : goalIndicators) {
            try {
                BigDecimal a =
                        analytics.value(indicator, unit.code(), year, true).attainment();
                if (a != null) {
                    attainments.add(Math.min(100, Math.max(0, a.doubleValue())));
                }
            } catch (RuntimeException unknownIndicator) {
                // A goal may name an indicator that is not defined yet: it simply does not count.
            }
        }
        Satisfaction s = feedback.unitSatisfaction(unit.code(), from, to);

        Double onTimeRate = t.dueInRange() == 0 ? null : round(t.onTimeRate() * 100);
        Double reportTimeliness = expected == 0 ? null : round(onTime * 100.0 / expected);
        Double attainment = attainments.isEmpty()
                ? null
                : round(attainments.stream()
                        .mapToDouble(Double::doubleValue)
                        .average()
                        .orElse(0));
        Double disbursement = t.budgetAllocated() == 0 ? null : round(t.disbursementRate() * 100);
        // A bottleneck resolved the same day scores 100; one that took 100 days or more scores 0.
        Double bottleneckScore = medianDays == null ? null : round(Math.max(0, 100 - medianDays));
        Double satisfaction = s.average() == null ? null : round((s.average() - 1) / 4 * 100);

        Map<String, Double> components = new HashMap<>();
        components.put("onTime", onTimeRate);
        components.put("reportTimeliness", reportTimeliness);
        components.put("indicatorAttainment", attainment);
        components.put("disbursement", disbursement);
        components.put("bottleneckResolution", bottleneckScore);
        components.put("satisfaction", satisfaction);

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
                expected,
                onTime,
                late,
                missing,
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
                weights.score(components),
                0,
                null);
    }

    private static Scorecard withAssessment(Scorecard s, Assessment a) {
        return new Scorecard(
                s.unit(),
                s.names(),
                s.level(),
                s.period(),
                s.tasksDue(),
                s.doneOnTime(),
                s.doneLate(),
                s.overdue(),
                s.daysLate(),
                s.onTimeRate(),
                s.reportsExpected(),
                s.reportsOnTime(),
                s.reportsLate(),
                s.reportsMissing(),
                s.reportTimeliness(),
                s.indicatorAttainment(),
                s.indicatorsMeasured(),
                s.budgetAllocated(),
                s.budgetDisbursed(),
                s.disbursementRate(),
                s.medianBottleneckDays(),
                s.bottleneckScore(),
                s.satisfaction(),
                s.ratings(),
                s.score(),
                s.rank(),
                a);
    }

    private static Double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
