/**
 * The staff dashboard: live figures of a resolution and an org subtree, read from the other modules'
 * public APIs (tasks, bottlenecks, indicators). Read-only; writes nothing.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"bottlenecks", "indicators", "orgunits", "resolutions", "shared", "tasks"})
package org.mandate.dashboard;
