package org.mandate.tasks.web;

import java.time.LocalDate;
import java.util.List;
import org.mandate.tasks.Clarity;
import org.mandate.tasks.LegalStage;
import org.mandate.tasks.Task;
import org.mandate.tasks.TaskKind;
import org.mandate.tasks.TaskStatus;

/** A task as the API shows it: the fields of shared/API.md plus the derived facts. */
record TaskJson(
        long id,
        String title,
        String description,
        String resolution,
        String solutionGroup,
        String leadUnit,
        List<String> coordinatingUnits,
        String responsiblePerson,
        String approver,
        LocalDate startOn,
        LocalDate deadline,
        String expectedResult,
        TaskKind kind,
        long budgetPlanned,
        long budgetAllocated,
        long budgetDisbursed,
        Long parent,
        int weight,
        TaskStatus status,
        int progress,
        boolean blocked,
        boolean stale,
        List<Clarity> missingClarities,
        LegalStage legalStage,
        String resultStatement,
        String evidenceUrl,
        LocalDate completedOn,
        LocalDate overdueSince,
        long daysOverdue,
        long daysLate,
        LocalDate lastUpdateOn,
        LocalDate originalDeadline,
        String originalExpectedResult,
        int rebaselineCount,
        int rebaselineDays,
        long version) {

    static TaskJson of(Task t, LocalDate today) {
        return new TaskJson(
                t.id(),
                t.title(),
                t.description(),
                t.resolution(),
                t.solutionGroup(),
                t.leadUnit(),
                t.coordinatingUnits(),
                t.responsiblePerson(),
                t.approver(),
                t.startOn(),
                t.deadline(),
                t.expectedResult(),
                t.kind(),
                t.budgetPlanned(),
                t.budgetAllocated(),
                t.budgetDisbursed(),
                t.parent(),
                t.weight(),
                t.status(),
                t.progress(),
                t.blocked(),
                t.stale(),
                List.copyOf(t.missingClarities().keySet()),
                t.legalStage(),
                t.resultStatement(),
                t.evidenceUrl(),
                t.completedOn(),
                t.overdueSince(),
                t.daysOverdue(today),
                t.daysLateAtCompletion(),
                t.lastUpdateOn(),
                t.originalDeadline(),
                t.originalExpectedResult(),
                t.rebaselineCount(),
                t.rebaselineDays(),
                t.version());
    }
}
