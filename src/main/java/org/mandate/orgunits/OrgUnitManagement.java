package org.mandate.orgunits;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.mandate.shared.Actor;
import org.mandate.shared.AuditedChange;
import org.mandate.shared.ConflictException;
import org.mandate.shared.ForbiddenException;
import org.mandate.shared.InvalidInputException;
import org.mandate.shared.LocalizedText;
import org.mandate.shared.NotFoundException;
import org.mandate.shared.PageResult;
import org.mandate.shared.Paging;
import org.mandate.shared.ProblemException.FieldProblem;
import org.mandate.shared.Role;
import org.mandate.shared.Versions;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads and changes the organisation tree, and answers the question every write in Mandate asks: may
 * this actor act on this unit? A non-admin acts only inside the subtree of their scope unit.
 */
@Service
public class OrgUnitManagement {

    static final Pattern CODE = Pattern.compile("[A-Z0-9][A-Z0-9_-]{0,63}");

    private final OrgUnits units;
    private final ApplicationEventPublisher events;

    OrgUnitManagement(OrgUnits units, ApplicationEventPublisher events) {
        this.units = units;
        this.events = events;
    }

    public record NewOrgUnit(String code, LocalizedText names, OrgLevel level, String parent, String leader) {}

    public record OrgUnitChanges(LocalizedText names, OrgLevel level, String parent, String leader, Long version) {}

    public Optional<OrgUnit> find(String code) {
        return code == null ? Optional.empty() : units.findByCode(code);
    }

    public OrgUnit get(String code) {
        return find(code).orElseThrow(() -> new NotFoundException("org-unit", code));
    }

    public List<OrgUnit> roots() {
        return units.roots();
    }

    public List<OrgUnit> children(String code) {
        return units.children(code);
    }

    /** Root first, the unit's parent last. */
    public List<OrgUnit> ancestors(String code) {
        return units.ancestors(code);
    }

    public PageResult<OrgUnit> list(String parent, OrgLevel level, String within, Paging paging) {
        return new PageResult<>(
                units.page(parent, level, within, (int) paging.offset(), paging.size()),
                paging.page(),
                paging.size(),
                units.count(parent, level, within));
    }

    /** True when {@code unitCode} is {@code ancestorCode} or lies under it. */
    public boolean isWithin(String unitCode, String ancestorCode) {
        return unitCode != null && ancestorCode != null && units.isWithin(unitCode, ancestorCode);
    }

    /** True when the actor's scope covers the unit (admins cover everything). */
    public boolean covers(Actor actor, String unitCode) {
        return actor.isAdmin() || isWithin(unitCode, actor.scopeUnit());
    }

    /**
     * Refuses (403) unless the actor has one of the roles (admins always do) and the unit lies in the
     * actor's subtree.
     */
    public void requireWrite(Actor actor, String unitCode, Role... roles) {
        if (actor.isAdmin()) {
            return;
        }
        if (!actor.is(roles)) {
            throw new ForbiddenException("error.forbidden.role", actor.role());
        }
        if (!isWithin(unitCode, actor.scopeUnit())) {
            throw new ForbiddenException("error.forbidden.scope", unitCode);
        }
    }

    @Transactional
    public OrgUnit create(Actor actor, NewOrgUnit command) {
        List<FieldProblem> problems = new ArrayList<>();
        if (command.code() == null || !CODE.matcher(command.code()).matches()) {
            problems.add(new FieldProblem("code", "error.code"));
        }
        if (command.names() == null
                || command.names().vi() == null
                || command.names().vi().isBlank()) {
            problems.add(new FieldProblem("names.vi", "error.required"));
        }
        if (command.level() == null) {
            problems.add(new FieldProblem("level", "error.required"));
        }
        OrgUnit parent = null;
        if (command.parent() != null) {
            parent = find(command.parent()).orElse(null);
            if (parent == null) {
                problems.add(new FieldProblem("parent", "error.unknown", command.parent()));
            } else if (command.level() != null && !parent.level().mayContain(command.level())) {
                problems.add(
                        new FieldProblem("level", "error.orgunit.levelUnderParent", command.level(), parent.level()));
            }
        } else if (command.level() != null && command.level() != OrgLevel.CENTRAL) {
            problems.add(new FieldProblem("parent", "error.required"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        if (parent == null) {
            if (!actor.isAdmin()) {
                throw new ForbiddenException("error.forbidden.role", actor.role());
            }
        } else {
            requireWrite(actor, parent.code(), Role.STEERING, Role.LEADER);
        }
        if (units.findByCode(command.code()).isPresent()) {
            throw new ConflictException("error.duplicateCode", command.code());
        }
        units.insert(
                command.code(),
                command.names(),
                command.level(),
                parent == null ? null : parent.id(),
                command.leader(),
                parent == null ? 0 : parent.depth() + 1);
        OrgUnit created = get(command.code());
        events.publishEvent(AuditedChange.created("org-unit", created.code(), created));
        return created;
    }

    @Transactional
    public OrgUnit update(Actor actor, String code, OrgUnitChanges changes) {
        OrgUnit current = get(code);
        requireWrite(actor, code, Role.STEERING, Role.LEADER);
        Versions.check(changes.version(), current.version());
        OrgLevel level = changes.level() != null ? changes.level() : current.level();
        boolean moves = changes.parent() != null && !changes.parent().equals(current.parent());
        if (level != current.level() || moves) {
            // Where a unit sits decides which rankings and roll-ups it is in: its own staff may not change that.
            requireWrite(actor, code, Role.STEERING);
        }
        OrgUnit newParent = null;
        if (changes.parent() != null && !changes.parent().equals(current.parent())) {
            newParent = find(changes.parent())
                    .orElseThrow(() -> new InvalidInputException("parent", "error.unknown", changes.parent()));
            if (isWithin(newParent.code(), code)) {
                throw new InvalidInputException("parent", "error.orgunit.cycle");
            }
            // Moving a unit needs rights over both places.
            requireWrite(actor, newParent.code(), Role.STEERING, Role.LEADER);
        }
        OrgUnit parentForLevel =
                newParent != null ? newParent : find(current.parent()).orElse(null);
        if (parentForLevel != null && !parentForLevel.level().mayContain(level)) {
            throw new InvalidInputException("level", "error.orgunit.levelUnderParent", level, parentForLevel.level());
        }
        if (changes.names() != null
                && changes.names().vi() != null
                && changes.names().vi().isBlank()) {
            throw new InvalidInputException("names.vi", "error.required");
        }
        OrgUnit next = new OrgUnit(
                current.id(),
                current.code(),
                current.names().merge(changes.names()),
                level,
                current.parent(),
                changes.leader() != null ? changes.leader() : current.leader(),
                current.depth(),
                current.version());
        if (!units.update(next, current.version())) {
            throw ConflictException.staleVersion(current.version() + 1, current.version());
        }
        if (newParent != null) {
            units.move(current.id(), newParent.id(), newParent.depth() + 1 - current.depth());
        }
        OrgUnit updated = get(code);
        events.publishEvent(AuditedChange.updated("org-unit", code, current, updated));
        return updated;
    }

    public long count() {
        return units.countAll();
    }
}
