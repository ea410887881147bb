package org.mandate.reviews;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.mandate.identity.AccountManagement;
import org.mandate.orgunits.OrgUnitManagement;
import org.mandate.shared.Actor;
import org.mandate.shared.AuditedChange;
import org.mandate.shared.Checks;
import org.mandate.shared.ConflictException;
import org.mandate.shared.ForbiddenException;
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
 * Social supervision. A SUPERVISOR records a programme (subject, supervised units, period), then concludes it
 * with findings and recommendations; a LEADER of each supervised unit answers for that unit. Concluded
 * programmes wait for the next publication ({@link #readyToPublish()}, {@link #markPublished}).
 */
@Service
public class SupervisionManagement {

    private final Supervisions supervisions;
    private final OrgUnitManagement orgUnits;
    private final AccountManagement accounts;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    SupervisionManagement(
            Supervisions supervisions,
            OrgUnitManagement orgUnits,
            AccountManagement accounts,
            ApplicationEventPublisher events,
            Clock clock) {
        this.supervisions = supervisions;
        this.orgUnits = orgUnits;
        this.accounts = accounts;
        this.events = events;
        this.clock = clock;
    }

    public record NewProgramme(String subject, List<String> units, LocalDate periodFrom, LocalDate periodTo) {}

    public record Conclusion(String findings, String recommendations, Long version) {}

    @Transactional
    public Supervision create(Actor actor, NewProgramme programme) {
        if (!actor.is(Role.ADMIN, Role.SUPERVISOR)) {
            throw new ForbiddenException("error.forbidden.role", actor.role());
        }
        List<FieldProblem> problems = new ArrayList<>();
        if (programme.subject() == null || programme.subject().isBlank()) {
            problems.add(new FieldProblem("subject", "error.required"));
        }
        Checks.maxLength(problems, "subject", programme.subject(), 500);
        Set<String> units = new LinkedHashSet<>();
        if (programme.units() == null || programme.units().isEmpty()) {
            problems.add(new FieldProblem("units", "error.required"));
        } else if (programme.units().size() > 200) {
            problems.add(new FieldProblem("units", "error.reviews.tooManyUnits", 200));
        } else {
            for (int i = 0; i < programme.units().size(); i++) {
                String unit = programme.units().get(i);
                if (unit == null || orgUnits.find(unit).isEmpty()) {
                    problems.add(new FieldProblem("units[" + i + "]", "error.unknown", unit));
                } else {
                    units.add(unit);
                }
            }
        }
        if (programme.periodFrom() == null) {
            problems.add(new FieldProblem("periodFrom", "error.required"));
        }
        if (programme.periodTo() == null) {
            problems.add(new FieldProblem("periodTo", "error.required"));
        } else if (programme.periodFrom() != null && programme.periodTo().isBefore(programme.periodFrom())) {
            problems.add(new FieldProblem("periodTo", "error.reviews.periodOrder"));
        }
        Checks.throwIfAny(problems);
        String organisation = accounts.find(actor.username())
                .map(u -> u.displayName())
                .filter(n -> n != null && !n.isBlank())
                .orElse(actor.username());
        long id = supervisions.insert(
                organisation,
                programme.subject().strip(),
                programme.periodFrom(),
                programme.periodTo(),
                actor.username(),
                clock.instant());
        units.forEach(u -> supervisions.addUnit(id, u));
        Supervision created = find(id);
        events.publishEvent(AuditedChange.created("supervision", id, created));
        return created;
    }

    @Transactional
    public Supervision conclude(Actor actor, long id, Conclusion conclusion) {
        Supervision current = find(id);
        if (!actor.isAdmin() && !(actor.is(Role.SUPERVISOR) && actor.username().equals(current.createdBy()))) {
            throw new ForbiddenException("error.reviews.notTheSupervisor");
        }
        Versions.check(conclusion.version(), current.version());
        if (current.published()) {
            throw new ConflictException("error.reviews.alreadyPublished");
        }
        List<FieldProblem> problems = new ArrayList<>();
        if (conclusion.findings() == null || conclusion.findings().isBlank()) {
            problems.add(new FieldProblem("findings", "error.required"));
        }
        Checks.maxLength(problems, "findings", conclusion.findings(), AppraisalManagement.MAX_TEXT);
        Checks.maxLength(problems, "recommendations", conclusion.recommendations(), AppraisalManagement.MAX_TEXT);
        Checks.throwIfAny(problems);
        if (!supervisions.conclude(
                id,
                current.version(),
                conclusion.findings().strip(),
                AppraisalManagement.blankToNull(conclusion.recommendations()),
                clock.instant())) {
            throw ConflictException.staleVersion(current.version() + 1, current.version());
        }
        Supervision updated = find(id);
        events.publishEvent(new AuditedChange("supervision", String.valueOf(id), "concluded", current, updated));
        events.publishEvent(new ReviewEvents.SupervisionConcluded(
                id,
                updated.subject(),
                updated.units().stream().map(Supervision.UnitAnswer::unit).toList()));
        return updated;
    }

    @Transactional
    public Supervision answer(Actor actor, long id, String unit, String answer) {
        Supervision current = find(id);
        if (current.units().stream().noneMatch(u -> u.unit().equals(unit))) {
            throw new NotFoundException("supervised unit", unit);
        }
        orgUnits.requireWrite(actor, unit, Role.LEADER);
        if (current.state() != SupervisionState.CONCLUDED) {
            throw new ConflictException("error.reviews.notConcluded");
        }
        List<FieldProblem> problems = new ArrayList<>();
        if (answer == null || answer.isBlank()) {
            problems.add(new FieldProblem("answer", "error.required"));
        }
        Checks.maxLength(problems, "answer", answer, AppraisalManagement.MAX_TEXT);
        Checks.throwIfAny(problems);
        supervisions.answer(id, unit, answer.strip(), actor.username(), clock.instant());
        Supervision updated = find(id);
        events.publishEvent(new AuditedChange("supervision", id + "/" + unit, "answered", current, updated));
        return updated;
    }

    /** A programme: published ones for anyone, all for logged-in staff. */
    public Supervision get(Actor actor, long id) {
        Supervision s = find(id);
        if (s.published() || actor != null) {
            return s;
        }
        throw new NotFoundException("supervision", id);
    }

    /** Programmes newest first: published ones for the public (actor null), all for staff. */
    public PageResult<Supervision> list(Actor actor, Boolean published, Boolean ready, Paging paging) {
        Boolean onlyPublished = actor == null ? Boolean.TRUE : published;
        Boolean onlyReady = actor == null ? null : ready;
        return new PageResult<>(
                supervisions.page(onlyPublished, onlyReady, (int) paging.offset(), paging.size()),
                paging.page(),
                paging.size(),
                supervisions.count(onlyPublished, onlyReady));
    }

    /** For the publication module: concluded programmes not yet published, oldest first. */
    public List<Supervision> readyToPublish() {
        List<Supervision> ready = new ArrayList<>(supervisions.page(null, true, 0, Integer.MAX_VALUE));
        java.util.Collections.reverse(ready);
        return ready;
    }

    /** For the publication module, inside its publishing transaction; returns how many were marked. */
    @Transactional
    public int markPublished(Collection<Long> ids, Instant at) {
        int marked = 0;
        for (long id : ids) {
            Supervision before = supervisions.find(id).orElse(null);
            if (before != null && supervisions.markPublished(id, at)) {
                marked++;
                events.publishEvent(
                        new AuditedChange("supervision", String.valueOf(id), "published", before, find(id)));
            }
        }
        return marked;
    }

    /** True when the actor may conclude the programme. */
    public boolean mayConclude(Actor actor, Supervision s) {
        return actor != null
                && !s.published()
                && (actor.isAdmin()
                        || (actor.is(Role.SUPERVISOR) && actor.username().equals(s.createdBy())));
    }

    /** True when the actor may answer for this unit of the programme. */
    public boolean mayAnswer(Actor actor, Supervision s, String unit) {
        return actor != null
                && s.state() == SupervisionState.CONCLUDED
                && (actor.isAdmin() || (actor.is(Role.LEADER) && orgUnits.covers(actor, unit)));
    }

    private Supervision find(long id) {
        return supervisions.find(id).orElseThrow(() -> new NotFoundException("supervision", id));
    }
}
