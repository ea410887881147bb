package org.mandate.tasks;

import java.util.Optional;
import org.mandate.discussion.DiscussionTarget;
import org.mandate.shared.Actor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Tasks and their progress updates as discussion targets: visible to whoever may read the task; written by
 * the lead unit's subtree and by the approver.
 */
@Configuration
class TaskDiscussionTargets {

    @Bean
    DiscussionTarget taskTarget(TaskManagement tasks) {
        return new DiscussionTarget() {
            @Override
            public String type() {
                return "task";
            }

            @Override
            public Optional<Subject> find(Actor reader, long id) {
                return tasks.find(reader, id).map(t -> subject(tasks, reader, t));
            }

            @Override
            public boolean isPublic(long id) {
                return tasks.find(id)
                        .filter(t -> t.status() != TaskStatus.DRAFT)
                        .isPresent();
            }
        };
    }

    @Bean
    DiscussionTarget updateTarget(TaskManagement tasks, Tasks repository) {
        return new DiscussionTarget() {
            @Override
            public String type() {
                return "update";
            }

            @Override
            public Optional<Subject> find(Actor reader, long id) {
                return repository
                        .taskOfUpdate(id)
                        .flatMap(task -> tasks.find(reader, task))
                        .map(t -> subject(tasks, reader, t));
            }
        };
    }

    private static DiscussionTarget.Subject subject(TaskManagement tasks, Actor reader, Task t) {
        return new DiscussionTarget.Subject(
                t.leadUnit(), "/tasks/" + t.id(), tasks.mayWrite(reader, t.leadUnit()) || tasks.mayApprove(reader, t));
    }
}
