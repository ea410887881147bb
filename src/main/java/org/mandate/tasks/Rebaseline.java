package org.mandate.tasks;

import java.time.LocalDate;

/**
 * A request to move a task's deadline or change its expected result, with the reason; it takes effect
 * only when the approver (a leader or the steering secretariat over the approver unit) consents.
 * {@code state} is PENDING, APPROVED or REJECTED.
 */
public record Rebaseline(
        long id,
        long taskId,
        LocalDate oldDeadline,
        LocalDate newDeadline,
        String oldExpectedResult,
        String newExpectedResult,
        String reason,
        String state,
        String requestedBy,
        LocalDate requestedOn,
        String decidedBy,
        LocalDate decidedOn) {}
