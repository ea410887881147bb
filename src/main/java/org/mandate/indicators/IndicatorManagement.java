package org.mandate.indicators;

import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.mandate.indicators.Indicator.Aggregation;
import org.mandate.indicators.Indicator.Baseline;
import org.mandate.indicators.Indicator.Direction;
import org.mandate.indicators.Indicator.Periodicity;
import org.mandate.indicators.Indicator.Target;
import org.mandate.resolutions.ResolutionManagement;
import org.mandate.shared.Actor;
import org.mandate.shared.AuditedChange;
import org.mandate.shared.Checks;
import org.mandate.shared.ConflictException;
import org.mandate.shared.ForbiddenException;
import org.mandate.shared.LocalizedText;
import org.mandate.shared.NotFoundException;
import org.mandate.shared.ProblemException.FieldProblem;
import org.mandate.shared.Role;
import org.mandate.shared.Versions;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Defines and reads indicators. Only the steering secretariat (and admins) define them. A formula may
 * only name existing indicators and must not lead back to itself: both are refused at save time.
 */
@Service
public class IndicatorManagement {

    /** A code is also a formula variable, so it starts with a letter. */
    static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{0,63}");

    private final Indicators indicators;
    private final ResolutionManagement resolutions;
    private final ApplicationEventPublisher events;

    IndicatorManagement(Indicators indicators, ResolutionManagement resolutions, ApplicationEventPublisher events) {
        this.indicators = indicators;
        this.resolutions = resolutions;
        this.events = events;
    }

    public record IndicatorDefinition(
            String code,
            LocalizedText names,
            String unit,
            Direction direction,
            Periodicity periodicity,
            Aggregation aggregation,
            String weightIndicator,
            Baseline baseline,
            List<Target> targets,
            String formula,
            String resolution,
            BigDecimal plausibleMin,
            BigDecimal plausibleMax,
            Boolean sample,
            Long version) {}

    public List<Indicator> all() {
        return indicators.all(null);
    }

    public List<Indicator> ofResolution(String resolution) {
        return indicators.all(resolution);
    }

    public Optional<Indicator> find(String code) {
        return code == null ? Optional.empty() : indicators.findByCode(code);
    }

    public Indicator get(String code) {
        return find(code).orElseThrow(() -> new NotFoundException("indicator", code));
    }

    @Transactional
    public Indicator create(Actor actor, IndicatorDefinition d) {
        requireSteering(actor);
        List<FieldProblem> problems = new ArrayList<>();
        if (d.code() == null || !CODE.matcher(d.code()).matches()) {
            problems.add(new FieldProblem("code", "error.indicators.code"));
        }
        if (d.names() == null || d.names().vi() == null || d.names().vi().isBlank()) {
            problems.add(new FieldProblem("names.vi", "error.required"));
        }
        if (d.direction() == null) {
            problems.add(new FieldProblem("direction", "error.required"));
        }
        if (d.periodicity() == null) {
            problems.add(new FieldProblem("periodicity", "error.required"));
        }
        if (d.aggregation() == null) {
            problems.add(new FieldProblem("aggregation", "error.required"));
        }
        Indicator candidate = new Indicator(
                0,
                d.code(),
                d.names() == null ? LocalizedText.EMPTY : d.names(),
                d.unit(),
                d.direction(),
                d.periodicity(),
                d.aggregation(),
                blankToNull(d.weightIndicator()),
                d.baseline(),
                d.targets() == null ? List.of() : d.targets(),
                blankToNull(d.formula()),
                blankToNull(d.resolution()),
                d.plausibleMin(),
                d.plausibleMax(),
                Boolean.TRUE.equals(d.sample()),
                0);
        validate(problems, candidate);
        Checks.throwIfAny(problems);
        if (indicators.findByCode(d.code()).isPresent()) {
            throw new ConflictException("error.duplicateCode", d.code());
        }
        indicators.insert(candidate);
        Indicator created = get(d.code());
        events.publishEvent(AuditedChange.created("indicator", created.code(), created));
        return created;
    }

    @Transactional
    public Indicator update(Actor actor, String code, IndicatorDefinition d) {
        requireSteering(actor);
        Indicator current = get(code);
        Versions.check(d.version(), current.version());
        List<FieldProblem> problems = new ArrayList<>();
        if (d.names() != null && d.names().vi() != null && d.names().vi().isBlank()) {
            problems.add(new FieldProblem("names.vi", "error.required"));
        }
        Indicator next = new Indicator(
                current.id(),
                current.code(),
                current.names().merge(d.names()),
                d.unit() != null ? d.unit() : current.unit(),
                d.direction() != null ? d.direction() : current.direction(),
                d.periodicity() != null ? d.periodicity() : current.periodicity(),
                d.aggregation() != null ? d.aggregation() : current.aggregation(),
                d.weightIndicator() != null ? blankToNull(d.weightIndicator()) : current.weightIndicator(),
                d.baseline() != null ? d.baseline() : current.baseline(),
                d.targets() != null ? d.targets() : current.targets(),
                d.formula() != null ? blankToNull(d.formula()) : current.formula(),
                d.resolution() != null ? blankToNull(d.resolution()) : current.resolution(),
                d.plausibleMin() != null ? d.plausibleMin() : current.plausibleMin(),
                d.plausibleMax() != null ? d.plausibleMax() : current.plausibleMax(),
                d.sample() != null ? d.sample() : current.sample(),
                current.version());
        validate(problems, next);
        Checks.throwIfAny(problems);
        if (!indicators.update(next, current.version())) {
            throw ConflictException.staleVersion(current.version() + 1, current.version());
        }
        Indicator updated = get(code);
        events.publishEvent(AuditedChange.updated("indicator", code, current, updated));
        return updated;
    }

    private void validate(List<FieldProblem> problems, Indicator i) {
        Checks.maxLength(problems, "names", i.names(), 500);
        Checks.maxLength(problems, "unit", i.unit(), 64);
        Checks.maxLength(problems, "formula", i.formula(), 1000);
        Checks.maxLength(problems, "weightIndicator", i.weightIndicator(), 64);
        if (i.aggregation() == Aggregation.WEIGHTED_AVERAGE) {
            if (i.weightIndicator() == null) {
                problems.add(new FieldProblem("weightIndicator", "error.required"));
            } else if (i.weightIndicator().equals(i.code())
                    || indicators.findByCode(i.weightIndicator()).isEmpty()) {
                problems.add(new FieldProblem("weightIndicator", "error.unknown", i.weightIndicator()));
            }
        }
        if (i.baseline() != null
                && i.baseline().year() != null
                && badYear(i.baseline().year())) {
            problems.add(new FieldProblem("baseline.year", "error.year"));
        }
        Set<Integer> years = new HashSet<>();
        for (int n = 0; n < i.targets().size(); n++) {
            Target t = i.targets().get(n);
            if (t == null || t.year() == null || badYear(t.year())) {
                problems.add(new FieldProblem("targets[" + n + "].year", "error.year"));
            } else if (!years.add(t.year())) {
                problems.add(new FieldProblem("targets[" + n + "].year", "error.indicators.duplicateYear", t.year()));
            }
            if (t != null && t.value() == null) {
                problems.add(new FieldProblem("targets[" + n + "].value", "error.required"));
            }
        }
        if (i.plausibleMin() != null
                && i.plausibleMax() != null
                && i.plausibleMin().compareTo(i.plausibleMax()) > 0) {
            problems.add(new FieldProblem("plausibleMax", "error.indicators.range"));
        }
        if (i.resolution() != null && resolutions.find(i.resolution()).isEmpty()) {
            problems.add(new FieldProblem("resolution", "error.unknown", i.resolution()));
        }
        if (i.isFormula() && i.formula().length() <= 1000) {
            checkFormula(problems, i);
        }
    }

    private void checkFormula(List<FieldProblem> problems, Indicator i) {
        if (!Formula.isValid(i.formula())) {
            problems.add(new FieldProblem("formula", "error.indicators.formulaSyntax"));
            return;
        }
        Map<String, String> graph = indicators.formulas();
        graph.remove(i.code());
        for (String name : Formula.variables(i.formula())) {
            if (name.equals(i.code())) {
                problems.add(new FieldProblem("formula", "error.indicators.formulaCycle", name));
            } else if (indicators.findByCode(name).isEmpty()) {
                problems.add(new FieldProblem("formula", "error.indicators.formulaUnknown", name));
            }
        }
        // Walk every formula reachable from this one: reaching the indicator itself is a cycle.
        Deque<String> todo = new ArrayDeque<>(Formula.variables(i.formula()));
        Set<String> seen = new HashSet<>();
        while (!todo.isEmpty()) {
            String name = todo.pop();
            if (!seen.add(name)) {
                continue;
            }
            String f = graph.get(name);
            if (f != null) {
                for (String v : Formula.variables(f)) {
                    if (v.equals(i.code())) {
                        problems.add(new FieldProblem("formula", "error.indicators.formulaCycle", name));
                        return;
                    }
                    todo.push(v);
                }
            }
        }
    }

    private static boolean badYear(int year) {
        return year < 2000 || year > 2100;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static void requireSteering(Actor actor) {
        if (!actor.is(Role.ADMIN, Role.STEERING)) {
            throw new ForbiddenException("error.forbidden.role", actor.role());
        }
    }
}
