package org.mandate.bottlenecks;

import java.util.Optional;
import org.mandate.discussion.DiscussionTarget;
import org.mandate.shared.Actor;
import org.springframework.stereotype.Component;

/** Bottlenecks as discussion targets: open to every signed-in reader, written by whoever may act on them. */
@Component
class BottleneckDiscussionTarget implements DiscussionTarget {

    private final BottleneckManagement bottlenecks;

    BottleneckDiscussionTarget(BottleneckManagement bottlenecks) {
        this.bottlenecks = bottlenecks;
    }

    @Override
    public String type() {
        return "bottleneck";
    }

    @Override
    public boolean isPublic(long id) {
        return bottlenecks.find(id).isPresent();
    }

    @Override
    public Optional<Subject> find(Actor reader, long id) {
        return bottlenecks
                .find(id)
                .map(b -> new Subject(b.owner(), "/bottlenecks/" + id, bottlenecks.mayAct(reader, b)));
    }
}
