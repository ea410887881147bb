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
 * The first publication of the demo, made once after all sample data is loaded, so that the public
 * dashboard has something to show from the first start; the weekly and monthly jobs publish after that.
 */
@Component
@Profile("demo")
@Order(500)
class DemoPublication implements ApplicationRunner {

    private final PublicationManagement publications;
    private final Clock clock;

    DemoPublication(PublicationManagement publications, Clock clock) {
        this.publications = publications;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (publications.latest().isEmpty()) {
            publications.publish(PublicationKind.WEEKLY, LocalDate.now(clock));
        }
    }
}
