package org.mandate.tasks;

/** Where a legal document stands on the backlog board. */
public enum LegalStage {
    DRAFTING,
    APPRAISAL,
    ISSUED,
    IN_FORCE
}
