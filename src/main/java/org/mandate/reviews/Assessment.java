package org.mandate.reviews;

import java.time.Instant;

/** The reviewer's judgement of a unit for a period, published with its scorecard. */
public record Assessment(String unit, String period, Verdict verdict, String reason, String reviewer, Instant at) {

    /** What the review concludes: reward those who dare to act, handle violations strictly. */
    public enum Verdict {
        COMMENDATION,
        NO_ACTION,
        WARNING,
        DISCIPLINE_PROPOSED
    }
}
