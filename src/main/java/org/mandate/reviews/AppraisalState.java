package org.mandate.reviews;

/** An appraisal is invited, then submitted by the expert, then (optionally) answered by the unit. */
public enum AppraisalState {
    INVITED,
    SUBMITTED,
    RESPONDED
}
