package org.mandate.notifications;

/** What a notification is about; each person chooses per kind how it reaches them. */
public enum NotificationKind {
    TASK_ASSIGNED,
    TASK_DUE_SOON,
    TASK_OVERDUE,
    TASK_AT_RISK,
    TASK_COMPLETED,
    REPORT_DUE,
    REPORT_LATE,
    REPORT_RETURNED,
    REPORT_WAITING,
    REPORT_APPROVED,
    BOTTLENECK_RAISED,
    BOTTLENECK_ESCALATING,
    BOTTLENECK_ESCALATED,
    BOTTLENECK_RESOLVED,
    REBASELINE_REQUESTED,
    REBASELINE_DECIDED,
    MENTION,
    EXPERT_INVITATION,
    SUPERVISION_FINDING,
    WEEKLY_DIGEST
}
