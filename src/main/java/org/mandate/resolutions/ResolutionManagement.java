package org.mandate.resolutions;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.mandate.resolutions.Resolution.Goal;
import org.mandate.resolutions.Resolution.SolutionGroup;
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
 * Defines and reads resolutions. Only the steering secretariat (and admins) define resolutions, their
 * goals and solution groups: they are national, not owned by a unit.
 */
@Service
public class ResolutionManagement {

    static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");

    private final Resolutions resolutions;
    private final ApplicationEventPublisher events;

    ResolutionManagement(Resolutions resolutions, ApplicationEventPublisher events) {
        this.resolutions = resolutions;
        this.events = events;
    }

    public record NewResolution(
            String slug,
            String number,
            LocalizedText titles,
            LocalizedText summary,
            LocalDate issuedOn,
            String issuer) {}

    public record ResolutionChanges(
            String number,
            LocalizedText titles,
            LocalizedText summary,
            LocalDate issuedOn,
            String issuer,
            Long version) {}

    public record NewGoal(
            String code,
            LocalizedText description,
            String indicator,
            BigDecimal targetValue,
            Integer targetYear,
            Integer position) {}

    public record NewSolutionGroup(String code, LocalizedText titles, Integer position) {}

    public List<Resolution> all() {
        return resolutions.all();
    }

    public Optional<Resolution> find(String slug) {
        return slug == null ? Optional.empty() : resolutions.findBySlug(slug);
    }

    public Resolution get(String slug) {
        return find(slug).orElseThrow(() -> new NotFoundException("resolution", slug));
    }

    /**
     * The slug of the one resolution that has a solution group with this code; empty when none has it or
     * when several do (codes are unique within a resolution only: name the resolution with the code).
     */
    public Optional<String> resolutionOfSolutionGroup(String code) {
        List<String> slugs = resolutionsOfSolutionGroup(code);
        return slugs.size() == 1 ? Optional.of(slugs.get(0)) : Optional.empty();
    }

    /** The slugs of every resolution that has a solution group with this code. */
    public List<String> resolutionsOfSolutionGroup(String code) {
        return code == null ? List.of() : resolutions.slugsOfSolutionGroup(code);
    }

    /** True when the resolution has a solution group with this code. */
    public boolean hasSolutionGroup(String slug, String code) {
        return slug != null
                && code != null
                && resolutions.slugsOfSolutionGroup(code).contains(slug);
    }

    @Transactional
    public Resolution create(Actor actor, NewResolution command) {
        requireSteering(actor);
        List<FieldProblem> problems = new ArrayList<>();
        if (command.slug() == null || !SLUG.matcher(command.slug()).matches()) {
            problems.add(new FieldProblem("slug", "error.slug"));
        }
        if (command.number() == null || command.number().isBlank()) {
            problems.add(new FieldProblem("number", "error.required"));
        }
        if (command.titles() == null
                || command.titles().vi() == null
                || command.titles().vi().isBlank()) {
            problems.add(new FieldProblem("titles.vi", "error.required"));
        }
        checkLengths(problems, command.number(), command.titles(), command.summary(), command.issuer());
        Checks.throwIfAny(problems);
        if (resolutions.findBySlug(command.slug()).isPresent()) {
            throw new ConflictException("error.duplicateCode", command.slug());
        }
        resolutions.insert(new Resolution(
                0,
                command.slug(),
                command.number(),
                command.titles(),
                command.summary() == null ? LocalizedText.EMPTY : command.summary(),
                command.issuedOn(),
                command.issuer(),
                0,
                List.of(),
                List.of()));
        Resolution created = get(command.slug());
        events.publishEvent(AuditedChange.created("resolution", created.slug(), created));
        return created;
    }

    @Transactional
    public Resolution update(Actor actor, String slug, ResolutionChanges changes) {
        requireSteering(actor);
        Resolution current = get(slug);
        Versions.check(changes.version(), current.version());
        List<FieldProblem> problems = new ArrayList<>();
        if (changes.number() != null && changes.number().isBlank()) {
            problems.add(new FieldProblem("number", "error.required"));
        }
        if (changes.titles() != null
                && changes.titles().vi() != null
                && changes.titles().vi().isBlank()) {
            problems.add(new FieldProblem("titles.vi", "error.required"));
        }
        checkLengths(problems, changes.number(), changes.titles(), changes.summary(), changes.issuer());
        Checks.throwIfAny(problems);
        Resolution next = new Resolution(
                current.id(),
                current.slug(),
                changes.number() != null ? changes.number() : current.number(),
                current.titles().merge(changes.titles()),
                current.summary().merge(changes.summary()),
                changes.issuedOn() != null ? changes.issuedOn() : current.issuedOn(),
                changes.issuer() != null ? changes.issuer() : current.issuer(),
                current.version(),
                current.goals(),
                current.solutionGroups());
        if (!resolutions.update(next, current.version())) {
            throw ConflictException.staleVersion(current.version() + 1, current.version());
        }
        Resolution updated = get(slug);
        events.publishEvent(AuditedChange.updated("resolution", slug, current, updated));
        return updated;
    }

    @Transactional
    public Goal addGoal(Actor actor, String slug, NewGoal command) {
        requireSteering(actor);
        Resolution resolution = get(slug);
        List<FieldProblem> problems = new ArrayList<>();
        if (command.code() == null || !CODE.matcher(command.code()).matches()) {
            problems.add(new FieldProblem("code", "error.code"));
        } else if (resolution.goals().stream().anyMatch(g -> g.code().equals(command.code()))) {
            throw new ConflictException("error.duplicateCode", command.code());
        }
        if (command.description() == null
                || command.description().vi() == null
                || command.description().vi().isBlank()) {
            problems.add(new FieldProblem("description.vi", "error.required"));
        }
        if (command.indicator() == null || command.indicator().isBlank()) {
            problems.add(new FieldProblem("indicator", "error.required"));
        }
        if (command.targetValue() == null) {
            problems.add(new FieldProblem("targetValue", "error.required"));
        }
        if (command.targetYear() == null || command.targetYear() < 2000 || command.targetYear() > 2100) {
            problems.add(new FieldProblem("targetYear", "error.year"));
        }
        Checks.maxLength(problems, "description", command.description(), 1000);
        Checks.maxLength(problems, "indicator", command.indicator(), 64);
        Checks.throwIfAny(problems);
        int position = command.position() != null
                ? command.position()
                : resolution.goals().size() + 1;
        Goal goal = new Goal(
                command.code(),
                command.description(),
                command.indicator(),
                command.targetValue(),
                command.targetYear(),
                position);
        resolutions.insertGoal(resolution.id(), goal);
        events.publishEvent(new AuditedChange("resolution-goal", slug + "/" + goal.code(), "created", null, goal));
        return goal;
    }

    @Transactional
    public SolutionGroup addSolutionGroup(Actor actor, String slug, NewSolutionGroup command) {
        requireSteering(actor);
        Resolution resolution = get(slug);
        List<FieldProblem> problems = new ArrayList<>();
        if (command.code() == null || !CODE.matcher(command.code()).matches()) {
            problems.add(new FieldProblem("code", "error.code"));
        }
        if (command.titles() == null
                || command.titles().vi() == null
                || command.titles().vi().isBlank()) {
            problems.add(new FieldProblem("titles.vi", "error.required"));
        }
        if (command.position() != null && command.position() < 1) {
            problems.add(new FieldProblem("position", "error.positive"));
        }
        Checks.maxLength(problems, "titles", command.titles(), 1000);
        Checks.throwIfAny(problems);
        if (resolutions.solutionGroupExists(resolution.id(), command.code())) {
            throw new ConflictException("error.duplicateCode", command.code());
        }
        int position = command.position() != null
                ? command.position()
                : resolution.solutionGroups().size() + 1;
        SolutionGroup group = new SolutionGroup(command.code(), command.titles(), position);
        resolutions.insertSolutionGroup(resolution.id(), group);
        events.publishEvent(AuditedChange.created("solution-group", slug + "/" + group.code(), group));
        return group;
    }

    private static void checkLengths(
            List<FieldProblem> problems, String number, LocalizedText titles, LocalizedText summary, String issuer) {
        Checks.maxLength(problems, "number", number, 64);
        Checks.maxLength(problems, "titles", titles, 500);
        Checks.maxLength(problems, "summary", summary, 4000);
        Checks.maxLength(problems, "issuer", issuer, 200);
    }

    private static void requireSteering(Actor actor) {
        if (!actor.is(Role.ADMIN, Role.STEERING)) {
            throw new ForbiddenException("error.forbidden.role", actor.role());
        }
    }
}
