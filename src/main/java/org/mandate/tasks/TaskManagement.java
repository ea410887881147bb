package org.mandate.tasks;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.mandate.orgunits.OrgUnit;
import org.mandate.orgunits.OrgUnitManagement;
import org.mandate.resolutions.ResolutionManagement;
import org.mandate.shared.Actor;
import org.mandate.shared.AuditedChange;
import org.mandate.shared.Checks;
import org.mandate.shared.ConflictException;
import org.mandate.shared.ForbiddenException;
import org.mandate.shared.InvalidInputException;
import org.mandate.shared.NotFoundException;
import org.mandate.shared.PageResult;
import org.mandate.shared.Paging;
import org.mandate.shared.ProblemException.FieldProblem;
import org.mandate.shared.ReadScope;
import org.mandate.shared.Role;
import org.mandate.tasks.TaskEvents.RebaselineDecided;
import org.mandate.tasks.TaskEvents.RebaselineRequested;
import org.mandate.tasks.TaskEvents.TaskBecameOverdue;
import org.mandate.tasks.TaskEvents.TaskCompleted;
import org.mandate.tasks.TaskEvents.TaskCreated;
import org.mandate.tasks.TaskEvents.TaskProgressReported;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The entry point of the tasks module: creates, splits, edits and reports on tasks with their rules (five
 * clarities before leaving draft, computed overdue, done needs a stated result, re-baselining needs the
 * approver's consent), and answers the counts and lists other modules need.
 */
@Service
public class TaskManagement {

    private static final Logger log = LoggerFactory.getLogger(TaskManagement.class);
    static final Pattern URL = Pattern.compile("https?://\\S{1,990}");

    private final Tasks tasks;
    private final OrgUnitManagement orgUnits;
    private final ResolutionManagement resolutions;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final int staleDays;
    private final TaskCountsCache countsCache;

    TaskManagement(
            Tasks tasks,
            OrgUnitManagement orgUnits,
            ResolutionManagement resolutions,
            ApplicationEventPublisher events,
            Clock clock,
            @Value("${mandate.tasks.stale-days:30}") int staleDays,
            TaskCountsCache countsCache) {
        this.countsCache = countsCache;
        this.tasks = tasks;
        this.orgUnits = orgUnits;
        this.resolutions = resolutions;
        this.events = events;
        this.clock = clock;
        this.staleDays = staleDays;
    }

    /** What a new task states; all fields may be missing in a draft except title, resolution and lead unit. */
    public record NewTask(
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
            List<Long> dependsOn) {}

    /** A partial change; null keeps the current value. Deadline and expected result change by re-baseline. */
    public record TaskChanges(
            String title,
            String description,
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
            TaskStatus status,
            Integer weight,
            LegalStage legalStage,
            List<Long> dependsOn,
            Long version) {}

    public record ProgressReport(Integer progress, TaskStatus status, String note, String evidenceUrl, Long version) {}

    public record RebaselineRequest(LocalDate deadline, String expectedResult, String reason) {}

    /** List filters; null means any. {@code orgUnit} is a subtree. */
    public record TaskFilter(
            String resolution,
            String solutionGroup,
            String orgUnit,
            TaskStatus status,
            Boolean overdue,
            LocalDate dueBefore,
            TaskKind kind,
            Long parent) {
        public static TaskFilter all() {
            return new TaskFilter(null, null, null, null, null, null, null, null);
        }
    }

    /** Non-draft counts for a resolution and/or subtree, with budget sums (VND). */
    public record TaskCounts(
            Map<TaskStatus, Long> byStatus,
            long total,
            double percentDone,
            double averageProgress,
            long overdue,
            BigDecimal budgetPlanned,
            BigDecimal budgetAllocated,
            BigDecimal budgetDisbursed) {}

    /** A task as the public sees it. */
    public record PublicTaskRow(
            long id,
            String title,
            String resolution,
            String solutionGroup,
            String leadUnit,
            String responsiblePerson,
            LocalDate deadline,
            TaskStatus status,
            int progress,
            boolean blocked,
            TaskKind kind,
            String expectedResult,
            LocalDate completedOn,
            long daysLate,
            Long parent,
            LocalDate startOn,
            long budgetPlanned,
            long budgetAllocated,
            long budgetDisbursed,
            LocalDate originalDeadline,
            String originalExpectedResult,
            int rebaselineCount,
            int rebaselineDays) {}

    /**
     * Per-unit scorecard inputs over a date range (tasks led in the unit's subtree). The rates are percentages
     * (0–100); {@code overdueInRange} counts the unfinished tasks due in the range whose deadline has passed.
     */
    public record TaskScorecardInputs(
            String orgUnit,
            LocalDate from,
            LocalDate to,
            long dueInRange,
            long doneOnTime,
            long doneLate,
            long overdue,
            long totalDaysLate,
            double onTimeRate,
            long budgetAllocated,
            long budgetDisbursed,
            double disbursementRate,
            long rebaselined,
            long overdueInRange) {}

    /** For each blocker reference: how many tasks it blocks and the money they still have to spend. */
    public record BlockSummary(long tasks, long money) {}

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    LocalDate staleBefore(LocalDate today) {
        return today.minusDays(staleDays);
    }

    public int staleDays() {
        return staleDays;
    }

    // ---------------------------------------------------------------- reads

    public Optional<Task> find(long id) {
        LocalDate today = today();
        return tasks.find(id, today, staleBefore(today));
    }

    public Task get(long id) {
        return find(id).orElseThrow(() -> new NotFoundException("task", id));
    }

    public PageResult<Task> list(TaskFilter filter, Paging paging) {
        return list(filter, paging, false);
    }

    PageResult<Task> list(TaskFilter filter, Paging paging, boolean excludeDrafts) {
        LocalDate today = today();
        Tasks.Filter f = toFilter(qualified(filter), excludeDrafts);
        return new PageResult<>(
                tasks.page(f, today, staleBefore(today), paging.offset(), paging.size()),
                paging.page(),
                paging.size(),
                tasks.count(f, today));
    }

    // ---------------------------------------------------------------- reads as a reader may see them

    /**
     * True when the reader may see the task: a task out of draft is published work and visible to every
     * signed-in reader; a draft only within the reader's scope ({@link ReadScope}).
     */
    /** What changed in a unit's subtree between two days: tasks completed and tasks that became overdue. */
    public record WeekInUnit(long completed, long becameOverdue) {}

    public WeekInUnit week(String orgUnit, LocalDate from, LocalDate to) {
        long[] v = tasks.week(orgUnit, from, to);
        return new WeekInUnit(v[0], v[1]);
    }

    /** Unfinished tasks due on this day, for reminders (at most 10,000 a day). */
    public List<Task> dueOn(LocalDate day) {
        LocalDate today = today();
        return tasks.dueOn(day, today, today.minusDays(staleDays), 10_000);
    }

    public boolean mayRead(Actor reader, Task t) {
        if (t.status() != TaskStatus.DRAFT) {
            return true;
        }
        ReadScope scope = ReadScope.of(reader);
        return scope.everything() || (scope.subtree() != null && orgUnits.isWithin(t.leadUnit(), scope.subtree()));
    }

    /** The task if the reader may see it (a draft of another unit is as absent as an unknown id). */
    public Optional<Task> find(Actor reader, long id) {
        return find(id).filter(t -> mayRead(reader, t));
    }

    /** Like {@link #find(Actor, long)}, 404 when absent or not visible to the reader. */
    public Task get(Actor reader, long id) {
        return find(reader, id).orElseThrow(() -> new NotFoundException("task", id));
    }

    /** The tasks the reader may see that pass the filter. */
    public PageResult<Task> list(Actor reader, TaskFilter filter, Paging paging) {
        LocalDate today = today();
        Tasks.Filter f = toFilter(qualified(filter), false).readBy(ReadScope.of(reader));
        return new PageResult<>(
                tasks.page(f, today, staleBefore(today), paging.offset(), paging.size()),
                paging.page(),
                paging.size(),
                tasks.count(f, today));
    }

    /** Like {@link #forEach(TaskFilter, int, java.util.function.Consumer)}, the tasks the reader may see. */
    public void forEach(Actor reader, TaskFilter filter, int limit, java.util.function.Consumer<Task> each) {
        LocalDate today = today();
        tasks.forEach(
                toFilter(qualified(filter), false).readBy(ReadScope.of(reader)),
                today,
                staleBefore(today),
                limit,
                each);
    }

    /** The sub-tasks the reader may see. */
    public List<Task> children(Actor reader, long id) {
        return list(reader, new TaskFilter(null, null, null, null, null, null, null, id), Paging.of(0, Paging.MAX_SIZE))
                .items();
    }

    /**
     * The first {@code limit} tasks that pass the filter, row by row in id order, from one statement however
     * many there are (pages of OFFSET would read the list again for every page).
     */
    public void forEach(TaskFilter filter, int limit, java.util.function.Consumer<Task> each) {
        LocalDate today = today();
        tasks.forEach(toFilter(qualified(filter), false), today, staleBefore(today), limit, each);
    }

    /**
     * A solution-group filter names its resolution: {@code resolution=70-nq-tw&solutionGroup=G1}, or
     * {@code solutionGroup=70-nq-tw/G1}. A bare code is read as the group of the one resolution that has it;
     * when several have it the filter is refused (400) rather than mixing their tasks.
     */
    TaskFilter qualified(TaskFilter f) {
        String group = blankToNull(f.solutionGroup());
        if (group == null) {
            return f;
        }
        String resolution = blankToNull(f.resolution());
        int slash = group.indexOf('/');
        if (slash > 0) {
            String slug = group.substring(0, slash);
            if (resolution != null && !resolution.equals(slug)) {
                throw new InvalidInputException("solutionGroup", "error.tasks.groupResolution", resolution);
            }
            resolution = slug;
            group = group.substring(slash + 1);
        } else if (resolution == null) {
            List<String> owners = resolutions.resolutionsOfSolutionGroup(group);
            if (owners.size() > 1) {
                throw new InvalidInputException(
                        "solutionGroup", "error.tasks.groupAmbiguous", group, String.join(", ", owners));
            }
            resolution = owners.isEmpty() ? null : owners.get(0);
        }
        return new TaskFilter(
                resolution, group, f.orgUnit(), f.status(), f.overdue(), f.dueBefore(), f.kind(), f.parent());
    }

    static Tasks.Filter toFilter(TaskFilter f, boolean excludeDrafts) {
        return new Tasks.Filter(
                blankToNull(f.resolution()),
                blankToNull(f.solutionGroup()),
                blankToNull(f.orgUnit()),
                f.status(),
                Boolean.TRUE.equals(f.overdue()),
                f.dueBefore(),
                f.kind(),
                f.parent(),
                excludeDrafts,
                false);
    }

    /** The SQL of the task list for a filter, with named parameters (used by EXPLAIN checks). */
    public static String listSql(TaskFilter filter) {
        return Tasks.listSql(toFilter(filter, true));
    }

    /** The SQL of the task count for a filter (used by EXPLAIN checks). */
    public static String countSql(TaskFilter filter) {
        return Tasks.countSql(toFilter(filter, true));
    }

    public List<Task> children(long id) {
        return list(new TaskFilter(null, null, null, null, null, null, null, id), Paging.of(0, Paging.MAX_SIZE))
                .items();
    }

    public List<Task> prerequisites(long id) {
        return tasks.prerequisites(id).stream().map(this::get).toList();
    }

    public List<Task> dependents(long id) {
        return tasks.dependents(id).stream().map(this::get).toList();
    }

    /** The progress updates a unit posted on the tasks it leads between two days: a report's task section. */
    public List<TaskUpdate> updatesOfUnit(String orgUnit, LocalDate from, LocalDate to) {
        return tasks.updatesOfUnit(orgUnit, from, to);
    }

    public List<TaskUpdate> updates(long id) {
        get(id);
        return tasks.updates(id);
    }

    public List<Rebaseline> rebaselines(long id) {
        return tasks.rebaselines(id);
    }

    public List<TaskBlocker> blockers(long id) {
        return tasks.activeBlockers(id);
    }

    /** Own plus descendants' budgets: planned, allocated, disbursed. */
    public BigDecimal[] rolledUpBudget(long id) {
        return tasks.subtreeBudget(id);
    }

    /** True when the actor may change tasks led by this unit. */
    public boolean mayWrite(Actor actor, String leadUnit) {
        return actor.isAdmin()
                || (actor.is(Role.STEERING, Role.LEADER, Role.REPORTER) && orgUnits.covers(actor, leadUnit));
    }

    /** True when the actor may approve a re-baseline of this task. */
    public boolean mayApprove(Actor actor, Task task) {
        if (actor.is(Role.ADMIN, Role.STEERING)) {
            return true;
        }
        return actor.is(Role.LEADER) && task.approver() != null && orgUnits.covers(actor, task.approver());
    }

    // ---------------------------------------------------------------- writes

    @Transactional
    public Task create(Actor actor, NewTask command) {
        Validated v = validateNew(command, "");
        Checks.throwIfAny(v.problems());
        authorizeNew(actor, command, v);
        return insert(actor, v);
    }

    /**
     * Imports rows as new tasks, all or none. Problems name the row (1 = header, data from 2) and the
     * column: {@code row 3: deadline}.
     */
    @Transactional
    public List<Task> importTasks(Actor actor, List<NewTask> rows) {
        List<FieldProblem> problems = new ArrayList<>();
        List<Validated> validated = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Validated v = validateNew(rows.get(i), "row " + (i + 2) + ": ");
            problems.addAll(v.problems());
            validated.add(v);
        }
        if (rows.isEmpty()) {
            problems.add(new FieldProblem("file", "error.tasks.import.empty"));
        }
        Checks.throwIfAny(problems);
        for (int i = 0; i < rows.size(); i++) {
            authorizeNew(actor, rows.get(i), validated.get(i));
        }
        List<Task> created = new ArrayList<>();
        for (Validated v : validated) {
            created.add(insert(actor, v));
        }
        return created;
    }

    private void authorizeNew(Actor actor, NewTask command, Validated v) {
        orgUnits.requireWrite(actor, v.leadUnit().code(), Role.STEERING, Role.LEADER, Role.REPORTER);
        if (v.parent() != null) {
            orgUnits.requireWrite(actor, v.parent().leadUnit(), Role.STEERING, Role.LEADER, Role.REPORTER);
        }
        requireReferencesInScope(
                actor,
                command.coordinatingUnits() == null ? List.of() : command.coordinatingUnits(),
                command.dependsOn() == null ? List.of() : command.dependsOn());
        requireApproverAllowed(
                actor,
                v.leadUnit().code(),
                v.approver() == null ? null : v.approver().code());
    }

    /**
     * The approver consents to moving the deadline, so it must be a unit above the lead unit or one the
     * actor may write for: a reporter cannot name a unit elsewhere in the country as its approver.
     */
    private void requireApproverAllowed(Actor actor, String leadUnit, String approver) {
        if (approver == null || orgUnits.isWithin(leadUnit, approver)) {
            return;
        }
        orgUnits.requireWrite(actor, approver, Role.STEERING, Role.LEADER, Role.REPORTER);
    }

    /**
     * Every unit and task a write links to must lie in the actor's scope, not only the task itself: a
     * coordinating unit is given work, and a dependency shows on the other task. Only what changes is
     * checked, so that editing a task keeps the links steering made outside the editor's scope.
     */
    private void requireReferencesInScope(Actor actor, Collection<String> unitCodes, Collection<Long> taskIds) {
        for (String code : unitCodes) {
            orgUnits.requireWrite(actor, code, Role.STEERING, Role.LEADER, Role.REPORTER);
        }
        for (String lead : tasks.leadUnitsOf(
                        taskIds.stream().filter(Objects::nonNull).distinct().toList())
                .values()) {
            orgUnits.requireWrite(actor, lead, Role.STEERING, Role.LEADER, Role.REPORTER);
        }
    }

    private static <T> Set<T> changed(Collection<T> before, Collection<T> after) {
        Set<T> out = new HashSet<>(after);
        out.removeAll(before);
        Set<T> removed = new HashSet<>(before);
        removed.removeAll(after);
        out.addAll(removed);
        return out;
    }

    private Task insert(Actor actor, Validated v) {
        LocalDate today = today();
        NewTask c = v.command();
        String path = v.parent() == null ? "/" : tasks.pathOf(v.parent().id());
        long id = tasks.insert(
                new Tasks.Row(
                        c.title().strip(),
                        c.description(),
                        v.resolution(),
                        v.solutionGroup(),
                        v.leadUnit().id(),
                        c.responsiblePerson(),
                        v.approver() == null ? null : v.approver().id(),
                        c.startOn(),
                        c.deadline(),
                        c.expectedResult(),
                        v.kind(),
                        nz(c.budgetPlanned()),
                        nz(c.budgetAllocated()),
                        nz(c.budgetDisbursed()),
                        v.parent() == null ? null : v.parent().id(),
                        c.weight() == null ? 1 : c.weight(),
                        v.status(),
                        c.legalStage() != null
                                ? c.legalStage()
                                : (v.kind() == TaskKind.LEGAL_DOCUMENT ? LegalStage.DRAFTING : null)),
                path,
                today,
                actor.username());
        tasks.setCoordinatingUnits(id, v.coordinatingUnitIds());
        if (c.dependsOn() != null && !c.dependsOn().isEmpty()) {
            tasks.setDependencies(id, c.dependsOn());
        }
        if (v.parent() != null) {
            rollUp(v.parent().id());
        }
        Task created = get(id);
        events.publishEvent(AuditedChange.created("task", id, created));
        events.publishEvent(
                new TaskCreated(id, created.leadUnit(), created.resolution(), created.parent(), v.status()));
        return created;
    }

    record Validated(
            NewTask command,
            List<FieldProblem> problems,
            String resolution,
            String solutionGroup,
            OrgUnit leadUnit,
            OrgUnit approver,
            List<Long> coordinatingUnitIds,
            Task parent,
            TaskKind kind,
            TaskStatus status) {}

    private Validated validateNew(NewTask c, String prefix) {
        List<FieldProblem> problems = new ArrayList<>();
        Task parent = null;
        if (c.parent() != null) {
            parent = find(c.parent()).orElse(null);
            if (parent == null) {
                problems.add(new FieldProblem(prefix + "parent", "error.unknown", c.parent()));
            } else if (parent.finished()) {
                problems.add(new FieldProblem(prefix + "parent", "error.tasks.parentFinished", parent.status()));
            }
        }
        String resolution = c.resolution() != null ? c.resolution() : (parent == null ? null : parent.resolution());
        String group = c.solutionGroup() != null ? c.solutionGroup() : (parent == null ? null : parent.solutionGroup());
        if (Task.blank(c.title())) {
            problems.add(new FieldProblem(prefix + "title", "error.required"));
        }
        if (Task.blank(resolution)) {
            problems.add(new FieldProblem(prefix + "resolution", "error.required"));
        } else if (resolutions.find(resolution).isEmpty()) {
            problems.add(new FieldProblem(prefix + "resolution", "error.unknown", resolution));
        } else if (parent != null && !parent.resolution().equals(resolution)) {
            problems.add(new FieldProblem(prefix + "resolution", "error.tasks.parentResolution", parent.resolution()));
        }
        if (!Task.blank(group)) {
            groupProblem(resolution, group)
                    .ifPresent(k -> problems.add(new FieldProblem(
                            prefix + "solutionGroup", k, k.equals("error.unknown") ? group : resolution)));
        }
        OrgUnit lead = null;
        if (Task.blank(c.leadUnit())) {
            problems.add(new FieldProblem(prefix + "leadUnit", "error.required"));
        } else {
            lead = orgUnits.find(c.leadUnit()).orElse(null);
            if (lead == null) {
                problems.add(new FieldProblem(prefix + "leadUnit", "error.unknown", c.leadUnit()));
            }
        }
        OrgUnit approver = null;
        if (!Task.blank(c.approver())) {
            approver = orgUnits.find(c.approver()).orElse(null);
            if (approver == null) {
                problems.add(new FieldProblem(prefix + "approver", "error.unknown", c.approver()));
            }
        }
        List<Long> coordinating = new ArrayList<>();
        if (c.coordinatingUnits() != null) {
            for (String code : c.coordinatingUnits()) {
                Optional<OrgUnit> u = orgUnits.find(code);
                if (u.isEmpty()) {
                    problems.add(new FieldProblem(prefix + "coordinatingUnits", "error.unknown", code));
                } else if (!coordinating.contains(u.get().id())) {
                    coordinating.add(u.get().id());
                }
            }
        }
        checkCommon(
                problems,
                prefix,
                c.title(),
                c.description(),
                c.responsiblePerson(),
                c.expectedResult(),
                c.startOn(),
                c.deadline(),
                c.budgetPlanned(),
                c.budgetAllocated(),
                c.budgetDisbursed(),
                c.weight());
        if (c.dependsOn() != null) {
            for (Long d : c.dependsOn()) {
                if (d == null || !tasks.exists(d)) {
                    problems.add(new FieldProblem(prefix + "dependsOn", "error.unknown", d));
                }
            }
        }
        TaskKind kind = c.kind() == null ? TaskKind.OTHER : c.kind();
        TaskStatus status = c.status();
        Map<Clarity, List<String>> missing = Task.missing(
                c.title(),
                c.description(),
                group,
                c.leadUnit(),
                c.responsiblePerson(),
                c.approver(),
                c.startOn() != null,
                c.deadline() != null,
                c.expectedResult());
        if (status == null) {
            status = missing.isEmpty() ? TaskStatus.NOT_STARTED : TaskStatus.DRAFT;
        } else if (status == TaskStatus.OVERDUE) {
            problems.add(new FieldProblem(prefix + "status", "error.tasks.statusComputed"));
        } else if (TaskStatus.FINISHED.contains(status)) {
            problems.add(new FieldProblem(prefix + "status", "error.tasks.statusNotOnCreate", status));
        } else if (status != TaskStatus.DRAFT) {
            clarityProblems(problems, prefix, missing);
        }
        return new Validated(
                c,
                problems,
                resolution,
                Task.blank(group) ? null : group,
                lead,
                approver,
                coordinating,
                parent,
                kind,
                status);
    }

    /** What is wrong with naming this group under the resolution (codes are unique within a resolution). */
    private Optional<String> groupProblem(String resolution, String group) {
        List<String> owners = resolutions.resolutionsOfSolutionGroup(group);
        if (owners.isEmpty()) {
            return Optional.of("error.unknown");
        }
        if (resolution != null && !owners.contains(resolution)) {
            return Optional.of("error.tasks.groupResolution");
        }
        return Optional.empty();
    }

    private static void clarityProblems(
            List<FieldProblem> problems, String prefix, Map<Clarity, List<String>> missing) {
        missing.forEach((clarity, fields) -> fields.forEach(
                f -> problems.add(new FieldProblem(prefix + f, "error.tasks.clarityMissing", clarity.name()))));
    }

    private static void checkCommon(
            List<FieldProblem> problems,
            String prefix,
            String title,
            String description,
            String person,
            String expected,
            LocalDate startOn,
            LocalDate deadline,
            Long planned,
            Long allocated,
            Long disbursed,
            Integer weight) {
        Checks.maxLength(problems, prefix + "title", title, 500);
        Checks.maxLength(problems, prefix + "description", description, 4000);
        Checks.maxLength(problems, prefix + "responsiblePerson", person, 200);
        Checks.maxLength(problems, prefix + "expectedResult", expected, 1000);
        if (startOn != null && deadline != null && deadline.isBefore(startOn)) {
            problems.add(new FieldProblem(prefix + "deadline", "error.tasks.deadlineBeforeStart"));
        }
        for (var e : Map.of(
                        "budgetPlanned",
                        planned == null ? 0L : planned,
                        "budgetAllocated",
                        allocated == null ? 0L : allocated,
                        "budgetDisbursed",
                        disbursed == null ? 0L : disbursed)
                .entrySet()) {
            if (e.getValue() < 0) {
                problems.add(new FieldProblem(prefix + e.getKey(), "error.tasks.negative"));
            } else if (e.getValue() > Task.MAX_MONEY) {
                problems.add(new FieldProblem(prefix + e.getKey(), "error.tasks.moneyMax", Task.MAX_MONEY));
            }
        }
        if (weight != null && (weight < 1 || weight > 1000)) {
            problems.add(new FieldProblem(prefix + "weight", "error.tasks.weight"));
        }
    }

    @Transactional
    public Task update(Actor actor, long id, TaskChanges c) {
        Task current = get(id);
        orgUnits.requireWrite(actor, current.leadUnit(), Role.STEERING, Role.LEADER, Role.REPORTER);
        if (c.version() != null && c.version() != current.version()) {
            throw ConflictException.staleVersion(c.version(), current.version());
        }
        List<FieldProblem> problems = new ArrayList<>();
        boolean draft = current.status() == TaskStatus.DRAFT;
        if (!draft) {
            if (c.deadline() != null && !c.deadline().equals(current.deadline())) {
                problems.add(new FieldProblem("deadline", "error.tasks.rebaselineRequired"));
            }
            if (c.expectedResult() != null && !c.expectedResult().equals(current.expectedResult())) {
                problems.add(new FieldProblem("expectedResult", "error.tasks.rebaselineRequired"));
            }
        }
        if (c.title() != null && c.title().isBlank()) {
            problems.add(new FieldProblem("title", "error.required"));
        }
        String group = c.solutionGroup() != null ? blankToNull(c.solutionGroup()) : current.solutionGroup();
        if (c.solutionGroup() != null && group != null) {
            groupProblem(current.resolution(), group)
                    .ifPresent(k -> problems.add(new FieldProblem(
                            "solutionGroup", k, k.equals("error.unknown") ? group : current.resolution())));
        }
        OrgUnit lead = orgUnits.find(c.leadUnit() != null ? c.leadUnit() : current.leadUnit())
                .orElse(null);
        if (lead == null) {
            problems.add(new FieldProblem("leadUnit", "error.unknown", c.leadUnit()));
        }
        String approverCode = c.approver() != null ? blankToNull(c.approver()) : current.approver();
        OrgUnit approver =
                approverCode == null ? null : orgUnits.find(approverCode).orElse(null);
        if (approverCode != null && approver == null) {
            problems.add(new FieldProblem("approver", "error.unknown", approverCode));
        }
        List<Long> coordinating = null;
        if (c.coordinatingUnits() != null) {
            coordinating = new ArrayList<>();
            for (String code : c.coordinatingUnits()) {
                Optional<OrgUnit> u = orgUnits.find(code);
                if (u.isEmpty()) {
                    problems.add(new FieldProblem("coordinatingUnits", "error.unknown", code));
                } else if (!coordinating.contains(u.get().id())) {
                    coordinating.add(u.get().id());
                }
            }
        }
        String title = c.title() != null ? c.title().strip() : current.title();
        String description = c.description() != null ? c.description() : current.description();
        String person =
                c.responsiblePerson() != null ? blankToNull(c.responsiblePerson()) : current.responsiblePerson();
        LocalDate startOn = c.startOn() != null ? c.startOn() : current.startOn();
        LocalDate deadline = draft && c.deadline() != null ? c.deadline() : current.deadline();
        String expected = draft && c.expectedResult() != null ? c.expectedResult() : current.expectedResult();
        long planned = c.budgetPlanned() != null ? c.budgetPlanned() : current.budgetPlanned();
        long allocated = c.budgetAllocated() != null ? c.budgetAllocated() : current.budgetAllocated();
        long disbursed = c.budgetDisbursed() != null ? c.budgetDisbursed() : current.budgetDisbursed();
        int weight = c.weight() != null ? c.weight() : current.weight();
        checkCommon(
                problems,
                "",
                title,
                description,
                person,
                expected,
                startOn,
                deadline,
                planned,
                allocated,
                disbursed,
                weight);
        if (c.dependsOn() != null) {
            for (Long d : c.dependsOn()) {
                if (d == null || !tasks.exists(d)) {
                    problems.add(new FieldProblem("dependsOn", "error.unknown", d));
                } else if (d == id || dependsOnTransitively(d, id)) {
                    problems.add(new FieldProblem("dependsOn", "error.tasks.dependencyCycle", d));
                }
            }
        }
        TaskStatus stored = current.status() == TaskStatus.OVERDUE ? storedStatusOf(current) : current.status();
        TaskStatus status = stored;
        if (c.status() != null) {
            switch (c.status()) {
                case OVERDUE -> problems.add(new FieldProblem("status", "error.tasks.statusComputed"));
                case DONE, DONE_LATE -> problems.add(new FieldProblem("status", "error.tasks.doneByUpdate"));
                default -> status = c.status();
            }
            if (TaskStatus.UNFINISHED.contains(c.status()) && c.status() != stored && statusFromSubTasks(id)) {
                problems.add(new FieldProblem("status", "error.tasks.statusFromChildren"));
            } else if (TaskStatusRules.contradicts(c.status(), current.progress())) {
                problems.add(new FieldProblem("status", "error.tasks.startedNotNotStarted", current.progress()));
            }
        }
        if (current.finished() && c.status() != null && c.status() != current.status()) {
            throw new ConflictException("error.tasks.finished", current.status());
        }
        if (status != TaskStatus.DRAFT && status != TaskStatus.CANCELLED) {
            clarityProblems(
                    problems,
                    "",
                    Task.missing(
                            title,
                            description,
                            group,
                            lead == null ? null : lead.code(),
                            person,
                            approverCode,
                            startOn != null,
                            deadline != null,
                            expected));
        }
        Checks.throwIfAny(problems);
        if (!lead.code().equals(current.leadUnit())) {
            orgUnits.requireWrite(actor, lead.code(), Role.STEERING, Role.LEADER, Role.REPORTER);
        }
        requireReferencesInScope(
                actor,
                c.coordinatingUnits() == null ? Set.of() : changed(current.coordinatingUnits(), c.coordinatingUnits()),
                c.dependsOn() == null ? Set.of() : changed(tasks.prerequisites(id), c.dependsOn()));
        if (approver != null && !approver.code().equals(current.approver())) {
            requireApproverAllowed(actor, lead.code(), approver.code());
        }
        TaskKind kind = c.kind() != null ? c.kind() : current.kind();
        LegalStage legalStage = c.legalStage() != null ? c.legalStage() : current.legalStage();
        if (kind == TaskKind.LEGAL_DOCUMENT && legalStage == null) {
            legalStage = LegalStage.DRAFTING;
        }
        boolean ok = tasks.update(
                id,
                new Tasks.Row(
                        title,
                        description,
                        current.resolution(),
                        group,
                        lead.id(),
                        person,
                        approver == null ? null : approver.id(),
                        startOn,
                        deadline,
                        expected,
                        kind,
                        planned,
                        allocated,
                        disbursed,
                        current.parent(),
                        weight,
                        status,
                        legalStage),
                current.version());
        if (!ok) {
            throw ConflictException.staleVersion(current.version(), current.version() + 1);
        }
        if (coordinating != null) {
            tasks.setCoordinatingUnits(id, coordinating);
        }
        if (c.dependsOn() != null) {
            tasks.setDependencies(id, c.dependsOn());
        }
        // A parent leaving draft takes its sub-tasks' status at once; its own parent re-derives too.
        rollUp(id);
        Task updated = get(id);
        events.publishEvent(AuditedChange.updated("task", id, current, updated));
        return updated;
    }

    private boolean dependsOnTransitively(long from, long target) {
        Deque<Long> queue = new ArrayDeque<>(List.of(from));
        Set<Long> seen = new HashSet<>();
        while (!queue.isEmpty()) {
            long next = queue.pop();
            if (next == target) {
                return true;
            }
            if (seen.add(next)) {
                queue.addAll(tasks.prerequisites(next));
            }
        }
        return false;
    }

    /** An overdue task's stored status is its last unfinished one; the list query only shows OVERDUE. */
    private TaskStatus storedStatusOf(Task t) {
        return tasks.storedStatus(t.id());
    }

    @Transactional
    public Task report(Actor actor, long id, ProgressReport r) {
        // Reports on one task queue on its row: one without a version builds on the latest, never fails on a
        // concurrent one; one with a version is still refused (409) when the task moved on since it was read.
        tasks.lock(id);
        Task current = get(id);
        orgUnits.requireWrite(actor, current.leadUnit(), Role.STEERING, Role.LEADER, Role.REPORTER);
        if (r.version() != null && r.version() != current.version()) {
            throw ConflictException.staleVersion(r.version(), current.version());
        }
        if (current.status() == TaskStatus.DRAFT) {
            throw new ConflictException("error.tasks.draftNoUpdates");
        }
        if (current.finished()) {
            throw new ConflictException("error.tasks.finished", current.status());
        }
        List<FieldProblem> problems = new ArrayList<>();
        if (r.progress() == null) {
            problems.add(new FieldProblem("progress", "error.required"));
        } else if (r.progress() < 0 || r.progress() > 100) {
            problems.add(new FieldProblem("progress", "error.tasks.progress"));
        }
        Checks.maxLength(problems, "note", r.note(), 2000);
        if (r.evidenceUrl() != null
                && !r.evidenceUrl().isBlank()
                && !URL.matcher(r.evidenceUrl()).matches()) {
            problems.add(new FieldProblem("evidenceUrl", "error.tasks.url"));
        }
        TaskStatus status = r.status();
        if (status == TaskStatus.OVERDUE) {
            problems.add(new FieldProblem("status", "error.tasks.statusComputed"));
        } else if (status == TaskStatus.DRAFT || status == TaskStatus.DONE_LATE) {
            problems.add(new FieldProblem("status", "error.badValue", status));
        }
        boolean parent = status != null && statusFromSubTasks(id);
        if (parent) {
            problems.add(new FieldProblem("status", "error.tasks.statusFromChildren"));
        } else if (r.progress() != null && TaskStatusRules.contradicts(status, r.progress())) {
            problems.add(new FieldProblem("status", "error.tasks.startedNotNotStarted", r.progress()));
        }
        boolean done = status == TaskStatus.DONE && !parent;
        if (done) {
            if (Task.blank(r.note())) {
                problems.add(new FieldProblem("note", "error.tasks.resultRequired"));
            }
            if (current.kind().needsEvidence() && Task.blank(r.evidenceUrl())) {
                problems.add(new FieldProblem("evidenceUrl", "error.tasks.evidenceRequired", current.kind()));
            }
        }
        Checks.throwIfAny(problems);
        if (done
                && tasks.prerequisites(id).stream()
                        .map(this::get)
                        .anyMatch(p -> !p.status().isDone() && p.status() != TaskStatus.CANCELLED)) {
            throw new ConflictException("error.tasks.prerequisiteOpen");
        }
        LocalDate today = today();
        int progress = done ? 100 : r.progress();
        if (!done && statusFromSubTasks(id)) {
            progress = current.progress();
        }
        TaskStatus stored;
        LocalDate completedOn = null;
        if (done) {
            boolean late = current.deadline() != null && today.isAfter(current.deadline());
            stored = late ? TaskStatus.DONE_LATE : TaskStatus.DONE;
            completedOn = today;
        } else if (status != null) {
            stored = status;
        } else {
            TaskStatus base = current.status() == TaskStatus.OVERDUE ? storedStatusOf(current) : current.status();
            stored = TaskStatusRules.afterProgress(base, progress);
        }
        String evidence = blankToNull(r.evidenceUrl());
        if (!tasks.recordProgress(
                id, progress, stored, done ? r.note() : null, evidence, completedOn, today, current.version())) {
            throw ConflictException.staleVersion(current.version(), current.version() + 1);
        }
        tasks.insertUpdate(id, progress, stored, r.note(), evidence, today, actor.username());
        if (current.parent() != null) {
            rollUp(current.parent());
        }
        Task updated = get(id);
        events.publishEvent(new AuditedChange("task", String.valueOf(id), "progress-reported", current, updated));
        events.publishEvent(new TaskProgressReported(
                id, updated.leadUnit(), updated.resolution(), progress, updated.status(), today));
        if (done) {
            events.publishEvent(new TaskCompleted(
                    id,
                    updated.leadUnit(),
                    updated.resolution(),
                    updated.deadline(),
                    today,
                    stored == TaskStatus.DONE_LATE));
        }
        return updated;
    }

    /** Re-derives the status and progress of the task and of every task above it ({@link TaskStatusRules}). */
    private void rollUp(Long parentId) {
        rollUp(parentId, today());
    }

    private void rollUp(Long parentId, LocalDate today) {
        Long p = parentId;
        int guard = 0;
        while (p != null && guard++ < 50) {
            long id = p;
            tasks.family(id)
                    .ifPresent(f -> TaskStatusRules.fromSubTasks(f.status(), f.deadline(), f.subTasks(), today)
                            .ifPresent(d -> {
                                tasks.applyDerived(id, d);
                                if (d.status() != f.status()) {
                                    derivedStatusChanged(id, f.status(), d);
                                }
                            }));
            p = tasks.parentOf(p);
        }
    }

    private void derivedStatusChanged(long id, TaskStatus before, TaskStatusRules.Derived d) {
        Task t = get(id);
        events.publishEvent(new AuditedChange(
                "task", String.valueOf(id), "status-derived", Map.of("status", before), Map.of("status", d.status())));
        if (d.status().isDone() && !before.isDone()) {
            events.publishEvent(new TaskCompleted(
                    id,
                    t.leadUnit(),
                    t.resolution(),
                    t.deadline(),
                    d.completedOn(),
                    d.status() == TaskStatus.DONE_LATE));
        }
    }

    /** True when the task has sub-tasks that count, so that its status is theirs ({@link TaskStatusRules}). */
    private boolean statusFromSubTasks(long id) {
        return tasks.family(id)
                .flatMap(f -> TaskStatusRules.fromSubTasks(f.status(), f.deadline(), f.subTasks(), today()))
                .isPresent();
    }

    @Transactional
    public Rebaseline requestRebaseline(Actor actor, long id, RebaselineRequest r) {
        Task current = get(id);
        orgUnits.requireWrite(actor, current.leadUnit(), Role.STEERING, Role.LEADER, Role.REPORTER);
        List<FieldProblem> problems = new ArrayList<>();
        if (Task.blank(r.reason())) {
            problems.add(new FieldProblem("reason", "error.required"));
        }
        Checks.maxLength(problems, "reason", r.reason(), 2000);
        Checks.maxLength(problems, "expectedResult", r.expectedResult(), 1000);
        boolean moves = r.deadline() != null && !r.deadline().equals(current.deadline());
        boolean changesResult =
                !Task.blank(r.expectedResult()) && !r.expectedResult().equals(current.expectedResult());
        if (!moves && !changesResult) {
            problems.add(new FieldProblem("deadline", "error.tasks.rebaselineNothing"));
        }
        if (r.deadline() != null && current.startOn() != null && r.deadline().isBefore(current.startOn())) {
            problems.add(new FieldProblem("deadline", "error.tasks.deadlineBeforeStart"));
        }
        Checks.throwIfAny(problems);
        if (current.status() == TaskStatus.DRAFT || current.finished()) {
            throw new ConflictException("error.tasks.rebaselineState", current.status());
        }
        if (tasks.rebaselines(id).stream().anyMatch(b -> b.state().equals("PENDING"))) {
            throw new ConflictException("error.tasks.rebaselinePending");
        }
        long rid = tasks.insertRebaseline(
                id,
                current.deadline(),
                moves ? r.deadline() : current.deadline(),
                current.expectedResult(),
                changesResult ? r.expectedResult() : current.expectedResult(),
                r.reason(),
                actor.username(),
                today());
        Rebaseline created = tasks.rebaseline(rid).orElseThrow();
        events.publishEvent(new AuditedChange("task", String.valueOf(id), "rebaseline-requested", null, created));
        events.publishEvent(
                new RebaselineRequested(id, rid, current.leadUnit(), current.approver(), actor.username(), r.reason()));
        return created;
    }

    @Transactional
    public Task decideRebaseline(Actor actor, long id, long requestId, boolean approve) {
        Task current = get(id);
        Rebaseline request = tasks.rebaseline(requestId)
                .filter(b -> b.taskId() == id)
                .orElseThrow(() -> new NotFoundException("rebaseline", requestId));
        if (!mayApprove(actor, current)) {
            throw new ForbiddenException("error.tasks.notApprover", current.approver());
        }
        if (!request.state().equals("PENDING")) {
            throw new ConflictException("error.tasks.rebaselineDecided", request.state());
        }
        LocalDate today = today();
        tasks.decideRebaseline(requestId, approve ? "APPROVED" : "REJECTED", actor.username(), today);
        if (approve) {
            int moved = current.deadline() == null || request.newDeadline() == null
                    ? 0
                    : (int) ChronoUnit.DAYS.between(current.deadline(), request.newDeadline());
            if (!tasks.applyRebaseline(
                    id, request.newDeadline(), request.newExpectedResult(), moved, today, current.version())) {
                throw ConflictException.staleVersion(current.version(), current.version() + 1);
            }
        }
        events.publishEvent(new RebaselineDecided(
                id,
                requestId,
                current.leadUnit(),
                approve,
                current.deadline(),
                request.newDeadline(),
                request.requestedBy(),
                actor.username()));
        Task updated = get(id);
        events.publishEvent(new AuditedChange(
                "task", String.valueOf(id), approve ? "rebaseline-approved" : "rebaseline-rejected", current, updated));
        return updated;
    }

    // ---------------------------------------------------------------- the overdue job

    /**
     * Records, for every unfinished task whose deadline has passed, the day it became overdue and publishes
     * {@link TaskBecameOverdue}. That day is the day after its deadline, whatever day the job runs: after days
     * without a run it is still the day the deadline passed, not the day of the run (a task finished late in
     * the meantime is not recorded: its lateness is its completion day against its deadline, DONE_LATE).
     * Idempotent, and each task is recorded and announced once even when several instances run this at once.
     * Parents are rolled up as of {@code today}. Returns how many it marked.
     */
    @Transactional
    public int markOverdue(LocalDate today) {
        List<Tasks.OverdueRow> marked = new ArrayList<>();
        for (Tasks.OverdueRow row : tasks.newlyOverdue(today)) {
            LocalDate since = row.deadline().plusDays(1);
            if (!tasks.markOverdue(row.id(), since)) {
                continue;
            }
            marked.add(row);
            events.publishEvent(new AuditedChange(
                    "task", String.valueOf(row.id()), "became-overdue", null, Map.of("overdueSince", since)));
            events.publishEvent(
                    new TaskBecameOverdue(row.id(), row.leadUnit(), row.resolution(), row.deadline(), since));
        }
        // A sub-task turning overdue puts its parent at risk (TaskStatusRules).
        marked.stream()
                .map(row -> tasks.parentOf(row.id()))
                .filter(java.util.Objects::nonNull)
                .distinct()
                .forEach(parent -> rollUp(parent, today));
        return marked.size();
    }

    @Scheduled(cron = "${mandate.tasks.overdue-cron:0 5 0 * * *}", zone = "${mandate.zone:Asia/Ho_Chi_Minh}")
    @SchedulerLock(name = "tasks-mark-overdue")
    public void markOverdueDaily() {
        int n = markOverdue(today());
        log.info("Overdue job: {} task(s) newly overdue", n);
    }

    @EventListener(ApplicationReadyEvent.class)
    void markOverdueAtStartup() {
        markOverdue(today());
    }

    // ---------------------------------------------------------------- blockers (used by bottlenecks)

    /** Marks the tasks as blocked by {@code source/ref} (e.g. "bottleneck", "42") until cleared. */
    @Transactional
    public void recordBlocker(String source, String ref, String label, Collection<Long> taskIds) {
        for (Long id : taskIds) {
            tasks.addBlocker(id, source, ref, label);
        }
    }

    /** The blocker no longer blocks (its tasks stay listed as once blocked). */
    @Transactional
    public void clearBlockers(String source, String ref) {
        tasks.clearBlockers(source, ref);
    }

    /** Every task ever recorded as blocked by the reference. */
    public List<Long> blockedTasks(String source, String ref) {
        return tasks.blockedTaskIds(source, ref);
    }

    /** For each reference of a source, the tasks it blocks and their money not yet disbursed (one query). */
    public Map<String, BlockSummary> blockSummaries(String source) {
        Map<String, BlockSummary> out = new LinkedHashMap<>();
        tasks.blockSummaries(source).forEach((k, v) -> out.put(k, new BlockSummary(v[0], v[1])));
        return out;
    }

    /** Lead unit codes of the given task ids (unknown ids are absent). */
    public Map<Long, String> leadUnitsOf(List<Long> ids) {
        return tasks.leadUnitsOf(ids);
    }

    // ---------------------------------------------------------------- for the dashboard and reviews

    /** Counts of non-draft tasks by computed status, percent done and budgets; one query. */
    public TaskCounts counts(String resolution, String orgUnit) {
        return counts(resolution, orgUnit, false);
    }

    /** Like {@link #counts(String, String)} for the tasks the unit itself leads (not its subtree). */
    public TaskCounts countsOfUnit(String orgUnit) {
        return counts(null, orgUnit, true);
    }

    private TaskCounts counts(String resolution, String orgUnit, boolean exact) {
        LocalDate today = today();
        return countsCache.get(
                blankToNull(resolution),
                blankToNull(orgUnit),
                exact,
                today,
                () -> computeCounts(blankToNull(resolution), blankToNull(orgUnit), exact, today));
    }

    private TaskCounts computeCounts(String resolution, String orgUnit, boolean exact, LocalDate today) {
        Map<String, BigDecimal[]> rows = tasks.countsByStatus(resolution, orgUnit, exact, today);
        Map<TaskStatus, Long> byStatus = new EnumMap<>(TaskStatus.class);
        long total = 0;
        // Money is summed as decimals: many tasks at the maximum budget would overflow a long.
        BigDecimal planned = BigDecimal.ZERO;
        BigDecimal allocated = BigDecimal.ZERO;
        BigDecimal disbursed = BigDecimal.ZERO;
        long progressSum = 0;
        for (var e : rows.entrySet()) {
            BigDecimal[] v = e.getValue();
            byStatus.put(TaskStatus.valueOf(e.getKey()), v[0].longValue());
            total += v[0].longValue();
            planned = planned.add(v[1]);
            allocated = allocated.add(v[2]);
            disbursed = disbursed.add(v[3]);
            progressSum += v[4].longValue();
        }
        long done = byStatus.getOrDefault(TaskStatus.DONE, 0L) + byStatus.getOrDefault(TaskStatus.DONE_LATE, 0L);
        long counted = total - byStatus.getOrDefault(TaskStatus.CANCELLED, 0L);
        return new TaskCounts(
                byStatus,
                total,
                counted == 0 ? 0 : 100.0 * done / counted,
                total == 0 ? 0 : (double) progressSum / total,
                byStatus.getOrDefault(TaskStatus.OVERDUE, 0L),
                planned,
                allocated,
                disbursed);
    }

    /**
     * Unfinished tasks with no progress update within the reporting cycle ({@code mandate.tasks.stale-days}),
     * led by the unit alone ({@code unitOnly}) or its subtree.
     */
    public long countStale(String orgUnit, boolean unitOnly) {
        LocalDate before = staleBefore(today());
        return countsCache.figure(
                List.of("stale", orgUnit, unitOnly, before), () -> tasks.countStale(orgUnit, unitOnly, before));
    }

    /** Public rows (drafts excluded) for a resolution and/or subtree. */
    /** Every public task (no drafts), in id order, row by row: what a publication freezes. */
    public void forEachPublicTask(java.util.function.Consumer<PublicTaskRow> each) {
        LocalDate today = today();
        tasks.forEach(
                toFilter(new TaskFilter(null, null, null, null, null, null, null, null), true),
                today,
                staleBefore(today),
                t -> each.accept(publicRow(t)));
    }

    /** Every approved re-baseline of a public task (no drafts), oldest first: the log a publication freezes. */
    public void forEachPublicRebaseline(java.util.function.Consumer<Rebaseline> each) {
        tasks.forEachApprovedRebaseline(each);
    }

    /** For every reference of a blocker source, the ids of the tasks it blocks (one query). */
    public Map<String, List<Long>> blockedTasksByRef(String source) {
        return tasks.blockedTaskIdsByRef(source);
    }

    public PageResult<PublicTaskRow> publicTasks(String resolution, String orgUnit, Paging paging) {
        return list(new TaskFilter(resolution, null, orgUnit, null, null, null, null, null), paging, true)
                .map(TaskManagement::publicRow);
    }

    private static PublicTaskRow publicRow(Task t) {
        return new PublicTaskRow(
                t.id(),
                t.title(),
                t.resolution(),
                t.solutionGroup(),
                t.leadUnit(),
                t.responsiblePerson(),
                t.deadline(),
                t.status(),
                t.progress(),
                t.blocked(),
                t.kind(),
                t.expectedResult(),
                t.completedOn(),
                t.daysLateAtCompletion(),
                t.parent(),
                t.startOn(),
                t.budgetPlanned(),
                t.budgetAllocated(),
                t.budgetDisbursed(),
                t.originalDeadline(),
                t.originalExpectedResult(),
                t.rebaselineCount(),
                t.rebaselineDays());
    }

    /**
     * Scorecard inputs for the tasks led in a unit's subtree, for tasks due between {@code from} and
     * {@code to} (inclusive); overdue counted as of {@code to} (or today when earlier).
     */
    public TaskScorecardInputs scorecardInputs(String orgUnit, LocalDate from, LocalDate to) {
        return scorecardInputs(orgUnit, from, to, false);
    }

    /** Scorecard inputs of the unit alone ({@code unitOnly}) or of its subtree. */
    public TaskScorecardInputs scorecardInputs(String orgUnit, LocalDate from, LocalDate to, boolean unitOnly) {
        orgUnits.get(orgUnit);
        LocalDate asOf = to.isBefore(today()) ? to : today();
        long[] v = countsCache.figure(
                List.of("scorecard", orgUnit, unitOnly, from, to, asOf),
                () -> tasks.scorecard(orgUnit, unitOnly, from, to, asOf));
        long finished = v[1] + v[2];
        return new TaskScorecardInputs(
                orgUnit,
                from,
                to,
                v[0],
                v[1],
                v[2],
                v[3],
                v[4],
                finished == 0 ? 0 : 100.0 * v[1] / finished,
                v[5],
                v[6],
                v[5] == 0 ? 0 : 100.0 * v[6] / v[5],
                v[7],
                v[8]);
    }

    private static long nz(Long v) {
        return v == null ? 0 : v;
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
