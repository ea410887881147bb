package org.mandate.publication;

import java.time.Clock;
import java.time.LocalDate;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The weekly (Monday) and monthly (first day) publications, at 06:00 in Vietnam's time zone by default.
 * ShedLock makes each run happen on one instance only.
 */
@Component
class PublicationSchedule {

    private static final Logger log = LoggerFactory.getLogger(PublicationSchedule.class);

    private final PublicationManagement publications;
    private final Clock clock;
    private final boolean enabled;

    PublicationSchedule(
            PublicationManagement publications,
            Clock clock,
            @Value("${mandate.publication.schedule.enabled:true}") boolean enabled) {
        this.publications = publications;
        this.clock = clock;
        this.enabled = enabled;
    }

    @Scheduled(cron = "${mandate.publication.weekly-cron:0 0 6 * * MON}", zone = "${mandate.zone:Asia/Ho_Chi_Minh}")
    @SchedulerLock(name = "publication-weekly", lockAtLeastFor = "PT1M")
    void weekly() {
        run(PublicationKind.WEEKLY);
    }

    @Scheduled(cron = "${mandate.publication.monthly-cron:0 5 6 1 * *}", zone = "${mandate.zone:Asia/Ho_Chi_Minh}")
    @SchedulerLock(name = "publication-monthly", lockAtLeastFor = "PT1M")
    void monthly() {
        run(PublicationKind.MONTHLY);
    }

    private void run(PublicationKind kind) {
        if (!enabled) {
            return;
        }
        Publication p = publications.publish(kind, LocalDate.now(clock));
        log.info("Published {} publication {} for {} (digest {})", kind, p.id(), p.period(), p.digest());
    }
}
