package org.mandate.bottlenecks;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * An obstacle raised by a unit ({@code raisedBy}) and owned by the unit that must resolve it
 * ({@code owner}; it moves up one level at each escalation, {@code originalOwner} keeps the first one).
 * Its age counts from {@code raisedOn} to today, or to {@code resolvedOn} once resolved.
 */
public record Bottleneck(
        long id,
        String title,
        String description,
        BottleneckType type,
        Severity severity,
        String resolution,
        String raisedBy,
        String owner,
        String originalOwner,
        String status,
        LocalDate raisedOn,
        LocalDate resolvedOn,
        String resolutionNote,
        int escalationLevel,
        LocalDate escalatedOn,
        List<Long> blockedTasks,
        long version) {

    public static final String OPEN = "OPEN";
    public static final String RESOLVED = "RESOLVED";

    public boolean open() {
        return OPEN.equals(status);
    }

    public long ageDays(LocalDate today) {
        return ChronoUnit.DAYS.between(raisedOn, resolvedOn != null ? resolvedOn : today);
    }

    Bottleneck withBlockedTasks(List<Long> tasks) {
        return new Bottleneck(
                id,
                title,
                description,
                type,
                severity,
                resolution,
                raisedBy,
                owner,
                originalOwner,
                status,
                raisedOn,
                resolvedOn,
                resolutionNote,
                escalationLevel,
                escalatedOn,
                tasks,
                version);
    }
}
