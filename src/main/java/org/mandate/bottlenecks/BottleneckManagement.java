package org.mandate.bottlenecks;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.mandate.bottlenecks.BottleneckEvents.BottleneckEscalated;
import org.mandate.bottlenecks.BottleneckEvents.BottleneckRaised;
import org.mandate.bottlenecks.BottleneckEvents.BottleneckResolved;
import org.mandate.orgunits.OrgUnit;
import org.mandate.orgunits.OrgUnitManagement;
import org.mandate.resolutions.ResolutionManagement;
import org.mandate.shared.Actor;
import org.mandate.shared.AuditedChange;
import org.mandate.shared.Checks;
import org.mandate.shared.ConflictException;
import org.mandate.shared.NotFoundException;
import org.mandate.shared.PageResult;
import org.mandate.shared.Paging;
import org.mandate.shared.ProblemException.FieldProblem;
import org.mandate.shared.Role;
import org.mandate.tasks.Task;
import org.mandate.tasks.TaskManagement;
import org.mandate.tasks.TaskManagement.BlockSummary;
import org.mandate.tasks.TaskManagement.TaskScorecardInputs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Raises, escalates and resolves bottlenecks, keeps the tasks they block marked as blocked (through
 * {@link TaskManagement}), and answers the board, per-unit and dashboard questions.
 */
@Service
public class BottleneckManagement {

    /** The blocker source name under which bottlenecks are recorded on tasks. */
    public static final String BLOCKER_SOURCE = "bottleneck";

    private static final Logger log = LoggerFactory.getLogger(BottleneckManagement.class);

    private final Bottlenecks bottlenecks;
    private final TaskManagement tasks;
    private final OrgUnitManagement orgUnits;
    private final ResolutionManagement resolutions;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final int escalateAfterDays;

    BottleneckManagement(
            Bottlenecks bottlenecks,
            TaskManagement tasks,
            OrgUnitManagement orgUnits,
            ResolutionManagement resolutions,
            ApplicationEventPublisher events,
            Clock clock,
            @Value("${mandate.bottlenecks.escalate-after-days:14}") int escalateAfterDays) {
        this.bottlenecks = bottlenecks;
        this.tasks = tasks;
        this.orgUnits = orgUnits;
        this.resolutions = resolutions;
        this.events = events;
        this.clock = clock;
        this.escalateAfterDays = escalateAfterDays;
    }

    public record NewBottleneck(
            String title,
            String description,
            BottleneckType type,
            Severity severity,
            String raisedBy,
            String owner,
            String resolution,
            List<Long> blockedTasks) {}

    public record BottleneckChanges(
            String title, String description, BottleneckType type, Severity severity, Long version) {}

    /** A row of the board: the bottleneck, its age and what it blocks. */
    public record BoardRow(Bottleneck bottleneck, long ageDays, long tasksBlocked, long moneyBlocked) {}

    /** Everything a scorecard needs about one unit's subtree over a date range. */
    public record UnitScorecardInputs(
            TaskScorecardInputs tasks, long openBottlenecksOwned, Double medianBottleneckResolutionDays) {}

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    public int escalateAfterDays() {
        return escalateAfterDays;
    }

    public Optional<Bottleneck> find(long id) {
        return bottlenecks.find(id).map(b -> b.withBlockedTasks(tasks.blockedTasks(BLOCKER_SOURCE, ref(b.id()))));
    }

    public Bottleneck get(long id) {
        return find(id).orElseThrow(() -> new NotFoundException("bottleneck", id));
    }

    public List<BottleneckHistory> history(long id) {
        return bottlenecks.history(id);
    }

    public PageResult<Bottleneck> list(
            String status, BottleneckType type, String owner, String raisedBy, String resolution, Paging paging) {
        Bottlenecks.Filter f = new Bottlenecks.Filter(
                blankToNull(status), type, blankToNull(owner), blankToNull(raisedBy), blankToNull(resolution));
        return new PageResult<>(
                bottlenecks.page(f, paging.offset(), paging.size()).stream()
                        .map(b -> b.withBlockedTasks(tasks.blockedTasks(BLOCKER_SOURCE, ref(b.id()))))
                        .toList(),
                paging.page(),
                paging.size(),
                bottlenecks.count(f));
    }

    /** Every bottleneck with the tasks it blocks, in two queries: what a publication freezes. */
    public List<Bottleneck> all() {
        Map<String, List<Long>> blocked = tasks.blockedTasksByRef(BLOCKER_SOURCE);
        return bottlenecks.all().stream()
                .map(b -> b.withBlockedTasks(blocked.getOrDefault(ref(b.id()), List.of())))
                .toList();
    }

    /**
     * Open bottlenecks (owned in the subtree when given) ranked by what they block: tasks first, then the
     * money not yet disbursed on those tasks, then age.
     */
    public List<BoardRow> board(String orgUnit) {
        LocalDate today = today();
        Map<String, BlockSummary> summaries = tasks.blockSummaries(BLOCKER_SOURCE);
        List<BoardRow> rows = new ArrayList<>();
        for (Bottleneck b : bottlenecks.page(
                new Bottlenecks.Filter(Bottleneck.OPEN, null, blankToNull(orgUnit), null, null), 0, Paging.MAX_SIZE)) {
            BlockSummary s = summaries.getOrDefault(ref(b.id()), new BlockSummary(0, 0));
            rows.add(new BoardRow(b, b.ageDays(today), s.tasks(), s.money()));
        }
        rows.sort(Comparator.comparingLong(BoardRow::tasksBlocked)
                .thenComparingLong(BoardRow::moneyBlocked)
                .thenComparingLong(BoardRow::ageDays)
                .reversed());
        return rows;
    }

    /** Open bottlenecks per owner unit code, most first. */
    public Map<String, Long> openByOwner(List<BoardRow> board) {
        Map<String, Long> out = new LinkedHashMap<>();
        board.stream().map(r -> r.bottleneck().owner()).forEach(o -> out.merge(o, 1L, Long::sum));
        return out.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .collect(LinkedHashMap::new, (m, e) -> m.put(e.getKey(), e.getValue()), Map::putAll);
    }

    /** Open bottlenecks by type, for a resolution and/or owner subtree (null = all); one query. */
    public Map<BottleneckType, Long> openByType(String resolution, String orgUnit) {
        Map<BottleneckType, Long> out = new EnumMap<>(BottleneckType.class);
        bottlenecks
                .openByType(blankToNull(resolution), blankToNull(orgUnit))
                .forEach((k, v) -> out.put(BottleneckType.valueOf(k), v));
        return out;
    }

    /** Median days from raised to resolved for bottlenecks first owned in the subtree, resolved in range. */
    public Double medianResolutionDays(String orgUnit, LocalDate from, LocalDate to) {
        List<Long> days = bottlenecks.resolvedIn(orgUnit, from, to).stream()
                .map(d -> ChronoUnit.DAYS.between(d[0], d[1]))
                .sorted()
                .toList();
        if (days.isEmpty()) {
            return null;
        }
        int n = days.size();
        return n % 2 == 1 ? days.get(n / 2) : (days.get(n / 2 - 1) + days.get(n / 2)) / 2.0;
    }

    /** Scorecard inputs of a unit's subtree for tasks due in the range and bottlenecks resolved in it. */
    public UnitScorecardInputs scorecardInputs(String orgUnit, LocalDate from, LocalDate to) {
        TaskScorecardInputs t = tasks.scorecardInputs(orgUnit, from, to);
        long open = openByType(null, orgUnit).values().stream()
                .mapToLong(Long::longValue)
                .sum();
        return new UnitScorecardInputs(t, open, medianResolutionDays(orgUnit, from, to));
    }

    @Transactional
    public Bottleneck raise(Actor actor, NewBottleneck c) {
        List<FieldProblem> problems = new ArrayList<>();
        if (c.title() == null || c.title().isBlank()) {
            problems.add(new FieldProblem("title", "error.required"));
        }
        Checks.maxLength(problems, "title", c.title(), 500);
        Checks.maxLength(problems, "description", c.description(), 4000);
        if (c.type() == null) {
            problems.add(new FieldProblem("type", "error.required"));
        }
        OrgUnit raisedBy = null;
        if (blankToNull(c.raisedBy()) == null) {
            problems.add(new FieldProblem("raisedBy", "error.required"));
        } else {
            raisedBy = orgUnits.find(c.raisedBy()).orElse(null);
            if (raisedBy == null) {
                problems.add(new FieldProblem("raisedBy", "error.unknown", c.raisedBy()));
            }
        }
        OrgUnit owner = null;
        String ownerCode = blankToNull(c.owner()) != null ? c.owner() : c.raisedBy();
        if (ownerCode != null) {
            owner = orgUnits.find(ownerCode).orElse(null);
            if (owner == null) {
                problems.add(new FieldProblem("owner", "error.unknown", ownerCode));
            }
        }
        List<Long> blocked = c.blockedTasks() == null
                ? List.of()
                : c.blockedTasks().stream().distinct().toList();
        Map<Long, String> leads =
                tasks.leadUnitsOf(blocked.stream().filter(x -> x != null).toList());
        for (Long id : blocked) {
            if (id == null || !leads.containsKey(id)) {
                problems.add(new FieldProblem("blockedTasks", "error.unknown", id));
            }
        }
        String resolution = blankToNull(c.resolution());
        Checks.maxLength(problems, "resolution", resolution, 100);
        if (resolution != null
                && resolution.length() <= 100
                && resolutions.find(resolution).isEmpty()) {
            problems.add(new FieldProblem("resolution", "error.unknown", resolution));
        }
        Checks.throwIfAny(problems);
        orgUnits.requireWrite(actor, raisedBy.code(), Role.STEERING, Role.LEADER, Role.REPORTER);
        // Blocking a task marks it on its page and in public: a write on that task, so its lead unit must be
        // in the actor's scope too (the owner may lie anywhere: raising a problem to another unit is the point).
        for (Long id : blocked) {
            orgUnits.requireWrite(actor, leads.get(id), Role.STEERING, Role.LEADER, Role.REPORTER);
        }
        if (resolution == null && !blocked.isEmpty()) {
            resolution = tasks.find(blocked.get(0)).map(Task::resolution).orElse(null);
        }
        LocalDate today = today();
        long id = bottlenecks.insert(
                c.title().strip(),
                c.description(),
                c.type(),
                c.severity() == null ? Severity.MEDIUM : c.severity(),
                resolution,
                raisedBy.id(),
                owner.id(),
                today,
                actor.username());
        bottlenecks.event(id, "RAISED", raisedBy.id(), owner.id(), c.description(), today, actor.username());
        tasks.recordBlocker(BLOCKER_SOURCE, ref(id), c.title().strip(), blocked);
        Bottleneck created = get(id);
        events.publishEvent(AuditedChange.created("bottleneck", id, created));
        events.publishEvent(
                new BottleneckRaised(id, created.type(), created.raisedBy(), created.owner(), blocked, today));
        return created;
    }

    @Transactional
    public Bottleneck update(Actor actor, long id, BottleneckChanges c) {
        Bottleneck current = get(id);
        requireConcerned(actor, current);
        if (c.version() != null && c.version() != current.version()) {
            throw ConflictException.staleVersion(c.version(), current.version());
        }
        List<FieldProblem> problems = new ArrayList<>();
        if (c.title() != null && c.title().isBlank()) {
            problems.add(new FieldProblem("title", "error.required"));
        }
        Checks.maxLength(problems, "title", c.title(), 500);
        Checks.maxLength(problems, "description", c.description(), 4000);
        Checks.throwIfAny(problems);
        if (!bottlenecks.update(
                id,
                c.title() != null ? c.title().strip() : current.title(),
                c.description() != null ? c.description() : current.description(),
                c.type() != null ? c.type() : current.type(),
                c.severity() != null ? c.severity() : current.severity(),
                current.version())) {
            throw ConflictException.staleVersion(current.version(), current.version() + 1);
        }
        Bottleneck updated = get(id);
        events.publishEvent(AuditedChange.updated("bottleneck", id, current, updated));
        return updated;
    }

    /** Moves the bottleneck one level up: the owner's parent unit must now resolve it. */
    @Transactional
    public Bottleneck escalate(Actor actor, long id, String note, Long version) {
        Bottleneck current = get(id);
        requireConcerned(actor, current);
        if (version != null && version != current.version()) {
            throw ConflictException.staleVersion(version, current.version());
        }
        List<FieldProblem> problems = new ArrayList<>();
        Checks.maxLength(problems, "note", note, 2000);
        Checks.throwIfAny(problems);
        return doEscalate(current, note, actor.username(), false, today());
    }

    private Bottleneck doEscalate(Bottleneck current, String note, String by, boolean automatic, LocalDate today) {
        if (!current.open()) {
            throw new ConflictException("error.bottlenecks.notOpen");
        }
        OrgUnit owner = orgUnits.get(current.owner());
        if (owner.parent() == null) {
            throw new ConflictException("error.bottlenecks.topLevel");
        }
        OrgUnit parent = orgUnits.get(owner.parent());
        if (!bottlenecks.escalate(current.id(), parent.id(), today, current.version())) {
            throw ConflictException.staleVersion(current.version(), current.version() + 1);
        }
        bottlenecks.event(
                current.id(), automatic ? "AUTO_ESCALATED" : "ESCALATED", owner.id(), parent.id(), note, today, by);
        Bottleneck updated = get(current.id());
        events.publishEvent(
                new AuditedChange("bottleneck", String.valueOf(current.id()), "escalated", current, updated));
        events.publishEvent(new BottleneckEscalated(
                current.id(), owner.code(), parent.code(), updated.escalationLevel(), automatic, today));
        return updated;
    }

    @Transactional
    public Bottleneck resolve(Actor actor, long id, String note, Long version) {
        Bottleneck current = get(id);
        orgUnits.requireWrite(actor, current.owner(), Role.STEERING, Role.LEADER, Role.REPORTER);
        if (version != null && version != current.version()) {
            throw ConflictException.staleVersion(version, current.version());
        }
        List<FieldProblem> problems = new ArrayList<>();
        if (note == null || note.isBlank()) {
            problems.add(new FieldProblem("note", "error.required"));
        }
        Checks.maxLength(problems, "note", note, 2000);
        Checks.throwIfAny(problems);
        if (!current.open()) {
            throw new ConflictException("error.bottlenecks.notOpen");
        }
        LocalDate today = today();
        if (!bottlenecks.resolve(id, note.strip(), today, current.version())) {
            throw ConflictException.staleVersion(current.version(), current.version() + 1);
        }
        OrgUnit owner = orgUnits.get(current.owner());
        bottlenecks.event(id, "RESOLVED", owner.id(), null, note.strip(), today, actor.username());
        tasks.clearBlockers(BLOCKER_SOURCE, ref(id));
        Bottleneck updated = get(id);
        events.publishEvent(new AuditedChange("bottleneck", String.valueOf(id), "resolved", current, updated));
        events.publishEvent(new BottleneckResolved(id, updated.type(), updated.owner(), updated.raisedOn(), today));
        return updated;
    }

    /**
     * Escalates every open bottleneck left unresolved {@code escalate-after-days} since it was raised or last
     * escalated, one level, until it reaches the top. Returns how many moved.
     */
    @Transactional
    public int escalateOverdue(LocalDate today) {
        int moved = 0;
        for (Long id : bottlenecks.dueForEscalation(today.minusDays(escalateAfterDays))) {
            Bottleneck b = get(id);
            if (orgUnits.get(b.owner()).parent() != null) {
                doEscalate(b, null, "system", true, today);
                moved++;
            }
        }
        return moved;
    }

    /** Bottlenecks raised between two days (inclusive) by the units of a subtree. */
    public long raisedIn(String orgUnit, LocalDate from, LocalDate to) {
        return bottlenecks.raisedIn(orgUnit, from, to);
    }

    /** Open bottlenecks that the escalation job will move on or before {@code day}. */
    public List<Bottleneck> escalatingBy(LocalDate day) {
        return bottlenecks.dueForEscalation(day.minusDays(escalateAfterDays)).stream()
                .map(this::get)
                .filter(b -> orgUnits.get(b.owner()).parent() != null)
                .toList();
    }

    @Scheduled(cron = "${mandate.bottlenecks.escalation-cron:0 15 0 * * *}", zone = "${mandate.zone:Asia/Ho_Chi_Minh}")
    @SchedulerLock(name = "bottlenecks-escalate")
    public void escalateDaily() {
        log.info("Escalation job: {} bottleneck(s) escalated", escalateOverdue(today()));
    }

    /** Who may edit or escalate: the raising unit's or the owner's staff (or steering/admin). */
    private void requireConcerned(Actor actor, Bottleneck b) {
        if (orgUnits.covers(actor, b.owner()) || actor.isAdmin()) {
            orgUnits.requireWrite(actor, b.owner(), Role.STEERING, Role.LEADER, Role.REPORTER);
        } else {
            orgUnits.requireWrite(actor, b.raisedBy(), Role.STEERING, Role.LEADER, Role.REPORTER);
        }
    }

    public boolean mayAct(Actor actor, Bottleneck b) {
        return actor.isAdmin()
                || (actor.is(Role.STEERING, Role.LEADER, Role.REPORTER)
                        && (orgUnits.covers(actor, b.owner()) || orgUnits.covers(actor, b.raisedBy())));
    }

    static String ref(long id) {
        return String.valueOf(id);
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
