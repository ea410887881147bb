package org.mandate.feedback;

import java.util.Optional;
import org.mandate.tasks.Task;
import org.mandate.tasks.TaskManagement;
import org.springframework.stereotype.Component;

/**
 * Whether a task may be rated or appraised, and which unit leads it (so that a rating of a task also
 * counts for its unit's subtree). Draft tasks are not public and cannot be rated.
 */
@Component
public class TaskTargets {

    private final TaskManagement tasks;

    TaskTargets(TaskManagement tasks) {
        this.tasks = tasks;
    }

    /** True when a public (not draft) task with this id exists. */
    public boolean exists(long taskId) {
        return tasks.find(taskId)
                .filter(t -> t.status() != org.mandate.tasks.TaskStatus.DRAFT)
                .isPresent();
    }

    /** The code of the unit leading the task. */
    public Optional<String> leadUnit(long taskId) {
        return tasks.find(taskId).map(Task::leadUnit);
    }
}
