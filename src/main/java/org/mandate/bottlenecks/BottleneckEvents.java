package org.mandate.bottlenecks;

import java.time.LocalDate;
import java.util.List;

/** The public events of the bottlenecks module, past tense. */
public final class BottleneckEvents {

    private BottleneckEvents() {}

    public record BottleneckRaised(
            long bottleneckId,
            BottleneckType type,
            String raisedBy,
            String owner,
            List<Long> blockedTasks,
            LocalDate raisedOn) {}

    public record BottleneckEscalated(
            long bottleneckId,
            String fromOwner,
            String toOwner,
            int escalationLevel,
            boolean automatic,
            LocalDate escalatedOn) {}

    public record BottleneckResolved(
            long bottleneckId, BottleneckType type, String owner, LocalDate raisedOn, LocalDate resolvedOn) {}
}
