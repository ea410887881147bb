package org.mandate.feedback;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mandate.shared.Actor;
import org.mandate.shared.AuditedChange;
import org.mandate.shared.Checks;
import org.mandate.shared.ConflictException;
import org.mandate.shared.ForbiddenException;
import org.mandate.shared.InvalidInputException;
import org.mandate.shared.NotFoundException;
import org.mandate.shared.PageResult;
import org.mandate.shared.Paging;
import org.mandate.shared.ProblemException;
import org.mandate.shared.ProblemException.FieldProblem;
import org.mandate.shared.Role;
import org.mandate.shared.Versions;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Citizens' and businesses' satisfaction. A rating counts at once; a client (a salted hash of its address,
 * computed by the web layer) rates a target once per period (a calendar month by default); its comment
 * waits for a moderator. Moderators approve or reject with a reason; nothing is deleted. The averages
 * feed the scorecards ({@link #satisfaction}, {@link #unitSatisfaction}) and the public pages.
 */
@Service
public class FeedbackManagement {

    public static final int MAX_COMMENT = 2000;
    public static final int MAX_REASON = 500;
    static final Set<TargetType> RATEABLE = Set.of(TargetType.RESOLUTION, TargetType.UNIT, TargetType.TASK);

    private final FeedbackRecords records;
    private final Targets targets;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final RatingPeriod period;

    FeedbackManagement(
            FeedbackRecords records,
            Targets targets,
            ApplicationEventPublisher events,
            Clock clock,
            @Value("${mandate.feedback.period:MONTH}") RatingPeriod period) {
        this.records = records;
        this.targets = targets;
        this.events = events;
        this.clock = clock;
        this.period = period;
    }

    /**
     * A rating from the public. {@code clientHash} identifies the client without storing its address;
     * {@code honeypot} is the hidden form field people never fill.
     */
    public record NewFeedback(
            String target,
            Integer rating,
            String comment,
            RespondentType respondentType,
            String honeypot,
            String clientHash) {}

    /** What the public is told: the rating was taken; whether a comment waits for moderation. */
    public record Receipt(boolean accepted, boolean commentPending) {}

    /**
     * A second rating of the same target by the same client in the same period is refused as "too many
     * requests" (429), like any other excess from that client: a burst counts once, the rest get 429.
     */
    private static ProblemException alreadyRated(String periodKey) {
        return new ProblemException(HttpStatus.TOO_MANY_REQUESTS, "error.feedback.alreadyRated", periodKey);
    }

    /** One transaction: the rating, the comment and their audit entries commit together or not at all. */
    @Transactional
    public Receipt submit(NewFeedback feedback) {
        if (feedback.honeypot() != null && !feedback.honeypot().isBlank()) {
            // A robot filled the hidden field: answer as if accepted, count nothing.
            return new Receipt(
                    true, feedback.comment() != null && !feedback.comment().isBlank());
        }
        List<FieldProblem> problems = new ArrayList<>();
        Target target = null;
        try {
            target = targets.require("target", feedback.target(), RATEABLE);
        } catch (InvalidInputException e) {
            problems.addAll(e.fieldProblems());
        }
        if (feedback.rating() == null) {
            problems.add(new FieldProblem("rating", "error.required"));
        } else if (feedback.rating() < 1 || feedback.rating() > 5) {
            problems.add(new FieldProblem("rating", "error.feedback.rating"));
        }
        if (feedback.respondentType() == null) {
            problems.add(new FieldProblem("respondentType", "error.required"));
        }
        Checks.maxLength(problems, "comment", feedback.comment(), MAX_COMMENT);
        Checks.throwIfAny(problems);
        if (feedback.clientHash() == null || feedback.clientHash().isBlank()) {
            throw new IllegalArgumentException("clientHash is computed by the web layer");
        }
        Instant now = clock.instant();
        String periodKey = period.key(LocalDate.ofInstant(now, clock.getZone()));
        if (records.rated(target, feedback.clientHash(), periodKey)) {
            throw alreadyRated(periodKey);
        }
        long ratingId;
        try {
            ratingId = records.insertRating(
                    target,
                    targets.unitOf(target).orElse(null),
                    feedback.rating(),
                    feedback.respondentType(),
                    feedback.clientHash(),
                    periodKey,
                    now);
        } catch (DuplicateKeyException e) {
            throw alreadyRated(periodKey);
        }
        Map<String, Object> audit = new LinkedHashMap<>();
        audit.put("target", target.key());
        audit.put("rating", feedback.rating());
        audit.put("respondentType", feedback.respondentType());
        audit.put("period", periodKey);
        events.publishEvent(AuditedChange.created("feedback-rating", ratingId, audit));
        String comment = feedback.comment() == null ? "" : feedback.comment().strip();
        if (!comment.isEmpty()) {
            long commentId = records.insertComment(ratingId, target, feedback.respondentType(), comment, now);
            events.publishEvent(AuditedChange.created("feedback-comment", commentId, getComment(commentId)));
        }
        return new Receipt(true, !comment.isEmpty());
    }

    /** Satisfaction with one target (resolution, task or unit itself) between two days, both included. */
    public Satisfaction satisfaction(String target, LocalDate from, LocalDate to) {
        Target t = Target.parse(target)
                .orElseThrow(() -> new InvalidInputException("target", "error.feedback.target", target));
        return summarise(records.stats(
                FeedbackRecords.targetCondition(),
                Map.of("type", t.type().name(), "ref", t.ref()),
                start(from),
                end(to)));
    }

    /**
     * Satisfaction with everything a unit and the units under it answer for (the units themselves and
     * their tasks) between two days, both included. Null days leave the range open.
     */
    public Satisfaction unitSatisfaction(String unitCode, LocalDate from, LocalDate to) {
        return summarise(
                records.stats(FeedbackRecords.subtreeCondition(), Map.of("unit", unitCode), start(from), end(to)));
    }

    /** Approved comments on a target, newest first: what the public sees. */
    public PageResult<Comment.Public> approvedComments(String target, Paging paging) {
        Target t = Target.parse(target)
                .orElseThrow(() -> new InvalidInputException("target", "error.feedback.target", target));
        return new PageResult<>(
                records.comments(CommentState.APPROVED, t, (int) paging.offset(), paging.size()).stream()
                        .map(Comment::toPublic)
                        .toList(),
                paging.page(),
                paging.size(),
                records.countComments(CommentState.APPROVED, t));
    }

    /** The moderation queue (pending oldest first) or the moderated comments. Moderators and admins. */
    public PageResult<Comment> comments(Actor actor, CommentState state, Paging paging) {
        requireModerator(actor);
        return new PageResult<>(
                records.comments(state, null, (int) paging.offset(), paging.size()),
                paging.page(),
                paging.size(),
                records.countComments(state, null));
    }

    public Comment getComment(long id) {
        return records.comment(id).orElseThrow(() -> new NotFoundException("comment", id));
    }

    @Transactional
    public Comment approve(Actor actor, long id, Long version) {
        return moderate(actor, id, version, CommentState.APPROVED, null);
    }

    @Transactional
    public Comment reject(Actor actor, long id, String reason, Long version) {
        List<FieldProblem> problems = new ArrayList<>();
        if (reason == null || reason.isBlank()) {
            problems.add(new FieldProblem("reason", "error.required"));
        }
        Checks.maxLength(problems, "reason", reason, MAX_REASON);
        requireModerator(actor);
        Checks.throwIfAny(problems);
        return moderate(actor, id, version, CommentState.REJECTED, reason.strip());
    }

    private Comment moderate(Actor actor, long id, Long version, CommentState state, String reason) {
        requireModerator(actor);
        Comment current = getComment(id);
        if (version != null) {
            Versions.check(version, current.version());
        }
        if (current.state() == state) {
            throw new ConflictException("error.feedback.alreadyModerated", state);
        }
        if (!records.moderate(id, current.version(), state, reason, actor.username(), clock.instant())) {
            throw ConflictException.staleVersion(current.version() + 1, current.version());
        }
        Comment updated = getComment(id);
        events.publishEvent(new AuditedChange(
                "feedback-comment", String.valueOf(id), state.name().toLowerCase(), current, updated));
        return updated;
    }

    private static void requireModerator(Actor actor) {
        if (!actor.is(Role.ADMIN, Role.MODERATOR)) {
            throw new ForbiddenException("error.forbidden.role", actor.role());
        }
    }

    private Instant start(LocalDate from) {
        return from == null ? null : from.atStartOfDay(zone()).toInstant();
    }

    private Instant end(LocalDate to) {
        return to == null ? null : to.plusDays(1).atStartOfDay(zone()).toInstant();
    }

    private ZoneId zone() {
        return clock.getZone();
    }

    private static Satisfaction summarise(Map<RespondentType, double[]> stats) {
        long count = 0;
        double sum = 0;
        List<Satisfaction.ByRespondent> by = new ArrayList<>();
        for (RespondentType type : Arrays.asList(RespondentType.values())) {
            double[] s = stats.get(type);
            if (s == null) {
                by.add(new Satisfaction.ByRespondent(type, 0, null));
            } else {
                long n = (long) s[0];
                count += n;
                sum += s[1] * n;
                by.add(new Satisfaction.ByRespondent(type, n, round(s[1])));
            }
        }
        return new Satisfaction(count, count == 0 ? null : round(sum / count), by);
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
