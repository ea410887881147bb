package org.mandate.feedback;

import java.util.List;

/**
 * Public satisfaction with a target (or a unit's subtree) over a date range: all ratings together and by
 * respondent type. {@code average} is null when nobody rated.
 */
public record Satisfaction(long count, Double average, List<ByRespondent> byRespondentType) {

    /** Count and average of one respondent type (types nobody used are listed with count 0). */
    public record ByRespondent(RespondentType respondentType, long count, Double average) {}
}
