package org.mandate.reviews;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.mandate.feedback.Target;
import org.mandate.feedback.TargetType;
import org.mandate.feedback.Targets;
import org.mandate.identity.AccountManagement;
import org.mandate.identity.User;
import org.mandate.orgunits.OrgUnitManagement;
import org.mandate.shared.Actor;
import org.mandate.shared.AuditedChange;
import org.mandate.shared.Checks;
import org.mandate.shared.ConflictException;
import org.mandate.shared.ForbiddenException;
import org.mandate.shared.InvalidInputException;
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
 * Expert appraisals. The steering secretariat (or an admin) invites an EXPERT user to appraise a solution
 * group or a task of a named unit; only that expert writes the appraisal; a LEADER whose scope covers the
 * unit responds. Submitted appraisals wait for the next publication ({@link #readyToPublish()}), which
 * marks them published ({@link #markPublished}).
 */
@Service
public class AppraisalManagement {

    public static final int MAX_TEXT = 8000;
    static final Set<TargetType> APPRAISABLE = Set.of(TargetType.SOLUTION_GROUP, TargetType.TASK);

    private final Appraisals appraisals;
    private final Targets targets;
    private final OrgUnitManagement orgUnits;
    private final AccountManagement accounts;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AppraisalManagement(
            Appraisals appraisals,
            Targets targets,
            OrgUnitManagement orgUnits,
            AccountManagement accounts,
            ApplicationEventPublisher events,
            Clock clock) {
        this.appraisals = appraisals;
        this.targets = targets;
        this.orgUnits = orgUnits;
        this.accounts = accounts;
        this.events = events;
        this.clock = clock;
    }

    /** An invitation: what to appraise, which expert, the appraised unit (a task's lead unit by default). */
    public record NewInvitation(String target, String expert, String unit, LocalDate dueOn, String brief) {}

    /** The expert's appraisal: four criteria 1–5, findings (required) and recommendations. */
    public record AppraisalReport(
            Integer relevance,
            Integer feasibility,
            Integer costEffectiveness,
            Integer progressCredibility,
            String findings,
            String recommendations,
            Long version) {}

    /** List filters; null fields do not filter. {@code ready}: submitted and not yet published. */
    public record AppraisalFilter(AppraisalState state, String target, Boolean published, Boolean ready) {}

    @Transactional
    public Appraisal invite(Actor actor, NewInvitation invitation) {
        if (!actor.is(Role.ADMIN, Role.STEERING)) {
            throw new ForbiddenException("error.forbidden.role", actor.role());
        }
        List<FieldProblem> problems = new ArrayList<>();
        Target target = null;
        try {
            target = targets.require("target", invitation.target(), APPRAISABLE);
        } catch (InvalidInputException e) {
            problems.addAll(e.fieldProblems());
        }
        if (invitation.expert() == null || invitation.expert().isBlank()) {
            problems.add(new FieldProblem("expert", "error.required"));
        } else {
            User expert = accounts.find(invitation.expert()).orElse(null);
            if (expert == null) {
                problems.add(new FieldProblem("expert", "error.unknown", invitation.expert()));
            } else if (expert.role() != Role.EXPERT || !expert.enabled()) {
                problems.add(new FieldProblem("expert", "error.reviews.notAnExpert", invitation.expert()));
            }
        }
        String unit = invitation.unit();
        if ((unit == null || unit.isBlank()) && target != null) {
            unit = targets.unitOf(target).orElse(null);
        }
        if (unit == null || unit.isBlank()) {
            problems.add(new FieldProblem("unit", "error.required"));
        } else if (orgUnits.find(unit).isEmpty()) {
            problems.add(new FieldProblem("unit", "error.unknown", unit));
        }
        Checks.maxLength(problems, "brief", invitation.brief(), 2000);
        Checks.throwIfAny(problems);
        if (!actor.isAdmin() && !orgUnits.covers(actor, unit)) {
            throw new ForbiddenException("error.forbidden.scope", unit);
        }
        long id = appraisals.insert(
                target.type().prefix(),
                target.ref(),
                unit,
                invitation.expert(),
                actor.username(),
                clock.instant(),
                invitation.dueOn(),
                blankToNull(invitation.brief()));
        Appraisal created = find(id);
        events.publishEvent(AuditedChange.created("appraisal", id, created));
        events.publishEvent(new ReviewEvents.ExpertInvited(
                id, invitation.expert(), target.type().prefix() + ":" + target.ref(), unit, invitation.dueOn()));
        return created;
    }

    @Transactional
    public Appraisal submit(Actor actor, long id, AppraisalReport report) {
        Appraisal current = find(id);
        if (!actor.username().equals(current.expert())) {
            throw new ForbiddenException("error.reviews.notInvited");
        }
        Versions.check(report.version(), current.version());
        if (current.state() != AppraisalState.INVITED) {
            throw new ConflictException("error.reviews.alreadySubmitted");
        }
        List<FieldProblem> problems = new ArrayList<>();
        score(problems, "relevance", report.relevance());
        score(problems, "feasibility", report.feasibility());
        score(problems, "costEffectiveness", report.costEffectiveness());
        score(problems, "progressCredibility", report.progressCredibility());
        if (report.findings() == null || report.findings().isBlank()) {
            problems.add(new FieldProblem("findings", "error.required"));
        }
        Checks.maxLength(problems, "findings", report.findings(), MAX_TEXT);
        Checks.maxLength(problems, "recommendations", report.recommendations(), MAX_TEXT);
        Checks.throwIfAny(problems);
        int[] scores = {
            report.relevance(), report.feasibility(), report.costEffectiveness(), report.progressCredibility()
        };
        if (!appraisals.submit(
                id,
                current.version(),
                scores,
                report.findings().strip(),
                blankToNull(report.recommendations()),
                clock.instant())) {
            throw ConflictException.staleVersion(current.version() + 1, current.version());
        }
        Appraisal updated = find(id);
        events.publishEvent(new AuditedChange("appraisal", String.valueOf(id), "submitted", current, updated));
        return updated;
    }

    @Transactional
    public Appraisal respond(Actor actor, long id, String response, Long version) {
        Appraisal current = find(id);
        orgUnits.requireWrite(actor, current.unit(), Role.LEADER);
        Versions.check(version, current.version());
        if (current.state() == AppraisalState.INVITED) {
            throw new ConflictException("error.reviews.notSubmitted");
        }
        List<FieldProblem> problems = new ArrayList<>();
        if (response == null || response.isBlank()) {
            problems.add(new FieldProblem("response", "error.required"));
        }
        Checks.maxLength(problems, "response", response, MAX_TEXT);
        Checks.throwIfAny(problems);
        if (!appraisals.respond(id, current.version(), response.strip(), actor.username(), clock.instant())) {
            throw ConflictException.staleVersion(current.version() + 1, current.version());
        }
        Appraisal updated = find(id);
        events.publishEvent(new AuditedChange("appraisal", String.valueOf(id), "responded", current, updated));
        return updated;
    }

    /**
     * One appraisal, if the actor may see it: steering and admins all, an expert their own, others those
     * of units in their scope. Published ones anybody.
     */
    public Appraisal get(Actor actor, long id) {
        Appraisal a = find(id);
        if (a.published() || maySee(actor, a)) {
            return a;
        }
        throw new NotFoundException("appraisal", id);
    }

    /** The appraisals the actor may see, newest first. */
    public PageResult<Appraisal> list(Actor actor, AppraisalFilter filter, Paging paging) {
        String expert = null;
        String within = null;
        if (actor == null) {
            return published(filter == null ? null : filter.target(), paging);
        }
        if (actor.is(Role.EXPERT)) {
            expert = actor.username();
        } else if (!actor.is(Role.ADMIN, Role.STEERING)) {
            within = actor.scopeUnit();
        }
        AppraisalFilter f = filter == null ? new AppraisalFilter(null, null, null, null) : filter;
        return page(
                new Appraisals.Filter(f.state(), expert, checkedTarget(f.target()), within, f.published(), f.ready()),
                paging);
    }

    /** Published appraisals, newest first: what the public sees. */
    public PageResult<Appraisal> published(String target, Paging paging) {
        return page(new Appraisals.Filter(null, null, checkedTarget(target), null, true, null), paging);
    }

    /** For the publication module: submitted appraisals not yet published, oldest first. */
    public List<Appraisal> readyToPublish() {
        List<Appraisal> ready = new ArrayList<>(
                appraisals.page(new Appraisals.Filter(null, null, null, null, null, true), 0, Integer.MAX_VALUE));
        java.util.Collections.reverse(ready);
        return ready;
    }

    /**
     * For the publication module, inside its publishing transaction: marks these appraisals published at
     * {@code at}. Ids not ready (still invited or already published) are skipped. Returns how many were
     * marked.
     */
    @Transactional
    public int markPublished(Collection<Long> ids, Instant at) {
        int marked = 0;
        for (long id : ids) {
            Appraisal before = appraisals.find(id).orElse(null);
            if (before != null && appraisals.markPublished(id, at)) {
                marked++;
                events.publishEvent(new AuditedChange("appraisal", String.valueOf(id), "published", before, find(id)));
            }
        }
        return marked;
    }

    private PageResult<Appraisal> page(Appraisals.Filter filter, Paging paging) {
        return new PageResult<>(
                appraisals.page(filter, (int) paging.offset(), paging.size()),
                paging.page(),
                paging.size(),
                appraisals.count(filter));
    }

    private String checkedTarget(String target) {
        if (target == null) {
            return null;
        }
        return Target.parse(target)
                .map(Target::key)
                .orElseThrow(() -> new InvalidInputException("target", "error.feedback.target", target));
    }

    private boolean maySee(Actor actor, Appraisal a) {
        if (actor == null) {
            return false;
        }
        return actor.is(Role.ADMIN, Role.STEERING)
                || actor.username().equals(a.expert())
                || (!actor.is(Role.EXPERT) && orgUnits.covers(actor, a.unit()));
    }

    /** True when the actor is the invited expert and the appraisal still waits for them. */
    public boolean mayWrite(Actor actor, Appraisal a) {
        return actor != null && actor.username().equals(a.expert()) && a.state() == AppraisalState.INVITED;
    }

    /** True when the actor may answer for the appraised unit. */
    public boolean mayRespond(Actor actor, Appraisal a) {
        return actor != null
                && a.state() != AppraisalState.INVITED
                && (actor.isAdmin() || (actor.is(Role.LEADER) && orgUnits.covers(actor, a.unit())));
    }

    private Appraisal find(long id) {
        return appraisals.find(id).orElseThrow(() -> new NotFoundException("appraisal", id));
    }

    private static void score(List<FieldProblem> problems, String field, Integer value) {
        if (value == null) {
            problems.add(new FieldProblem(field, "error.required"));
        } else if (value < 1 || value > 5) {
            problems.add(new FieldProblem(field, "error.reviews.score"));
        }
    }

    static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
