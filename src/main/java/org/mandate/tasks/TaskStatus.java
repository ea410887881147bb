package org.mandate.tasks;

import java.util.EnumSet;
import java.util.Set;

/**
 * A task's status. {@link #OVERDUE} is never stored nor accepted from a client: it is what an unfinished
 * task (not started, on track, at risk) shows once its deadline has passed.
 */
public enum TaskStatus {
    DRAFT,
    NOT_STARTED,
    ON_TRACK,
    AT_RISK,
    OVERDUE,
    DONE,
    DONE_LATE,
    CANCELLED;

    /** Stored statuses of work under way: these turn OVERDUE after the deadline. */
    public static final Set<TaskStatus> UNFINISHED = EnumSet.of(NOT_STARTED, ON_TRACK, AT_RISK);

    public static final Set<TaskStatus> FINISHED = EnumSet.of(DONE, DONE_LATE, CANCELLED);

    /** The SQL list of unfinished stored statuses, for {@code status in (...)}. */
    static final String UNFINISHED_SQL = "('NOT_STARTED','ON_TRACK','AT_RISK')";

    static final String FINISHED_SQL = "('DONE','DONE_LATE','CANCELLED')";

    public boolean isDone() {
        return this == DONE || this == DONE_LATE;
    }
}
