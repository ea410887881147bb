package org.mandate.reporting;

import java.time.Clock;
import java.time.LocalDate;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Every night: open the period's reports and mark the missing ones late (one instance of the cluster). */
@Component
class ReportJobs {

    private final ReportManagement reports;
    private final Clock clock;

    ReportJobs(ReportManagement reports, Clock clock) {
        this.reports = reports;
        this.clock = clock;
    }

    @Scheduled(cron = "${mandate.reporting.cron:0 15 0 * * *}", zone = "${mandate.zone:Asia/Ho_Chi_Minh}")
    @SchedulerLock(name = "reporting.openAndMarkLate")
    void run() {
        reports.openAndMarkLate(LocalDate.now(clock));
    }
}
