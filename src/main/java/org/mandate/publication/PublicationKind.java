package org.mandate.publication;

/** Why a publication was made: the weekly or monthly schedule, or a steering user by hand. */
public enum PublicationKind {
    WEEKLY,
    MONTHLY,
    MANUAL
}
