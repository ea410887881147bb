package org.mandate.reporting;

import java.time.Instant;
import java.time.LocalDate;
import org.mandate.shared.Period;

/**
 * What one unit owes for one resolution and one period (a week or a month), due on a day. OPEN until the
 * unit submits (LATE when the due day passed first); SUBMITTED reports are APPROVED by the level above,
 * which locks their values, or RETURNED with a reason, to be fixed and submitted again.
 */
public record Report(
        long id,
        String orgUnit,
        String resolution,
        String period,
        LocalDate dueOn,
        State state,
        Instant submittedAt,
        LocalDate submittedOn,
        String submittedBy,
        Instant decidedAt,
        String decidedBy,
        String returnReason,
        long version) {

    public enum State {
        OPEN,
        SUBMITTED,
        APPROVED,
        RETURNED,
        LATE
    }

    /** How the report compares with its due day. */
    public enum Timeliness {
        /** Submitted on or before the due day. */
        ON_TIME,
        /** Submitted after the due day. */
        LATE,
        /** Not submitted and the due day has passed. */
        MISSING,
        /** Not submitted yet, not due yet. */
        PENDING
    }

    public Period periodValue() {
        return Period.parse(period);
    }

    public Timeliness timeliness(LocalDate today) {
        if (submittedOn != null) {
            return submittedOn.isAfter(dueOn) ? Timeliness.LATE : Timeliness.ON_TIME;
        }
        return today.isAfter(dueOn) ? Timeliness.MISSING : Timeliness.PENDING;
    }

    public boolean submittable() {
        return state == State.OPEN || state == State.LATE || state == State.RETURNED;
    }
}
