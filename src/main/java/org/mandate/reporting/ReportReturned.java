package org.mandate.reporting;

import java.time.Instant;

/** The level above returned a unit's report with a reason, to be fixed and submitted again. */
public record ReportReturned(
        long reportId, String orgUnit, String resolution, String period, String reason, String by, Instant at) {}
