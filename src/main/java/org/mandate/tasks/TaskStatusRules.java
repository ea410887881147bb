package org.mandate.tasks;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * How a task's status and its progress agree, in the words a civil servant uses.
 *
 * <p>For a task done by its own unit (no sub-tasks):
 *
 * <ul>
 *   <li>A task whose progress is above 0 % has started: it is never "not started". A progress report
 *       without a status moves a not-started task to "on track"; one that says "not started" beside a
 *       progress above 0 is refused.
 *   <li>"On track" at 0 % is allowed: the work has begun but nothing is measurable yet.
 *   <li>Done on or before the deadline is "done"; done after it is "done late", and says by how many days
 *       ({@link #daysLate}).
 *   <li>"Overdue" is never stored: an unfinished task (not started, on track, at risk) shows it once its
 *       deadline has passed.
 * </ul>
 *
 * <p>A task split into sub-tasks takes its status and progress from them; its own reports carry notes and
 * evidence, not a status. Only the sub-tasks that count are read: drafts (not yet agreed) and cancelled
 * ones are left out. A draft or cancelled parent keeps its own status.
 *
 * <ul>
 *   <li>Progress is the average of the sub-tasks' progress weighted by their weight, and stays below 100 %
 *       until every sub-task is done.
 *   <li>Every sub-task done: the parent is done, on the day the last one was done, and "done late" when that
 *       day is after the parent's own deadline.
 *   <li>Otherwise, any sub-task at risk or overdue (its deadline passed, unfinished) puts the parent
 *       "at risk": the parent cannot be trusted to finish on time while part of it is already late. Once the
 *       parent's own deadline passes it shows "overdue" like any unfinished task.
 *   <li>Otherwise, once any sub-task has begun (progress above 0, on track, or done) the parent is "on
 *       track"; while none has, it is "not started".
 * </ul>
 */
public final class TaskStatusRules {

    private TaskStatusRules() {}

    /**
     * A sub-task as the rules read it: its stored status (never OVERDUE), progress, weight, deadline and the
     * day it was done.
     */
    public record SubTask(TaskStatus status, int progress, int weight, LocalDate deadline, LocalDate completedOn) {

        boolean counts() {
            return status != TaskStatus.DRAFT && status != TaskStatus.CANCELLED;
        }

        boolean lateAt(LocalDate today) {
            return status == TaskStatus.AT_RISK
                    || status == TaskStatus.OVERDUE
                    || (TaskStatus.UNFINISHED.contains(status) && deadline != null && deadline.isBefore(today));
        }

        boolean begun() {
            return progress > 0 || status == TaskStatus.ON_TRACK || status.isDone();
        }
    }

    /** What a parent shows, derived from its sub-tasks; {@code completedOn} is set when it is done. */
    public record Derived(TaskStatus status, int progress, LocalDate completedOn) {}

    /**
     * The status of a task with no sub-tasks after a progress report without a stated status: a task not
     * started that reports progress has started.
     */
    public static TaskStatus afterProgress(TaskStatus stored, int progress) {
        return stored == TaskStatus.NOT_STARTED && progress > 0 ? TaskStatus.ON_TRACK : stored;
    }

    /** True when the status contradicts the progress ("not started" above 0 %). */
    public static boolean contradicts(TaskStatus status, int progress) {
        return status == TaskStatus.NOT_STARTED && progress > 0;
    }

    /**
     * The parent's status and progress from its sub-tasks, or empty when the parent keeps its own (it is a
     * draft or cancelled, or no sub-task counts).
     */
    public static Optional<Derived> fromSubTasks(
            TaskStatus parentStored, LocalDate parentDeadline, List<SubTask> subTasks, LocalDate today) {
        if (parentStored == TaskStatus.DRAFT || parentStored == TaskStatus.CANCELLED) {
            return Optional.empty();
        }
        List<SubTask> counted = subTasks.stream().filter(SubTask::counts).toList();
        if (counted.isEmpty()) {
            return Optional.empty();
        }
        long num = 0;
        long den = 0;
        for (SubTask s : counted) {
            int w = Math.max(1, s.weight());
            num += (long) s.progress() * w;
            den += w;
        }
        int progress = (int) Math.round((double) num / den);
        if (counted.stream().allMatch(s -> s.status().isDone())) {
            LocalDate completed = counted.stream()
                    .map(SubTask::completedOn)
                    .filter(d -> d != null)
                    .max(LocalDate::compareTo)
                    .orElse(today);
            boolean late = parentDeadline != null && completed.isAfter(parentDeadline);
            return Optional.of(new Derived(late ? TaskStatus.DONE_LATE : TaskStatus.DONE, 100, completed));
        }
        progress = Math.min(progress, 99);
        TaskStatus status;
        if (counted.stream().anyMatch(s -> s.lateAt(today))) {
            status = TaskStatus.AT_RISK;
        } else if (counted.stream().anyMatch(SubTask::begun)) {
            status = TaskStatus.ON_TRACK;
        } else {
            status = TaskStatus.NOT_STARTED;
        }
        return Optional.of(new Derived(status, progress, null));
    }

    /** Days after the deadline that a task was done (0 when done on time, unfinished or without deadline). */
    public static long daysLate(LocalDate deadline, LocalDate completedOn) {
        if (deadline == null || completedOn == null || !completedOn.isAfter(deadline)) {
            return 0;
        }
        return ChronoUnit.DAYS.between(deadline, completedOn);
    }
}
