/**
 * Tasks: the unit of accountability. Each carries the five clarities (work, people, responsibility, time,
 * result), cascades into sub-tasks whose progress rolls up, follows status rules (overdue is computed),
 * keeps a timeline of progress updates and an open record of re-baselining. Depends on orgunits and
 * resolutions; other modules (bottlenecks) record blockers through {@link org.mandate.tasks.TaskManagement}.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"discussion", "orgunits", "resolutions", "shared"})
package org.mandate.tasks;
