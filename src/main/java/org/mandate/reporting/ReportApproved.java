package org.mandate.reporting;

import java.time.Instant;

/** The level above approved a unit's report: its values are locked and public. */
public record ReportApproved(long reportId, String orgUnit, String resolution, String period, String by, Instant at) {}
