package org.mandate.reviews;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A social supervision programme of a supervising organisation (the Fatherland Front): subject, supervised
 * units, period; its findings and recommendations once concluded; each unit's answer. Concluded programmes
 * are public once a publication includes them.
 */
public record Supervision(
        long id,
        String organisation,
        String subject,
        LocalDate periodFrom,
        LocalDate periodTo,
        String findings,
        String recommendations,
        SupervisionState state,
        String createdBy,
        Instant createdAt,
        Instant concludedAt,
        boolean published,
        Instant publishedAt,
        long version,
        List<UnitAnswer> units) {

    /** A supervised unit and its answer (null until a leader of the unit answers). */
    public record UnitAnswer(String unit, String answer, String answeredBy, Instant answeredAt) {}

    public boolean readyToPublish() {
        return !published && state == SupervisionState.CONCLUDED;
    }
}
