package org.mandate.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TaskRulesTests {

    @Test
    void aTaskMissingClaritiesNamesEachOneWithItsFields() {
        Map<Clarity, List<String>> missing =
                Task.missing("Title", " ", "70-S01", "TW", null, null, true, false, "Result");
        assertThat(missing).containsOnlyKeys(Clarity.WORK, Clarity.PEOPLE, Clarity.RESPONSIBILITY, Clarity.TIME);
        assertThat(missing.get(Clarity.WORK)).containsExactly("description");
        assertThat(missing.get(Clarity.PEOPLE)).containsExactly("responsiblePerson");
        assertThat(missing.get(Clarity.TIME)).containsExactly("deadline");
        assertThat(Task.missing("T", "D", "G", "U", "P", "A", true, true, "R")).isEmpty();
    }

    @Test
    void overdueIsComputedOnlyForUnfinishedWork() {
        assertThat(TaskStatus.UNFINISHED)
                .containsExactlyInAnyOrder(TaskStatus.NOT_STARTED, TaskStatus.ON_TRACK, TaskStatus.AT_RISK);
        assertThat(TaskStatus.FINISHED).doesNotContain(TaskStatus.OVERDUE);
        assertThat(TaskKind.LEGAL_DOCUMENT.needsEvidence()).isTrue();
        assertThat(TaskKind.REPORT.needsEvidence()).isFalse();
    }

    @Test
    void daysOverdueCountFromTheDeadline() {
        LocalDate deadline = LocalDate.of(2026, 3, 31);
        Task overdue = sample(TaskStatus.OVERDUE, deadline, null);
        assertThat(overdue.daysOverdue(LocalDate.of(2026, 4, 10))).isEqualTo(10);
        Task late = sample(TaskStatus.DONE_LATE, deadline, LocalDate.of(2026, 4, 3));
        assertThat(late.daysLateAtCompletion()).isEqualTo(3);
        assertThat(sample(TaskStatus.ON_TRACK, deadline, null).daysOverdue(LocalDate.of(2026, 4, 10)))
                .isZero();
    }

    private static Task sample(TaskStatus status, LocalDate deadline, LocalDate completedOn) {
        return new Task(
                1,
                "t",
                "d",
                "70-nq-tw",
                "70-S01",
                "TW",
                "TW",
                List.of(),
                "p",
                "TW",
                deadline.minusDays(30),
                deadline,
                "r",
                TaskKind.OTHER,
                0,
                0,
                0,
                null,
                1,
                status,
                0,
                false,
                false,
                null,
                null,
                null,
                completedOn,
                null,
                null,
                deadline,
                "r",
                0,
                0,
                "x",
                0);
    }
}
