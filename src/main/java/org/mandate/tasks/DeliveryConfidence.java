package org.mandate.tasks;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.mandate.shared.Actor;
import org.mandate.shared.AuditedChange;
import org.mandate.shared.ForbiddenException;
import org.mandate.shared.InvalidInputException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Delivery confidence of tasks: the responsible unit rates how likely the task is to deliver (five steps)
 * and says why in a sentence; a change is a new rating with its own reason, so the history stays.
 */
@Service
public class DeliveryConfidence {

    public static final int MAX_REASON = 1000;

    private final JdbcClient jdbc;
    private final TaskManagement tasks;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    DeliveryConfidence(JdbcClient jdbc, TaskManagement tasks, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.tasks = tasks;
        this.events = events;
        this.clock = clock;
    }

    /** The task's ratings, newest first (the task must be visible to the reader). */
    public List<Confidence> history(Actor reader, long taskId) {
        tasks.get(reader, taskId);
        return jdbc.sql("select id, task_id, rating, reason, set_by, set_at from task_confidence where task_id = :t"
                        + " order by id desc")
                .param("t", taskId)
                .query(DeliveryConfidence::map)
                .list();
    }

    /** Rates a task: only its lead unit's staff (or steering), always with a reason. */
    @Transactional
    public Confidence rate(Actor actor, long taskId, ConfidenceRating rating, String reason) {
        Task task = tasks.get(actor, taskId);
        if (!tasks.mayWrite(actor, task.leadUnit())) {
            throw new ForbiddenException("error.forbidden.scope", task.leadUnit());
        }
        if (rating == null) {
            throw new InvalidInputException("rating", "error.tasks.confidenceRating");
        }
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            throw new InvalidInputException("reason", "error.tasks.confidenceReason");
        }
        if (why.length() > MAX_REASON) {
            throw new InvalidInputException("reason", "error.tooLong", MAX_REASON);
        }
        org.springframework.jdbc.support.GeneratedKeyHolder keys =
                new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("""
                insert into task_confidence (task_id, rating, reason, set_by, set_at)
                values (:t, :rating, :reason, :by, :at)
                """)
                .param("t", taskId)
                .param("rating", rating.name())
                .param("reason", why)
                .param("by", actor.username())
                .param("at", Timestamp.from(clock.instant()))
                .update(keys, "id");
        Confidence created = jdbc.sql(
                        "select id, task_id, rating, reason, set_by, set_at from task_confidence where id = :id")
                .param("id", keys.getKey().longValue())
                .query(DeliveryConfidence::map)
                .single();
        events.publishEvent(new AuditedChange("task", String.valueOf(taskId), "confidence-rated", null, created));
        return created;
    }

    /** The current and the previous rating of every rated task, for the publication (one query). */
    public Map<Long, List<Confidence>> latestTwo() {
        Map<Long, List<Confidence>> latest = new HashMap<>();
        jdbc.sql("select id, task_id, rating, reason, set_by, set_at from task_confidence order by task_id, id desc")
                .query(rs -> {
                    Confidence c = map(rs, 0);
                    List<Confidence> two = latest.computeIfAbsent(c.taskId(), k -> new java.util.ArrayList<>(2));
                    if (two.size() < 2) {
                        two.add(c);
                    }
                });
        return latest;
    }

    private static Confidence map(ResultSet rs, int n) throws SQLException {
        return new Confidence(
                rs.getLong("id"),
                rs.getLong("task_id"),
                ConfidenceRating.valueOf(rs.getString("rating")),
                rs.getString("reason"),
                rs.getString("set_by"),
                rs.getTimestamp("set_at").toInstant());
    }
}
