package org.mandate.indicators;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One figure: an indicator's value for an org unit and a period, with who entered it and when. Its state
 * follows the unit's report: DRAFT while entered, SUBMITTED with the report, APPROVED (locked, public)
 * or RETURNED (to fix) by the level above. A value outside the indicator's plausible range is flagged.
 */
public record DataValue(
        String indicator,
        String orgUnit,
        String period,
        BigDecimal value,
        String comment,
        State state,
        boolean flagged,
        String enteredBy,
        Instant enteredAt,
        long version) {

    public enum State {
        DRAFT,
        SUBMITTED,
        APPROVED,
        RETURNED
    }

    /** A value may change while it is a draft or was returned; submitted and approved values are locked. */
    public boolean editable() {
        return state == State.DRAFT || state == State.RETURNED;
    }
}
