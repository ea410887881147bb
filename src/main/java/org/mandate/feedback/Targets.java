package org.mandate.feedback;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.mandate.orgunits.OrgUnitManagement;
import org.mandate.resolutions.ResolutionManagement;
import org.mandate.shared.InvalidInputException;
import org.springframework.stereotype.Service;

/**
 * Resolves {@link Target}s against the modules that own them: resolutions and solution groups through
 * {@link ResolutionManagement}, units through {@link OrgUnitManagement}, tasks through {@link TaskTargets}.
 */
@Service
public class Targets {

    private final ResolutionManagement resolutions;
    private final OrgUnitManagement orgUnits;
    private final TaskTargets tasks;

    Targets(ResolutionManagement resolutions, OrgUnitManagement orgUnits, TaskTargets tasks) {
        this.resolutions = resolutions;
        this.orgUnits = orgUnits;
        this.tasks = tasks;
    }

    /**
     * The existing target named by {@code text}, of one of the allowed types; otherwise a 400 naming
     * {@code field}.
     */
    public Target require(String field, String text, Set<TargetType> allowed) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException(field, "error.required");
        }
        Target target = Target.parse(text)
                .filter(t -> allowed.contains(t.type()))
                .orElseThrow(() -> new InvalidInputException(field, "error.feedback.target", text));
        if (!exists(target)) {
            throw new InvalidInputException(field, "error.unknown", text);
        }
        return target;
    }

    public boolean exists(Target target) {
        return switch (target.type()) {
            case RESOLUTION -> resolutions.find(target.ref()).isPresent();
            case UNIT -> orgUnits.find(target.ref()).isPresent();
            case SOLUTION_GROUP -> groupResolution(target).isPresent();
            case TASK -> taskId(target).map(id -> taskTargets().exists(id)).orElse(false);
        };
    }

    /** The org unit a target belongs to, used to scope ratings to a subtree and to find who answers. */
    public Optional<String> unitOf(Target target) {
        return switch (target.type()) {
            case UNIT -> Optional.of(target.ref());
            case TASK -> taskId(target).flatMap(id -> taskTargets().leadUnit(id));
            default -> Optional.empty();
        };
    }

    /** A readable name of the target in the given language (falls back to the {@code TYPE:REF} form). */
    public String label(Target target, Locale locale) {
        return switch (target.type()) {
            case RESOLUTION ->
                resolutions
                        .find(target.ref())
                        .map(r -> r.number() + " — " + r.titles().in(locale))
                        .orElse(target.key());
            case UNIT ->
                orgUnits.find(target.ref()).map(u -> u.names().in(locale)).orElse(target.key());
            case SOLUTION_GROUP ->
                groupResolution(target)
                        .flatMap(resolutions::find)
                        .flatMap(r -> r.solutionGroups().stream()
                                .filter(g -> g.code().equals(target.groupCode()))
                                .findFirst()
                                .map(g -> r.number() + " " + g.code() + " — "
                                        + g.titles().in(locale)))
                        .orElse(target.key());
            case TASK -> target.key();
        };
    }

    /**
     * The resolution of a solution-group target: the one it names, or for a bare code the one resolution that
     * has it (empty when none does, or several do and the reference must name one).
     */
    private Optional<String> groupResolution(Target target) {
        String slug = target.groupResolution();
        if (slug != null) {
            return resolutions.hasSolutionGroup(slug, target.groupCode()) ? Optional.of(slug) : Optional.empty();
        }
        return resolutions.resolutionOfSolutionGroup(target.groupCode());
    }

    private TaskTargets taskTargets() {
        return tasks;
    }

    private static Optional<Long> taskId(Target target) {
        try {
            return Optional.of(Long.parseLong(target.ref()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
