package org.mandate.tasks;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A task with the five clarities. {@code status} is the computed status (OVERDUE when an unfinished task's
 * deadline has passed); {@code blocked} means an open blocker (a bottleneck) or an unfinished
 * prerequisite; {@code stale} means no progress update within the reporting cycle. Budgets are the task's
 * own (not its children's); roll-ups add the subtree.
 */
public record Task(
        long id,
        String title,
        String description,
        String resolution,
        String solutionGroup,
        String leadUnit,
        String leadUnitName,
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
        LegalStage legalStage,
        String resultStatement,
        String evidenceUrl,
        LocalDate completedOn,
        LocalDate overdueSince,
        LocalDate lastUpdateOn,
        LocalDate originalDeadline,
        String originalExpectedResult,
        int rebaselineCount,
        int rebaselineDays,
        String createdBy,
        long version) {

    /**
     * The largest amount a money field (planned, allocated, disbursed budget) may hold: 10^15 VND. Sums over
     * tasks are computed as decimals, so no number of tasks at this maximum overflows a total.
     */
    public static final long MAX_MONEY = 1_000_000_000_000_000L;

    /** The clarities still missing, each with the fields that would state it. */
    public Map<Clarity, List<String>> missingClarities() {
        return missing(
                title,
                description,
                solutionGroup,
                leadUnit,
                responsiblePerson,
                approver,
                startOn != null,
                deadline != null,
                expectedResult);
    }

    static Map<Clarity, List<String>> missing(
            String title,
            String description,
            String solutionGroup,
            String leadUnit,
            String responsiblePerson,
            String approver,
            boolean hasStart,
            boolean hasDeadline,
            String expectedResult) {
        Map<Clarity, List<String>> missing = new LinkedHashMap<>();
        List<String> work = new ArrayList<>();
        if (blank(title)) {
            work.add("title");
        }
        if (blank(description)) {
            work.add("description");
        }
        if (blank(solutionGroup)) {
            work.add("solutionGroup");
        }
        put(missing, Clarity.WORK, work);
        List<String> people = new ArrayList<>();
        if (blank(leadUnit)) {
            people.add("leadUnit");
        }
        if (blank(responsiblePerson)) {
            people.add("responsiblePerson");
        }
        put(missing, Clarity.PEOPLE, people);
        put(missing, Clarity.RESPONSIBILITY, blank(approver) ? List.of("approver") : List.of());
        List<String> time = new ArrayList<>();
        if (!hasStart) {
            time.add("startOn");
        }
        if (!hasDeadline) {
            time.add("deadline");
        }
        put(missing, Clarity.TIME, time);
        put(missing, Clarity.RESULT, blank(expectedResult) ? List.of("expectedResult") : List.of());
        return missing;
    }

    private static void put(Map<Clarity, List<String>> map, Clarity c, List<String> fields) {
        if (!fields.isEmpty()) {
            map.put(c, fields);
        }
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** Days past the deadline while overdue (0 otherwise). */
    public long daysOverdue(LocalDate today) {
        if (status != TaskStatus.OVERDUE || deadline == null) {
            return 0;
        }
        return ChronoUnit.DAYS.between(deadline, today);
    }

    /** Days after the deadline that a DONE_LATE task was done ({@link TaskStatusRules#daysLate}). */
    public long daysLateAtCompletion() {
        return status == TaskStatus.DONE_LATE ? TaskStatusRules.daysLate(deadline, completedOn) : 0;
    }

    public boolean finished() {
        return TaskStatus.FINISHED.contains(status);
    }
}
