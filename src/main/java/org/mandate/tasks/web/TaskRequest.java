package org.mandate.tasks.web;

import java.time.LocalDate;
import java.util.List;
import org.mandate.tasks.LegalStage;
import org.mandate.tasks.TaskKind;
import org.mandate.tasks.TaskManagement.NewTask;
import org.mandate.tasks.TaskManagement.TaskChanges;
import org.mandate.tasks.TaskStatus;

/** A task as clients send it (POST and PATCH); every field may be absent. */
record TaskRequest(
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
        Long budgetPlanned,
        Long budgetAllocated,
        Long budgetDisbursed,
        Long parent,
        TaskStatus status,
        Integer weight,
        LegalStage legalStage,
        List<Long> dependsOn,
        Long version) {

    NewTask toNew() {
        return new NewTask(
                title,
                description,
                resolution,
                solutionGroup,
                leadUnit,
                coordinatingUnits,
                responsiblePerson,
                approver,
                startOn,
                deadline,
                expectedResult,
                kind,
                budgetPlanned,
                budgetAllocated,
                budgetDisbursed,
                parent,
                status,
                weight,
                legalStage,
                dependsOn);
    }

    TaskChanges toChanges() {
        return new TaskChanges(
                title,
                description,
                solutionGroup,
                leadUnit,
                coordinatingUnits,
                responsiblePerson,
                approver,
                startOn,
                deadline,
                expectedResult,
                kind,
                budgetPlanned,
                budgetAllocated,
                budgetDisbursed,
                status,
                weight,
                legalStage,
                dependsOn,
                version);
    }
}
