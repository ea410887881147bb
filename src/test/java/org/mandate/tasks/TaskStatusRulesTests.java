package org.mandate.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mandate.tasks.TaskStatusRules.Derived;
import org.mandate.tasks.TaskStatusRules.SubTask;

class TaskStatusRulesTests {

    static final LocalDate TODAY = LocalDate.of(2026, 6, 15);
    static final LocalDate PARENT_DEADLINE = TODAY.plusDays(60);

    static SubTask sub(TaskStatus status, int progress) {
        return new SubTask(status, progress, 1, TODAY.plusDays(30), status.isDone() ? TODAY.minusDays(1) : null);
    }

    static Derived derive(List<SubTask> subs) {
        return TaskStatusRules.fromSubTasks(TaskStatus.NOT_STARTED, PARENT_DEADLINE, subs, TODAY)
                .orElseThrow();
    }

    @Test
    void aTaskAboveZeroPercentHasStarted() {
        assertThat(TaskStatusRules.afterProgress(TaskStatus.NOT_STARTED, 49)).isEqualTo(TaskStatus.ON_TRACK);
        assertThat(TaskStatusRules.afterProgress(TaskStatus.NOT_STARTED, 0)).isEqualTo(TaskStatus.NOT_STARTED);
        assertThat(TaskStatusRules.afterProgress(TaskStatus.AT_RISK, 49)).isEqualTo(TaskStatus.AT_RISK);
        assertThat(TaskStatusRules.contradicts(TaskStatus.NOT_STARTED, 1)).isTrue();
        assertThat(TaskStatusRules.contradicts(TaskStatus.NOT_STARTED, 0)).isFalse();
        assertThat(TaskStatusRules.contradicts(TaskStatus.ON_TRACK, 0)).isFalse();
    }

    @Test
    void aParentIsNotStartedOnlyWhileNoSubTaskHasBegun() {
        Derived none = derive(List.of(sub(TaskStatus.NOT_STARTED, 0), sub(TaskStatus.NOT_STARTED, 0)));
        assertThat(none.status()).isEqualTo(TaskStatus.NOT_STARTED);
        assertThat(none.progress()).isZero();

        // The demo's case: children at 70, 30 and 40 % (53 % on average), the parent was "not started".
        Derived moving = derive(
                List.of(sub(TaskStatus.ON_TRACK, 70), sub(TaskStatus.ON_TRACK, 30), sub(TaskStatus.ON_TRACK, 59)));
        assertThat(moving.status()).isEqualTo(TaskStatus.ON_TRACK);
        assertThat(moving.progress()).isEqualTo(53);
    }

    @Test
    void progressIsWeightedAndStaysBelowAHundredUntilAllAreDone() {
        Derived weighted = derive(List.of(
                new SubTask(TaskStatus.ON_TRACK, 100, 3, TODAY.plusDays(5), null),
                new SubTask(TaskStatus.ON_TRACK, 0, 1, TODAY.plusDays(5), null)));
        assertThat(weighted.progress()).isEqualTo(75);
        Derived almost = derive(
                List.of(new SubTask(TaskStatus.DONE, 100, 200, TODAY.plusDays(5), TODAY), sub(TaskStatus.ON_TRACK, 0)));
        assertThat(almost.progress()).isEqualTo(99);
        assertThat(almost.status()).isEqualTo(TaskStatus.ON_TRACK);
    }

    @Test
    void anySubTaskAtRiskOrOverduePutsTheParentAtRisk() {
        assertThat(derive(List.of(sub(TaskStatus.ON_TRACK, 50), sub(TaskStatus.AT_RISK, 10)))
                        .status())
                .isEqualTo(TaskStatus.AT_RISK);
        SubTask overdue = new SubTask(TaskStatus.ON_TRACK, 50, 1, TODAY.minusDays(3), null);
        assertThat(derive(List.of(sub(TaskStatus.DONE, 100), overdue)).status()).isEqualTo(TaskStatus.AT_RISK);
        // Due today is not late yet.
        SubTask dueToday = new SubTask(TaskStatus.ON_TRACK, 50, 1, TODAY, null);
        assertThat(derive(List.of(dueToday)).status()).isEqualTo(TaskStatus.ON_TRACK);
    }

    @Test
    void allSubTasksDoneMakesTheParentDoneOnTheLastDayAndLateAfterItsDeadline() {
        LocalDate lastDone = TODAY.minusDays(2);
        Derived onTime = derive(List.of(
                new SubTask(TaskStatus.DONE, 100, 1, TODAY, TODAY.minusDays(9)),
                new SubTask(TaskStatus.DONE_LATE, 100, 1, TODAY.minusDays(5), lastDone),
                sub(TaskStatus.CANCELLED, 10),
                sub(TaskStatus.DRAFT, 0)));
        assertThat(onTime.status()).isEqualTo(TaskStatus.DONE);
        assertThat(onTime.progress()).isEqualTo(100);
        assertThat(onTime.completedOn()).isEqualTo(lastDone);

        Derived late = TaskStatusRules.fromSubTasks(
                        TaskStatus.ON_TRACK,
                        lastDone.minusDays(4),
                        List.of(new SubTask(TaskStatus.DONE, 100, 1, TODAY, lastDone)),
                        TODAY)
                .orElseThrow();
        assertThat(late.status()).isEqualTo(TaskStatus.DONE_LATE);
        assertThat(TaskStatusRules.daysLate(lastDone.minusDays(4), late.completedOn()))
                .isEqualTo(4);
    }

    @Test
    void draftAndCancelledParentsAndParentsWithoutCountedSubTasksKeepTheirOwnStatus() {
        List<SubTask> moving = List.of(sub(TaskStatus.ON_TRACK, 40));
        assertThat(TaskStatusRules.fromSubTasks(TaskStatus.DRAFT, PARENT_DEADLINE, moving, TODAY))
                .isEmpty();
        assertThat(TaskStatusRules.fromSubTasks(TaskStatus.CANCELLED, PARENT_DEADLINE, moving, TODAY))
                .isEmpty();
        assertThat(TaskStatusRules.fromSubTasks(
                        TaskStatus.ON_TRACK,
                        PARENT_DEADLINE,
                        List.of(sub(TaskStatus.DRAFT, 0), sub(TaskStatus.CANCELLED, 30)),
                        TODAY))
                .isEmpty();
    }

    @Test
    void daysLateCountFromTheDeadlineToTheDayItWasDone() {
        LocalDate deadline = LocalDate.of(2026, 3, 31);
        assertThat(TaskStatusRules.daysLate(deadline, LocalDate.of(2026, 4, 12)))
                .isEqualTo(12);
        assertThat(TaskStatusRules.daysLate(deadline, deadline)).isZero();
        assertThat(TaskStatusRules.daysLate(deadline, null)).isZero();
        assertThat(TaskStatusRules.daysLate(null, deadline)).isZero();
    }
}
