/**
 * The reports every unit owes per resolution and period (weekly and monthly): opened by a scheduled job,
 * submitted by the unit, approved or returned by the level above, measured for completeness and
 * timeliness. A report's content is assembled from sections other modules can contribute
 * ({@link org.mandate.reporting.ReportSections}); the indicator values section is built in. Depends on
 * indicators, orgunits, resolutions, tasks, bottlenecks (the sections they contribute) and shared.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"bottlenecks", "discussion", "indicators", "orgunits", "resolutions", "shared", "tasks"})
package org.mandate.reporting;
