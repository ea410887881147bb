package org.mandate.bottlenecks;

import java.time.LocalDate;

/** One step in a bottleneck's life: raised, escalated (from, to), resolved. */
public record BottleneckHistory(
        String action, String fromUnit, String toUnit, String note, LocalDate on, String actor) {}
