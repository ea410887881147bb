package org.mandate.reviews;

import java.time.LocalDate;
import java.util.List;

/** The public events of the reviews module, past tense. */
public final class ReviewEvents {

    private ReviewEvents() {}

    /** An independent expert was invited to appraise a target, due on a day. */
    public record ExpertInvited(long appraisalId, String expert, String target, String unit, LocalDate dueOn) {}

    /** A supervision programme was concluded: its findings are addressed to the supervised units. */
    public record SupervisionConcluded(long supervisionId, String subject, List<String> units) {}
}
