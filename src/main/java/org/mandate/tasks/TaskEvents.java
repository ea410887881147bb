package org.mandate.tasks;

import java.time.LocalDate;

/** The public events of the tasks module, past tense. */
public final class TaskEvents {

    private TaskEvents() {}

    /** A task was created (possibly as a draft, possibly as a sub-task). */
    public record TaskCreated(long taskId, String leadUnit, String resolution, Long parent, TaskStatus status) {}

    /** A reporter posted progress on a task. */
    public record TaskProgressReported(
            long taskId, String leadUnit, String resolution, int progress, TaskStatus status, LocalDate reportedOn) {}

    /** A task was completed, on time or late. */
    public record TaskCompleted(
            long taskId, String leadUnit, String resolution, LocalDate deadline, LocalDate completedOn, boolean late) {}

    /** The overdue job found a task past its deadline; {@code overdueSince} is the day after the deadline. */
    public record TaskBecameOverdue(
            long taskId, String leadUnit, String resolution, LocalDate deadline, LocalDate overdueSince) {}

    /** An approved change of deadline or expected result. */
    public record TaskRebaselined(
            long taskId, String leadUnit, LocalDate oldDeadline, LocalDate newDeadline, String approvedBy) {}
}
