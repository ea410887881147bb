package org.mandate.reviews;

/** A programme is open while supervising, concluded once its findings are recorded. */
public enum SupervisionState {
    OPEN,
    CONCLUDED
}
