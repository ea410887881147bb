package org.mandate.demo;

import java.time.Clock;
import java.time.LocalDate;
import org.mandate.publication.PublicationKind;
import org.mandate.publication.PublicationManagement;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The first publications of the demo, made once after all sample data is loaded, so that the public
 * dashboard and its changes page have something to show from the first start; the weekly and monthly jobs
 * publish after that.
 */
@Component
@Profile("demo")
@Order(500)
class DemoPublication implements ApplicationRunner {

    private final PublicationManagement publications;
    private final DemoTasks tasks;
    private final Clock clock;

    DemoPublication(PublicationManagement publications, DemoTasks tasks, Clock clock) {
        this.publications = publications;
        this.tasks = tasks;
        this.clock = clock;
    }

    /** Last week's publication, this week's sample progress, then this week's: the changes page compares them. */
    @Override
    public void run(ApplicationArguments args) {
        if (publications.latest().isEmpty()) {
            LocalDate today = LocalDate.now(clock);
            publications.publish(PublicationKind.WEEKLY, today.minusWeeks(1));
            tasks.moveThisWeek();
            publications.publish(PublicationKind.WEEKLY, today);
        }
    }
}
