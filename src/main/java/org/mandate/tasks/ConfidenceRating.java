package org.mandate.tasks;

/** The five steps of delivery confidence, from "on track to deliver" to "unachievable as it stands". */
public enum ConfidenceRating {
    GREEN,
    AMBER_GREEN,
    AMBER,
    AMBER_RED,
    RED
}
