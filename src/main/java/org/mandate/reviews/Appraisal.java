package org.mandate.reviews;

import java.time.Instant;
import java.time.LocalDate;

/**
 * An independent expert's appraisal of a solution group or task: four criteria rated 1–5 (relevance,
 * feasibility, cost-effectiveness, credibility of the reported progress), findings and recommendations,
 * and the appraised unit's response. Submitted appraisals are public once a publication includes them
 * ({@code published}).
 */
public record Appraisal(
        long id,
        String target,
        String unit,
        String expert,
        String invitedBy,
        Instant invitedAt,
        LocalDate dueOn,
        String brief,
        AppraisalState state,
        Integer relevance,
        Integer feasibility,
        Integer costEffectiveness,
        Integer progressCredibility,
        String findings,
        String recommendations,
        Instant submittedAt,
        String response,
        String respondedBy,
        Instant respondedAt,
        boolean published,
        Instant publishedAt,
        long version) {

    /** The mean of the four criteria, or null before submission. */
    public Double overall() {
        if (relevance == null || feasibility == null || costEffectiveness == null || progressCredibility == null) {
            return null;
        }
        return (relevance + feasibility + costEffectiveness + progressCredibility) / 4.0;
    }

    public boolean readyToPublish() {
        return !published && state != AppraisalState.INVITED;
    }
}
