package org.mandate.notifications;

import java.util.List;
import java.util.Set;
import org.mandate.bottlenecks.Bottleneck;
import org.mandate.bottlenecks.BottleneckEvents.BottleneckEscalated;
import org.mandate.bottlenecks.BottleneckEvents.BottleneckRaised;
import org.mandate.bottlenecks.BottleneckEvents.BottleneckResolved;
import org.mandate.bottlenecks.BottleneckManagement;
import org.mandate.discussion.DiscussionEvents.CommentPosted;
import org.mandate.reporting.ReportApproved;
import org.mandate.reporting.ReportReturned;
import org.mandate.reporting.ReportSubmitted;
import org.mandate.tasks.Task;
import org.mandate.tasks.TaskEvents.RebaselineDecided;
import org.mandate.tasks.TaskEvents.RebaselineRequested;
import org.mandate.tasks.TaskEvents.TaskBecameOverdue;
import org.mandate.tasks.TaskEvents.TaskCompleted;
import org.mandate.tasks.TaskEvents.TaskCreated;
import org.mandate.tasks.TaskManagement;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Who is told what, as things happen. Each listener runs in the transaction of the change (the inbox line
 * is written with it, or not at all) and names a key that makes the same news arrive once.
 */
@Component
class NotificationRules {

    private final NotificationCenter center;
    private final People people;
    private final TaskManagement tasks;
    private final BottleneckManagement bottlenecks;

    NotificationRules(
            NotificationCenter center, People people, TaskManagement tasks, BottleneckManagement bottlenecks) {
        this.center = center;
        this.people = people;
        this.tasks = tasks;
        this.bottlenecks = bottlenecks;
    }

    @EventListener
    void on(TaskCreated e) {
        Task t = tasks.get(e.taskId());
        center.tell(
                people.staff(e.leadUnit()),
                NotificationKind.TASK_ASSIGNED,
                "task-assigned:" + e.taskId(),
                taskLink(e.taskId()),
                List.of(t.title(), e.leadUnit()));
    }

    /** The lead unit's reporters and leaders, and the approver's leaders. */
    @EventListener
    void on(TaskBecameOverdue e) {
        Task t = tasks.get(e.taskId());
        center.tell(
                People.all(people.staff(e.leadUnit()), t.approver() == null ? Set.of() : people.leaders(t.approver())),
                NotificationKind.TASK_OVERDUE,
                "task-overdue:" + e.taskId() + ":" + e.deadline(),
                taskLink(e.taskId()),
                List.of(t.title(), String.valueOf(e.deadline())));
    }

    /** A lead unit says its task is at risk: the approver's leaders hear it at once, not at the deadline. */
    @EventListener
    void on(org.mandate.tasks.TaskEvents.TaskProgressReported e) {
        if (e.status() != org.mandate.tasks.TaskStatus.AT_RISK) {
            return;
        }
        Task t = tasks.get(e.taskId());
        if (t.approver() == null) {
            return;
        }
        center.tell(
                people.leaders(t.approver()),
                NotificationKind.TASK_AT_RISK,
                "task-at-risk:" + e.taskId() + ":" + e.reportedOn(),
                taskLink(e.taskId()),
                List.of(t.title(), String.valueOf(e.progress())));
    }

    @EventListener
    void on(TaskCompleted e) {
        Task t = tasks.get(e.taskId());
        if (t.approver() == null) {
            return;
        }
        center.tell(
                people.leaders(t.approver()),
                NotificationKind.TASK_COMPLETED,
                "task-completed:" + e.taskId(),
                taskLink(e.taskId()),
                List.of(t.title(), String.valueOf(e.completedOn())));
    }

    @EventListener
    void on(RebaselineRequested e) {
        Task t = tasks.get(e.taskId());
        center.tell(
                e.approver() == null ? Set.of() : people.leaders(e.approver()),
                NotificationKind.REBASELINE_REQUESTED,
                "rebaseline-requested:" + e.requestId(),
                taskLink(e.taskId()) + "#rebaselines",
                List.of(t.title(), e.requestedBy(), e.reason()));
    }

    @EventListener
    void on(RebaselineDecided e) {
        Task t = tasks.get(e.taskId());
        center.tell(
                Set.of(e.requestedBy()),
                NotificationKind.REBASELINE_DECIDED,
                "notification.REBASELINE_DECIDED." + (e.approved() ? "approved" : "rejected") + ".title",
                "rebaseline-decided:" + e.requestId(),
                taskLink(e.taskId()) + "#rebaselines",
                List.of(t.title(), e.decidedBy()));
    }

    @EventListener
    void on(ReportSubmitted e) {
        center.tell(
                people.leadersAbove(e.orgUnit()),
                NotificationKind.REPORT_WAITING,
                "report-waiting:" + e.reportId() + ":" + e.at().toEpochMilli(),
                reportLink(e.reportId()),
                List.of(e.orgUnit(), e.period()));
    }

    @EventListener
    void on(ReportReturned e) {
        center.tell(
                people.reporters(e.orgUnit()),
                NotificationKind.REPORT_RETURNED,
                "report-returned:" + e.reportId() + ":" + e.at().toEpochMilli(),
                reportLink(e.reportId()),
                List.of(e.orgUnit(), e.period(), e.reason()));
    }

    @EventListener
    void on(ReportApproved e) {
        center.tell(
                people.reporters(e.orgUnit()),
                NotificationKind.REPORT_APPROVED,
                "report-approved:" + e.reportId(),
                reportLink(e.reportId()),
                List.of(e.orgUnit(), e.period()));
    }

    /** The people of every unit whose tasks it blocks, and the owner's leaders. */
    @EventListener
    void on(BottleneckRaised e) {
        Bottleneck b = bottlenecks.get(e.bottleneckId());
        Set<String> told = People.all(people.leaders(e.owner()));
        for (Long taskId : e.blockedTasks()) {
            tasks.find(taskId).ifPresent(t -> told.addAll(people.staff(t.leadUnit())));
        }
        center.tell(
                told,
                NotificationKind.BOTTLENECK_RAISED,
                "bottleneck-raised:" + e.bottleneckId(),
                bottleneckLink(e.bottleneckId()),
                List.of(b.title(), e.raisedBy(), e.owner()));
    }

    @EventListener
    void on(BottleneckEscalated e) {
        Bottleneck b = bottlenecks.get(e.bottleneckId());
        center.tell(
                people.leaders(e.toOwner()),
                NotificationKind.BOTTLENECK_ESCALATED,
                "bottleneck-escalated:" + e.bottleneckId() + ":" + e.escalationLevel(),
                bottleneckLink(e.bottleneckId()),
                List.of(b.title(), e.fromOwner(), e.toOwner()));
    }

    @EventListener
    void on(BottleneckResolved e) {
        Bottleneck b = bottlenecks.get(e.bottleneckId());
        center.tell(
                people.staff(b.raisedBy()),
                NotificationKind.BOTTLENECK_RESOLVED,
                "bottleneck-resolved:" + e.bottleneckId(),
                bottleneckLink(e.bottleneckId()),
                List.of(b.title(), e.owner()));
    }

    /** The people of each unit named with @CODE, the author aside. */
    @EventListener
    void on(CommentPosted e) {
        for (String unit : e.mentionedUnits()) {
            Set<String> told = people.staff(unit);
            told.remove(e.author());
            center.tell(
                    told,
                    NotificationKind.MENTION,
                    "mention:" + e.commentId() + ":" + unit,
                    e.link() + "#comment-" + e.commentId(),
                    List.of(e.author(), unit, e.target()));
        }
    }

    @EventListener
    void on(org.mandate.reviews.ReviewEvents.ExpertInvited e) {
        center.tell(
                Set.of(e.expert()),
                NotificationKind.EXPERT_INVITATION,
                "expert-invited:" + e.appraisalId(),
                "/reviews/appraisals/" + e.appraisalId(),
                List.of(e.target(), String.valueOf(e.dueOn())));
    }

    /** The leaders of each supervised unit, who answer the findings. */
    @EventListener
    void on(org.mandate.reviews.ReviewEvents.SupervisionConcluded e) {
        for (String unit : e.units()) {
            center.tell(
                    people.leaders(unit),
                    NotificationKind.SUPERVISION_FINDING,
                    "supervision-finding:" + e.supervisionId() + ":" + unit,
                    "/reviews/supervision/" + e.supervisionId(),
                    List.of(e.subject(), unit));
        }
    }

    static String taskLink(long id) {
        return "/tasks/" + id;
    }

    static String reportLink(long id) {
        return "/reports/" + id;
    }

    static String bottleneckLink(long id) {
        return "/bottlenecks/" + id;
    }
}
