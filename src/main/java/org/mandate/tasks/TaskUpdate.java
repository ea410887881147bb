package org.mandate.tasks;

import java.time.Instant;
import java.time.LocalDate;

/** One progress report on a task, kept for the timeline. */
public record TaskUpdate(
        long id,
        long taskId,
        int progress,
        TaskStatus status,
        String note,
        String evidenceUrl,
        LocalDate reportedOn,
        String reportedBy,
        Instant reportedAt) {}
