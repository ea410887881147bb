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

    /** A unit asked to move a task's deadline or change its expected result; the approver decides. */
    public record RebaselineRequested(
            long taskId, long requestId, String leadUnit, String approver, String requestedBy, String reason) {}

    /** The approver decided a re-baselining request: approved (the task moved) or rejected. */
    public record RebaselineDecided(
            long taskId,
            long requestId,
            String leadUnit,
            boolean approved,
            LocalDate oldDeadline,
            LocalDate newDeadline,
            String requestedBy,
            String decidedBy) {}
}
