package org.mandate.feedback;

import java.util.Optional;

/**
 * The hook through which feedback and reviews learn whether a task exists and which unit leads it. The
 * tasks module is built separately: until the integrator registers a bean implementing this interface
 * (for example in the tasks module, delegating to its management class), {@link #ACCEPT_POSITIVE_IDS}
 * is used, which accepts any positive numeric id and knows no lead unit.
 */
public interface TaskTargets {

    /** True when a task with this id exists (and may be rated or appraised). */
    boolean exists(long taskId);

    /** The code of the unit leading the task, when known. */
    Optional<String> leadUnit(long taskId);

    /** The stand-in used while no tasks module provides an implementation. */
    TaskTargets ACCEPT_POSITIVE_IDS = new TaskTargets() {
        @Override
        public boolean exists(long taskId) {
            return taskId > 0;
        }

        @Override
        public Optional<String> leadUnit(long taskId) {
            return Optional.empty();
        }
    };
}
