package org.mandate.feedback;

import java.time.LocalDate;
import java.time.temporal.IsoFields;

/** The period in which a client may rate a target once: a calendar month by default. */
enum RatingPeriod {
    WEEK,
    MONTH,
    QUARTER,
    YEAR;

    /** The ISO period identifier of the day: {@code 2025W42}, {@code 2025-10}, {@code 2025Q4}, {@code 2025}. */
    String key(LocalDate day) {
        return switch (this) {
            case WEEK ->
                String.format(
                        "%dW%02d", day.get(IsoFields.WEEK_BASED_YEAR), day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            case MONTH -> String.format("%d-%02d", day.getYear(), day.getMonthValue());
            case QUARTER -> day.getYear() + "Q" + day.get(IsoFields.QUARTER_OF_YEAR);
            case YEAR -> String.valueOf(day.getYear());
        };
    }
}
