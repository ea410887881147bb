package org.mandate.reporting;

import java.time.Instant;

/** A unit submitted its report for a period. */
public record ReportSubmitted(
        long reportId, String orgUnit, String resolution, String period, boolean onTime, String by, Instant at) {}
