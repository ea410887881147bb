package org.mandate.notifications;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.mandate.bottlenecks.Bottleneck;
import org.mandate.bottlenecks.BottleneckManagement;
import org.mandate.reporting.Report;
import org.mandate.reporting.ReportManagement;
import org.mandate.tasks.Task;
import org.mandate.tasks.TaskManagement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The reminders nobody's action causes, every morning on one instance: reports due in two days and reports
 * gone late, tasks due in a week, bottlenecks two days from escalating. Each is told once (its key names
 * the report, the deadline or the escalation level), so a job run twice tells nobody twice.
 */
@Component
class NotificationJobs {

    private static final Logger log = LoggerFactory.getLogger(NotificationJobs.class);

    private final NotificationCenter center;
    private final People people;
    private final ReportManagement reports;
    private final TaskManagement tasks;
    private final BottleneckManagement bottlenecks;
    private final Clock clock;

    NotificationJobs(
            NotificationCenter center,
            People people,
            ReportManagement reports,
            TaskManagement tasks,
            BottleneckManagement bottlenecks,
            Clock clock) {
        this.center = center;
        this.people = people;
        this.reports = reports;
        this.tasks = tasks;
        this.bottlenecks = bottlenecks;
        this.clock = clock;
    }

    @Scheduled(cron = "${mandate.notifications.reminders-cron:0 30 6 * * *}", zone = "${mandate.zone:Asia/Ho_Chi_Minh}")
    @SchedulerLock(name = "notifications-reminders")
    void daily() {
        log.info("Reminders: {} people told", remind(LocalDate.now(clock)));
    }

    @Scheduled(cron = "${mandate.notifications.weekly-cron:0 0 7 * * MON}", zone = "${mandate.zone:Asia/Ho_Chi_Minh}")
    @SchedulerLock(name = "notifications-weekly")
    void weekly() {
        log.info("Weekly summaries: {} leaders told", weekly(LocalDate.now(clock)));
    }

    /**
     * Each leader's summary of the week before {@code monday} in their unit's subtree: tasks completed,
     * tasks newly overdue, bottlenecks raised.
     */
    @Transactional
    int weekly(LocalDate monday) {
        LocalDate from = monday.minusDays(7);
        LocalDate to = monday.minusDays(1);
        String week = "%dW%02d"
                .formatted(
                        from.get(java.time.temporal.IsoFields.WEEK_BASED_YEAR),
                        from.get(java.time.temporal.IsoFields.WEEK_OF_WEEK_BASED_YEAR));
        int told = 0;
        for (var leader : people.allLeaders()) {
            var changed = tasks.week(leader.scopeUnit(), from, to);
            long raised = bottlenecks.raisedIn(leader.scopeUnit(), from, to);
            told += center.tell(
                    java.util.Set.of(leader.username()),
                    NotificationKind.WEEKLY_DIGEST,
                    "weekly:" + week,
                    "/dashboard?orgUnit=" + leader.scopeUnit(),
                    List.of(
                            week,
                            leader.scopeUnit(),
                            String.valueOf(changed.completed()),
                            String.valueOf(changed.becameOverdue()),
                            String.valueOf(raised)));
        }
        return told;
    }

    /** Sends the day's reminders as of {@code today}; returns how many people were newly told. */
    @Transactional
    int remind(LocalDate today) {
        int told = 0;
        LocalDate dueIn2 = today.plusDays(2);
        for (Report r : reports.openDueOn(dueIn2)) {
            told += center.tell(
                    people.reporters(r.orgUnit()),
                    NotificationKind.REPORT_DUE,
                    "report-due:" + r.id(),
                    NotificationRules.reportLink(r.id()),
                    List.of(r.orgUnit(), r.period(), String.valueOf(r.dueOn())));
        }
        for (Report r : reports.lateInTheLastWeek(today)) {
            told += center.tell(
                    People.all(people.reporters(r.orgUnit()), people.leaders(r.orgUnit())),
                    NotificationKind.REPORT_LATE,
                    "report-late:" + r.id(),
                    NotificationRules.reportLink(r.id()),
                    List.of(r.orgUnit(), r.period(), String.valueOf(r.dueOn())));
        }
        for (Task t : tasks.dueOn(today.plusDays(7))) {
            told += center.tell(
                    people.staff(t.leadUnit()),
                    NotificationKind.TASK_DUE_SOON,
                    "task-due:" + t.id() + ":" + t.deadline(),
                    NotificationRules.taskLink(t.id()),
                    List.of(t.title(), String.valueOf(t.deadline())));
        }
        for (Bottleneck b : bottlenecks.escalatingBy(dueIn2)) {
            told += center.tell(
                    People.all(people.leaders(b.owner()), people.reporters(b.owner())),
                    NotificationKind.BOTTLENECK_ESCALATING,
                    "bottleneck-escalating:" + b.id() + ":" + b.escalationLevel(),
                    NotificationRules.bottleneckLink(b.id()),
                    List.of(b.title(), b.owner()));
        }
        return told;
    }
}
