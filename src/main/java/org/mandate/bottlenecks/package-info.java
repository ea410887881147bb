/**
 * Bottlenecks: what blocks progress, raised by a unit against the tasks it blocks, owned by the unit that
 * must resolve it, escalated a level at a time up to the steering committee, resolved with a note. Depends
 * on orgunits and tasks (it records the tasks it blocks through TaskManagement); tasks never depends on it.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"discussion", "orgunits", "resolutions", "shared", "tasks"})
package org.mandate.bottlenecks;
