package org.mandate.feedback;

/** Who gives a rating: a citizen or a business. */
public enum RespondentType {
    CITIZEN,
    BUSINESS
}
