package org.mandate.tasks;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mandate.orgunits.OrgUnitTree;
import org.mandate.shared.ReadScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The tasks and their updates, dependencies, blockers and re-baselines, in SQL. */
@Repository
class Tasks {

    /**
     * The computed status, blocked and stale flags are derived in the same query from {@code :today} and
     * {@code :staleBefore}, so every list shows them without a second pass.
     */
    static final String COLUMNS = """
            t.id, t.title, t.description, t.resolution_slug, t.solution_group, u.code as lead_code,
            u.name_vi as lead_name_vi, u.name_en as lead_name_en, t.responsible_person, a.code as approver_code,
            t.start_on, t.deadline, t.expected_result, t.kind, t.budget_planned, t.budget_allocated,
            t.budget_disbursed, t.parent_id, t.weight,
            case when t.status in ('NOT_STARTED','ON_TRACK','AT_RISK') and t.deadline < :today then 'OVERDUE'
                 else t.status end as computed_status,
            t.progress,
            case when exists (select 1 from task_blocker b where b.task_id = t.id and b.active = true)
                   or exists (select 1 from task_dependency d join task p on p.id = d.prerequisite_id
                               where d.task_id = t.id and p.status not in ('DONE','DONE_LATE','CANCELLED'))
                 then true else false end as blocked,
            case when t.status in ('NOT_STARTED','ON_TRACK','AT_RISK')
                   and coalesce(t.last_update_on, t.created_on) < :staleBefore then true else false end as stale,
            t.legal_stage, t.result_statement, t.evidence_url, t.completed_on, t.overdue_since, t.last_update_on,
            t.original_deadline, t.original_expected_result, t.rebaseline_count, t.rebaseline_days, t.created_by,
            t.version
            """;

    static final String FROM = """
              from task t join org_unit u on u.id = t.lead_unit_id
              left join org_unit a on a.id = t.approver_unit_id
            """;

    private final JdbcClient jdbc;

    Tasks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Filters of the task list; null means "any". */
    record Filter(
            String resolution,
            String solutionGroup,
            String orgUnit,
            TaskStatus status,
            boolean overdue,
            LocalDate dueBefore,
            TaskKind kind,
            Long parent,
            boolean excludeDrafts,
            boolean rootsOnly,
            ReadScope reader) {

        /** No reader: everything (jobs, other modules' counts); public lists set {@code excludeDrafts}. */
        Filter(
                String resolution,
                String solutionGroup,
                String orgUnit,
                TaskStatus status,
                boolean overdue,
                LocalDate dueBefore,
                TaskKind kind,
                Long parent,
                boolean excludeDrafts,
                boolean rootsOnly) {
            this(
                    resolution,
                    solutionGroup,
                    orgUnit,
                    status,
                    overdue,
                    dueBefore,
                    kind,
                    parent,
                    excludeDrafts,
                    rootsOnly,
                    ReadScope.EVERYTHING);
        }

        static Filter none() {
            return new Filter(null, null, null, null, false, null, null, null, false, false);
        }

        Filter readBy(ReadScope scope) {
            return new Filter(
                    resolution,
                    solutionGroup,
                    orgUnit,
                    status,
                    overdue,
                    dueBefore,
                    kind,
                    parent,
                    excludeDrafts,
                    rootsOnly,
                    scope == null ? ReadScope.EVERYTHING : scope);
        }
    }

    /** Locks the task's row until the transaction ends. */
    void lock(long id) {
        jdbc.sql("select id from task where id = :id for update")
                .param("id", id)
                .query(Long.class)
                .optional();
    }

    /** Unfinished, agreed tasks whose deadline is this day (at most {@code limit}). */
    List<Task> dueOn(LocalDate day, LocalDate today, LocalDate staleBefore, int limit) {
        return jdbc.sql("select " + COLUMNS + FROM
                        + " where t.deadline = :day and t.status in ('NOT_STARTED','ON_TRACK','AT_RISK')"
                        + " order by t.id limit :limit")
                .param("day", Date.valueOf(day))
                .param("today", Date.valueOf(today))
                .param("staleBefore", Date.valueOf(staleBefore))
                .param("limit", limit)
                .query(Tasks::map)
                .list();
    }

    Optional<Task> find(long id, LocalDate today, LocalDate staleBefore) {
        return jdbc.sql("select " + COLUMNS + FROM + " where t.id = :id")
                .param("id", id)
                .param("today", Date.valueOf(today))
                .param("staleBefore", Date.valueOf(staleBefore))
                .query(Tasks::map)
                .optional()
                .map(t -> withCoordinating(t, coordinatingUnits(id)));
    }

    List<Task> page(Filter f, LocalDate today, LocalDate staleBefore, long offset, int limit) {
        Map<String, Object> params = params(f, today);
        params.put("staleBefore", Date.valueOf(staleBefore));
        return jdbc.sql("select " + COLUMNS + FROM + where(f)
                        + " order by t.deadline, t.id limit :limit offset :offset")
                .params(params)
                .param("limit", limit)
                .param("offset", offset)
                .query(Tasks::map)
                .list();
    }

    /**
     * Every task that passes the filter, in id order, handed to {@code each} row by row: one statement for
     * the whole set (a publication reads all public tasks; pages of OFFSET would make that quadratic).
     */
    void forEach(Filter f, LocalDate today, LocalDate staleBefore, java.util.function.Consumer<Task> each) {
        forEach(f, today, staleBefore, Integer.MAX_VALUE, each);
    }

    /** Like {@link #forEach(Filter, LocalDate, LocalDate, java.util.function.Consumer)}, the first {@code limit}. */
    void forEach(Filter f, LocalDate today, LocalDate staleBefore, int limit, java.util.function.Consumer<Task> each) {
        Map<String, Object> params = params(f, today);
        params.put("staleBefore", Date.valueOf(staleBefore));
        params.put("limit", limit);
        jdbc.sql("select " + COLUMNS + FROM + where(f) + " order by t.id limit :limit")
                .params(params)
                .query(rs -> {
                    each.accept(map(rs, 0));
                });
    }

    /** For every reference of a source, the ids of the tasks it blocks (one query). */
    Map<String, List<Long>> blockedTaskIdsByRef(String source) {
        Map<String, List<Long>> out = new HashMap<>();
        jdbc.sql("select source_ref, task_id from task_blocker where source = :source order by source_ref, task_id")
                .param("source", source)
                .query(rs -> {
                    out.computeIfAbsent(rs.getString(1), k -> new java.util.ArrayList<>())
                            .add(rs.getLong(2));
                });
        return out;
    }

    /** Counts from the task table alone: every filter is on its columns, and the joins only add names. */
    static String countSql(Filter f) {
        return "select count(*) from task t" + where(f);
    }

    long count(Filter f, LocalDate today) {
        return jdbc.sql(countSql(f)).params(params(f, today)).query(Long.class).single();
    }

    /** The SQL of the list query (for EXPLAIN checks). */
    static String listSql(Filter f) {
        return "select " + COLUMNS + FROM + where(f) + " order by t.deadline, t.id limit :limit offset :offset";
    }

    static String where(Filter f) {
        StringBuilder w = new StringBuilder(" where 1 = 1");
        if (f.resolution() != null) {
            w.append(" and t.resolution_slug = :resolution");
        }
        if (f.solutionGroup() != null) {
            w.append(" and t.solution_group = :solutionGroup");
        }
        if (f.orgUnit() != null) {
            w.append(" and t.lead_unit_id in ").append(OrgUnitTree.subtreeIds("orgUnit"));
        }
        if (f.status() != null) {
            if (f.status() == TaskStatus.OVERDUE) {
                w.append(" and t.status in " + TaskStatus.UNFINISHED_SQL + " and t.deadline < :today");
            } else if (TaskStatus.UNFINISHED.contains(f.status())) {
                w.append(" and t.status = :status and (t.deadline is null or t.deadline >= :today)");
            } else {
                w.append(" and t.status = :status");
            }
        }
        if (f.overdue()) {
            w.append(" and t.status in " + TaskStatus.UNFINISHED_SQL + " and t.deadline < :today");
        }
        if (f.dueBefore() != null) {
            w.append(" and t.deadline < :dueBefore");
        }
        if (f.kind() != null) {
            w.append(" and t.kind = :kind");
        }
        if (f.parent() != null) {
            w.append(" and t.parent_id = :parent");
        }
        if (f.rootsOnly()) {
            w.append(" and t.parent_id is null");
        }
        if (f.excludeDrafts() || (f.reader() != null && f.reader().publishedOnly())) {
            w.append(" and t.status <> 'DRAFT'");
        } else if (f.reader() != null && !f.reader().everything()) {
            // Drafts are the unit's own work: visible within the reader's subtree only.
            w.append(" and (t.status <> 'DRAFT' or t.lead_unit_id in ")
                    .append(OrgUnitTree.subtreeIds("readerScope"))
                    .append(")");
        }
        return w.toString();
    }

    static Map<String, Object> params(Filter f, LocalDate today) {
        Map<String, Object> p = new HashMap<>();
        p.put("today", Date.valueOf(today));
        if (f.resolution() != null) {
            p.put("resolution", f.resolution());
        }
        if (f.solutionGroup() != null) {
            p.put("solutionGroup", f.solutionGroup());
        }
        if (f.orgUnit() != null) {
            p.put("orgUnit", f.orgUnit());
        }
        if (f.status() != null && f.status() != TaskStatus.OVERDUE) {
            p.put("status", f.status().name());
        }
        if (f.dueBefore() != null) {
            p.put("dueBefore", Date.valueOf(f.dueBefore()));
        }
        if (f.kind() != null) {
            p.put("kind", f.kind().name());
        }
        if (f.parent() != null) {
            p.put("parent", f.parent());
        }
        if (f.reader() != null && !f.reader().everything() && !f.reader().publishedOnly()) {
            p.put("readerScope", f.reader().subtree());
        }
        return p;
    }

    List<String> coordinatingUnits(long taskId) {
        return jdbc.sql("""
                select u.code from task_coordinating_unit c join org_unit u on u.id = c.unit_id
                 where c.task_id = :id order by u.code
                """).param("id", taskId).query(String.class).list();
    }

    private static Task withCoordinating(Task t, List<String> units) {
        return new Task(
                t.id(),
                t.title(),
                t.description(),
                t.resolution(),
                t.solutionGroup(),
                t.leadUnit(),
                t.leadUnitName(),
                units,
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
                t.legalStage(),
                t.resultStatement(),
                t.evidenceUrl(),
                t.completedOn(),
                t.overdueSince(),
                t.lastUpdateOn(),
                t.originalDeadline(),
                t.originalExpectedResult(),
                t.rebaselineCount(),
                t.rebaselineDays(),
                t.createdBy(),
                t.version());
    }

    /** Row values of a task as written; ids resolved by the caller. */
    record Row(
            String title,
            String description,
            String resolution,
            String solutionGroup,
            long leadUnitId,
            String responsiblePerson,
            Long approverUnitId,
            LocalDate startOn,
            LocalDate deadline,
            String expectedResult,
            TaskKind kind,
            long budgetPlanned,
            long budgetAllocated,
            long budgetDisbursed,
            Long parentId,
            int weight,
            TaskStatus status,
            LegalStage legalStage) {}

    long insert(Row r, String path, LocalDate today, String by) {
        Timestamp now = Timestamp.from(Instant.now());
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into task (title, description, resolution_slug, solution_group, lead_unit_id, responsible_person,
                    approver_unit_id, start_on, deadline, deadline_day, expected_result, kind, budget_planned,
                    budget_allocated, budget_disbursed, parent_id, path, weight, status, progress, legal_stage,
                    original_deadline, original_expected_result, created_on, created_by, version, created_at, updated_at)
                values (:title, :description, :resolution, :solutionGroup, :lead, :person, :approver, :startOn,
                    :deadline, :deadlineDay, :expected, :kind, :planned, :allocated, :disbursed, :parent, :path,
                    :weight, :status, 0, :legalStage, :deadline, :expected, :today, :by, 0, :now, :now)
                """)
                .params(rowParams(r))
                .param("path", path)
                .param("today", Date.valueOf(today))
                .param("by", by)
                .param("now", now)
                .update(keys, "id");
        long id = keys.getKey().longValue();
        jdbc.sql("update task set path = :path where id = :id")
                .param("path", path + id + "/")
                .param("id", id)
                .update();
        return id;
    }

    boolean update(long id, Row r, long version) {
        return jdbc.sql("""
                        update task set title = :title, description = :description, solution_group = :solutionGroup,
                            lead_unit_id = :lead, responsible_person = :person, approver_unit_id = :approver,
                            start_on = :startOn, deadline = :deadline, deadline_day = :deadlineDay,
                            expected_result = :expected, kind = :kind, budget_planned = :planned,
                            budget_allocated = :allocated, budget_disbursed = :disbursed, weight = :weight,
                            status = :status, legal_stage = :legalStage, version = version + 1, updated_at = :now,
                            original_deadline = case when status = 'DRAFT' then :deadline else original_deadline end,
                            original_expected_result = case when status = 'DRAFT' then :expected
                                                            else original_expected_result end
                         where id = :id and version = :version
                        """)
                        .params(rowParams(r))
                        .param("now", Timestamp.from(Instant.now()))
                        .param("id", id)
                        .param("version", version)
                        .update()
                == 1;
    }

    private static Map<String, Object> rowParams(Row r) {
        Map<String, Object> p = new HashMap<>();
        p.put("title", r.title());
        p.put("description", r.description());
        p.put("resolution", r.resolution());
        p.put("solutionGroup", r.solutionGroup());
        p.put("lead", r.leadUnitId());
        p.put("person", r.responsiblePerson());
        p.put("approver", r.approverUnitId());
        p.put("startOn", r.startOn() == null ? null : Date.valueOf(r.startOn()));
        p.put("deadline", r.deadline() == null ? null : Date.valueOf(r.deadline()));
        p.put("deadlineDay", r.deadline() == null ? null : (int) r.deadline().toEpochDay());
        p.put("expected", r.expectedResult());
        p.put("kind", r.kind().name());
        p.put("planned", r.budgetPlanned());
        p.put("allocated", r.budgetAllocated());
        p.put("disbursed", r.budgetDisbursed());
        p.put("parent", r.parentId());
        p.put("weight", r.weight());
        p.put("status", r.status().name());
        p.put("legalStage", r.legalStage() == null ? null : r.legalStage().name());
        return p;
    }

    void setCoordinatingUnits(long taskId, List<Long> unitIds) {
        jdbc.sql("delete from task_coordinating_unit where task_id = :id")
                .param("id", taskId)
                .update();
        for (Long u : unitIds) {
            jdbc.sql("insert into task_coordinating_unit (task_id, unit_id) values (:id, :u)")
                    .param("id", taskId)
                    .param("u", u)
                    .update();
        }
    }

    String pathOf(long id) {
        return jdbc.sql("select path from task where id = :id")
                .param("id", id)
                .query(String.class)
                .single();
    }

    TaskStatus storedStatus(long id) {
        return TaskStatus.valueOf(jdbc.sql("select status from task where id = :id")
                .param("id", id)
                .query(String.class)
                .single());
    }

    boolean hasChildren(long id) {
        return jdbc.sql("select count(*) from task where parent_id = :id and status <> 'CANCELLED'")
                        .param("id", id)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** Progress, status and completion after an update; bumps the version (optimistic lock). */
    boolean recordProgress(
            long id,
            int progress,
            TaskStatus status,
            String resultStatement,
            String evidenceUrl,
            LocalDate completedOn,
            LocalDate today,
            long version) {
        return jdbc.sql("""
                        update task set progress = :progress, status = :status,
                            result_statement = coalesce(:result, result_statement),
                            evidence_url = coalesce(:evidence, evidence_url),
                            completed_on = :completedOn, completed_day = :completedDay,
                            last_update_on = :today, version = version + 1, updated_at = :now
                         where id = :id and version = :version
                        """)
                        .param("progress", progress)
                        .param("status", status.name())
                        .param("result", resultStatement)
                        .param("evidence", evidenceUrl)
                        .param("completedOn", completedOn == null ? null : Date.valueOf(completedOn))
                        .param("completedDay", completedOn == null ? null : (int) completedOn.toEpochDay())
                        .param("today", Date.valueOf(today))
                        .param("now", Timestamp.from(Instant.now()))
                        .param("id", id)
                        .param("version", version)
                        .update()
                == 1;
    }

    void insertUpdate(
            long taskId, int progress, TaskStatus status, String note, String evidenceUrl, LocalDate on, String by) {
        jdbc.sql("""
                insert into task_update (task_id, progress, status, note, evidence_url, reported_on, reported_by,
                                         reported_at)
                values (:task, :progress, :status, :note, :evidence, :on, :by, :now)
                """)
                .param("task", taskId)
                .param("progress", progress)
                .param("status", status.name())
                .param("note", note)
                .param("evidence", evidenceUrl)
                .param("on", Date.valueOf(on))
                .param("by", by)
                .param("now", Timestamp.from(Instant.now()))
                .update();
    }

    /** Progress updates of the tasks a unit leads, posted between two days (inclusive), newest first. */
    List<TaskUpdate> updatesOfUnit(String orgUnit, java.time.LocalDate from, java.time.LocalDate to) {
        return jdbc.sql("""
                select u.id, u.task_id, u.progress, u.status, u.note, u.evidence_url, u.reported_on, u.reported_by,
                       u.reported_at
                  from task_update u
                  join task t on t.id = u.task_id
                  join org_unit o on o.id = t.lead_unit_id
                 where o.code = :unit and u.reported_on between :from and :to
                 order by u.id desc
                """)
                .param("unit", orgUnit)
                .param("from", java.sql.Date.valueOf(from))
                .param("to", java.sql.Date.valueOf(to))
                .query((rs, n) -> new TaskUpdate(
                        rs.getLong("id"),
                        rs.getLong("task_id"),
                        rs.getInt("progress"),
                        TaskStatus.valueOf(rs.getString("status")),
                        rs.getString("note"),
                        rs.getString("evidence_url"),
                        rs.getDate("reported_on").toLocalDate(),
                        rs.getString("reported_by"),
                        rs.getTimestamp("reported_at").toInstant()))
                .list();
    }

    /** The task a progress update belongs to. */
    java.util.Optional<Long> taskOfUpdate(long updateId) {
        return jdbc.sql("select task_id from task_update where id = :id")
                .param("id", updateId)
                .query(Long.class)
                .optional();
    }

    List<TaskUpdate> updates(long taskId) {
        return jdbc.sql("""
                select id, task_id, progress, status, note, evidence_url, reported_on, reported_by, reported_at
                  from task_update where task_id = :id order by id desc
                """)
                .param("id", taskId)
                .query((rs, n) -> new TaskUpdate(
                        rs.getLong("id"),
                        rs.getLong("task_id"),
                        rs.getInt("progress"),
                        TaskStatus.valueOf(rs.getString("status")),
                        rs.getString("note"),
                        rs.getString("evidence_url"),
                        rs.getDate("reported_on").toLocalDate(),
                        rs.getString("reported_by"),
                        rs.getTimestamp("reported_at").toInstant()))
                .list();
    }

    /** The parent's stored status and deadline, and its sub-tasks as the status rules read them. */
    record Family(TaskStatus status, LocalDate deadline, List<TaskStatusRules.SubTask> subTasks) {}

    Optional<Family> family(long parentId) {
        return jdbc.sql("select status, deadline from task where id = :id")
                .param("id", parentId)
                .query((rs, n) -> new Family(
                        TaskStatus.valueOf(rs.getString("status")), date(rs, "deadline"), subTasks(parentId)))
                .optional();
    }

    private List<TaskStatusRules.SubTask> subTasks(long parentId) {
        return jdbc.sql("""
                select status, progress, weight, deadline, completed_on from task where parent_id = :id order by id
                """)
                .param("id", parentId)
                .query((rs, n) -> new TaskStatusRules.SubTask(
                        TaskStatus.valueOf(rs.getString("status")),
                        rs.getInt("progress"),
                        rs.getInt("weight"),
                        date(rs, "deadline"),
                        date(rs, "completed_on")))
                .list();
    }

    /** Writes what a parent derives from its sub-tasks; not a version bump: nobody edited the parent itself. */
    void applyDerived(long parentId, TaskStatusRules.Derived d) {
        jdbc.sql("""
                        update task set progress = :progress, status = :status, completed_on = :completedOn,
                            completed_day = :completedDay
                         where id = :id
                        """)
                .param("progress", d.progress())
                .param("status", d.status().name())
                .param("completedOn", d.completedOn() == null ? null : Date.valueOf(d.completedOn()))
                .param(
                        "completedDay",
                        d.completedOn() == null ? null : (int) d.completedOn().toEpochDay())
                .param("id", parentId)
                .update();
    }

    Long parentOf(long id) {
        return jdbc.sql("select parent_id from task where id = :id")
                .param("id", id)
                .query((rs, n) -> (Long) rs.getObject("parent_id", Long.class))
                .optional()
                .orElse(null);
    }

    /** Own plus descendants' budgets: {planned, allocated, disbursed}. */
    BigDecimal[] subtreeBudget(long id) {
        String path = pathOf(id);
        return jdbc.sql("""
                select coalesce(sum(cast(budget_planned as decimal(38, 0))), 0),
                       coalesce(sum(cast(budget_allocated as decimal(38, 0))), 0),
                       coalesce(sum(cast(budget_disbursed as decimal(38, 0))), 0)
                  from task where path like :prefix
                """)
                .param("prefix", path + "%")
                .query((rs, n) -> new BigDecimal[] {rs.getBigDecimal(1), rs.getBigDecimal(2), rs.getBigDecimal(3)})
                .single();
    }

    // Dependencies

    void setDependencies(long taskId, List<Long> prerequisites) {
        jdbc.sql("delete from task_dependency where task_id = :id")
                .param("id", taskId)
                .update();
        for (Long p : prerequisites) {
            jdbc.sql("insert into task_dependency (task_id, prerequisite_id) values (:id, :p)")
                    .param("id", taskId)
                    .param("p", p)
                    .update();
        }
    }

    List<Long> prerequisites(long taskId) {
        return jdbc.sql("select prerequisite_id from task_dependency where task_id = :id order by prerequisite_id")
                .param("id", taskId)
                .query(Long.class)
                .list();
    }

    List<Long> dependents(long taskId) {
        return jdbc.sql("select task_id from task_dependency where prerequisite_id = :id order by task_id")
                .param("id", taskId)
                .query(Long.class)
                .list();
    }

    boolean exists(long id) {
        return jdbc.sql("select count(*) from task where id = :id")
                        .param("id", id)
                        .query(Long.class)
                        .single()
                > 0;
    }

    // Blockers

    void addBlocker(long taskId, String source, String ref, String label) {
        int n = jdbc.sql("""
                        update task_blocker set active = true, label = :label
                         where task_id = :task and source = :source and source_ref = :ref
                        """)
                .param("task", taskId)
                .param("source", source)
                .param("ref", ref)
                .param("label", label)
                .update();
        if (n == 0) {
            jdbc.sql("""
                    insert into task_blocker (task_id, source, source_ref, label, active)
                    values (:task, :source, :ref, :label, true)
                    """)
                    .param("task", taskId)
                    .param("source", source)
                    .param("ref", ref)
                    .param("label", label)
                    .update();
        }
    }

    void clearBlockers(String source, String ref) {
        jdbc.sql("update task_blocker set active = false where source = :source and source_ref = :ref")
                .param("source", source)
                .param("ref", ref)
                .update();
    }

    List<Long> blockedTaskIds(String source, String ref) {
        return jdbc.sql(
                        "select task_id from task_blocker where source = :source and source_ref = :ref order by task_id")
                .param("source", source)
                .param("ref", ref)
                .query(Long.class)
                .list();
    }

    List<TaskBlocker> activeBlockers(long taskId) {
        return jdbc.sql("""
                select source, source_ref, label from task_blocker where task_id = :id and active = true
                 order by source, source_ref
                """)
                .param("id", taskId)
                .query((rs, n) -> new TaskBlocker(rs.getString(1), rs.getString(2), rs.getString(3)))
                .list();
    }

    /** For each blocker ref of a source: the number of tasks and their planned budget (one grouped query). */
    Map<String, long[]> blockSummaries(String source) {
        Map<String, long[]> out = new LinkedHashMap<>();
        jdbc.sql("""
                select b.source_ref, count(*) as tasks, coalesce(sum(cast(t.budget_planned - t.budget_disbursed as decimal(38, 0))), 0) as money
                  from task_blocker b join task t on t.id = b.task_id
                 where b.source = :source
                 group by b.source_ref
                """).param("source", source).query(rs -> {
            out.put(rs.getString(1), new long[] {rs.getLong(2), saturated(rs.getBigDecimal(3))});
        });
        return out;
    }

    // Overdue

    record OverdueRow(long id, LocalDate deadline, String leadUnit, String resolution) {}

    List<OverdueRow> newlyOverdue(LocalDate today) {
        return jdbc.sql("""
                select t.id, t.deadline, u.code, t.resolution_slug from task t join org_unit u on u.id = t.lead_unit_id
                 where t.status in ('NOT_STARTED','ON_TRACK','AT_RISK') and t.deadline < :today
                   and t.overdue_since is null
                 order by t.id
                """)
                .param("today", Date.valueOf(today))
                .query((rs, n) ->
                        new OverdueRow(rs.getLong(1), rs.getDate(2).toLocalDate(), rs.getString(3), rs.getString(4)))
                .list();
    }

    /** False when the day was recorded already (by another instance running the job at the same time). */
    boolean markOverdue(long id, LocalDate since) {
        return jdbc.sql("update task set overdue_since = :since where id = :id and overdue_since is null")
                        .param("since", Date.valueOf(since))
                        .param("id", id)
                        .update()
                == 1;
    }

    // Re-baselining

    long insertRebaseline(
            long taskId,
            LocalDate oldDeadline,
            LocalDate newDeadline,
            String oldExpected,
            String newExpected,
            String reason,
            String by,
            LocalDate on) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into task_rebaseline (task_id, old_deadline, new_deadline, old_expected_result,
                    new_expected_result, reason, state, requested_by, requested_on)
                values (:task, :oldD, :newD, :oldE, :newE, :reason, 'PENDING', :by, :on)
                """)
                .param("task", taskId)
                .param("oldD", oldDeadline == null ? null : Date.valueOf(oldDeadline))
                .param("newD", newDeadline == null ? null : Date.valueOf(newDeadline))
                .param("oldE", oldExpected)
                .param("newE", newExpected)
                .param("reason", reason)
                .param("by", by)
                .param("on", Date.valueOf(on))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    List<Rebaseline> rebaselines(long taskId) {
        return jdbc.sql("""
                select id, task_id, old_deadline, new_deadline, old_expected_result, new_expected_result, reason,
                       state, requested_by, requested_on, decided_by, decided_on
                  from task_rebaseline where task_id = :id order by id
                """).param("id", taskId).query(Tasks::mapRebaseline).list();
    }

    /** Every approved re-baseline of a task past draft, in the order they were asked for: the public log. */
    void forEachApprovedRebaseline(java.util.function.Consumer<Rebaseline> each) {
        jdbc.sql("""
                select r.id, r.task_id, r.old_deadline, r.new_deadline, r.old_expected_result, r.new_expected_result,
                       r.reason, r.state, r.requested_by, r.requested_on, r.decided_by, r.decided_on
                  from task_rebaseline r join task t on t.id = r.task_id
                 where r.state = 'APPROVED' and t.status <> 'DRAFT'
                 order by r.id
                """).query(rs -> {
            each.accept(mapRebaseline(rs, 0));
        });
    }

    Optional<Rebaseline> rebaseline(long id) {
        return jdbc.sql("""
                select id, task_id, old_deadline, new_deadline, old_expected_result, new_expected_result, reason,
                       state, requested_by, requested_on, decided_by, decided_on
                  from task_rebaseline where id = :id
                """).param("id", id).query(Tasks::mapRebaseline).optional();
    }

    void decideRebaseline(long id, String state, String by, LocalDate on) {
        jdbc.sql("update task_rebaseline set state = :state, decided_by = :by, decided_on = :on where id = :id")
                .param("state", state)
                .param("by", by)
                .param("on", Date.valueOf(on))
                .param("id", id)
                .update();
    }

    boolean applyRebaseline(
            long taskId, LocalDate deadline, String expected, int movedDays, LocalDate today, long version) {
        return jdbc.sql("""
                        update task set deadline = :deadline, deadline_day = :deadlineDay, expected_result = :expected,
                            rebaseline_count = rebaseline_count + 1, rebaseline_days = rebaseline_days + :moved,
                            overdue_since = case when :deadline >= :today then null else overdue_since end,
                            version = version + 1, updated_at = :now
                         where id = :id and version = :version
                        """)
                        .param("deadline", Date.valueOf(deadline))
                        .param("deadlineDay", (int) deadline.toEpochDay())
                        .param("expected", expected)
                        .param("moved", movedDays)
                        .param("today", Date.valueOf(today))
                        .param("now", Timestamp.from(Instant.now()))
                        .param("id", taskId)
                        .param("version", version)
                        .update()
                == 1;
    }

    private static Rebaseline mapRebaseline(ResultSet rs, int n) throws SQLException {
        return new Rebaseline(
                rs.getLong("id"),
                rs.getLong("task_id"),
                date(rs, "old_deadline"),
                date(rs, "new_deadline"),
                rs.getString("old_expected_result"),
                rs.getString("new_expected_result"),
                rs.getString("reason"),
                rs.getString("state"),
                rs.getString("requested_by"),
                date(rs, "requested_on"),
                rs.getString("decided_by"),
                date(rs, "decided_on"));
    }

    // Aggregates for other modules

    static String unitScope(boolean exact) {
        return exact ? "(select x.id from org_unit x where x.code = :orgUnit)" : OrgUnitTree.subtreeIds("orgUnit");
    }

    Map<String, BigDecimal[]> countsByStatus(String resolution, String orgUnit, boolean exact, LocalDate today) {
        Map<String, Object> p = new HashMap<>();
        p.put("today", Date.valueOf(today));
        StringBuilder w = new StringBuilder(" where t.status <> 'DRAFT'");
        if (resolution != null) {
            w.append(" and t.resolution_slug = :resolution");
            p.put("resolution", resolution);
        }
        if (orgUnit != null) {
            w.append(" and t.lead_unit_id in ").append(unitScope(exact));
            p.put("orgUnit", orgUnit);
        }
        Map<String, BigDecimal[]> out = new LinkedHashMap<>();
        jdbc.sql("""
                select s, count(*), coalesce(sum(cast(budget_planned as decimal(38, 0))), 0),
                       coalesce(sum(cast(budget_allocated as decimal(38, 0))), 0),
                       coalesce(sum(cast(budget_disbursed as decimal(38, 0))), 0),
                       coalesce(sum(cast(progress as decimal(38, 0))), 0)
                  from (select case when t.status in ('NOT_STARTED','ON_TRACK','AT_RISK') and t.deadline < :today
                                    then 'OVERDUE' else t.status end as s,
                               t.budget_planned, t.budget_allocated, t.budget_disbursed, t.progress
                          from task t
                """ + w + ") x group by s").params(p).query(rs -> {
            out.put(rs.getString(1), new BigDecimal[] {
                BigDecimal.valueOf(rs.getLong(2)),
                rs.getBigDecimal(3),
                rs.getBigDecimal(4),
                rs.getBigDecimal(5),
                rs.getBigDecimal(6)
            });
        });
        return out;
    }

    /**
     * {dueInRange, doneOnTime, doneLate, overdueNow, daysLateTotal, allocated, disbursed, rebaselined,
     * overdueInRange}: the last is the unfinished tasks due in the range whose deadline has passed.
     */
    /** In the unit's subtree, between the two days: {tasks completed, tasks that became overdue}. */
    long[] week(String orgUnit, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                select coalesce(sum(case when t.completed_on between :from and :to then 1 else 0 end), 0),
                       coalesce(sum(case when t.overdue_since between :from and :to then 1 else 0 end), 0)
                  from task t where t.lead_unit_id in """ + unitScope(false))
                .param("from", Date.valueOf(from))
                .param("to", Date.valueOf(to))
                .param("orgUnit", orgUnit)
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)})
                .single();
    }

    long[] scorecard(String orgUnit, boolean exact, LocalDate from, LocalDate to, LocalDate asOf) {
        return jdbc.sql("""
                select
                  coalesce(sum(case when t.deadline between :from and :to then 1 else 0 end), 0),
                  coalesce(sum(case when t.deadline between :from and :to and t.status = 'DONE' then 1 else 0 end), 0),
                  coalesce(sum(case when t.deadline between :from and :to and t.status = 'DONE_LATE' then 1 else 0 end), 0),
                  coalesce(sum(case when t.status in ('NOT_STARTED','ON_TRACK','AT_RISK') and t.deadline < :asOf
                                    then 1 else 0 end), 0),
                  coalesce(sum(case when t.status in ('NOT_STARTED','ON_TRACK','AT_RISK') and t.deadline < :asOf
                                    then :asOfDay - t.deadline_day
                                    when t.status = 'DONE_LATE' and t.deadline between :from and :to
                                    then t.completed_day - t.deadline_day else 0 end), 0),
                  coalesce(sum(cast(t.budget_allocated as decimal(38, 0))), 0),
                  coalesce(sum(cast(t.budget_disbursed as decimal(38, 0))), 0),
                  coalesce(sum(case when t.rebaseline_count > 0 then 1 else 0 end), 0),
                  coalesce(sum(case when t.status in ('NOT_STARTED','ON_TRACK','AT_RISK') and t.deadline < :asOf
                                     and t.deadline between :from and :to then 1 else 0 end), 0)
                  from task t
                 where t.status not in ('DRAFT', 'CANCELLED') and t.lead_unit_id in """ + unitScope(exact))
                .param("from", Date.valueOf(from))
                .param("to", Date.valueOf(to))
                .param("asOf", Date.valueOf(asOf))
                .param("asOfDay", (int) asOf.toEpochDay())
                .param("orgUnit", orgUnit)
                .query((rs, n) -> new long[] {
                    rs.getLong(1),
                    rs.getLong(2),
                    rs.getLong(3),
                    rs.getLong(4),
                    rs.getLong(5),
                    saturated(rs.getBigDecimal(6)),
                    saturated(rs.getBigDecimal(7)),
                    rs.getLong(8),
                    rs.getLong(9)
                })
                .single();
    }

    /** Unfinished tasks led in the unit (or its subtree) with no update since {@code staleBefore}. */
    long countStale(String orgUnit, boolean exact, LocalDate staleBefore) {
        return jdbc.sql("""
                select count(*) from task t
                 where t.status in ('NOT_STARTED','ON_TRACK','AT_RISK')
                   and coalesce(t.last_update_on, t.created_on) < :staleBefore
                   and t.lead_unit_id in """ + unitScope(exact))
                .param("staleBefore", Date.valueOf(staleBefore))
                .param("orgUnit", orgUnit)
                .query(Long.class)
                .single();
    }

    /** Task ids (subset of the given) that exist, with their lead unit codes. */
    Map<Long, String> leadUnitsOf(List<Long> ids) {
        Map<Long, String> out = new HashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        jdbc.sql("select t.id, u.code from task t join org_unit u on u.id = t.lead_unit_id where t.id in (:ids)")
                .param("ids", ids)
                .query(rs -> {
                    out.put(rs.getLong(1), rs.getString(2));
                });
        return out;
    }

    static Task map(ResultSet rs, int n) throws SQLException {
        String en = rs.getString("lead_name_en");
        String legal = rs.getString("legal_stage");
        return new Task(
                rs.getLong("id"),
                rs.getString("title"),
                rs.getString("description"),
                rs.getString("resolution_slug"),
                rs.getString("solution_group"),
                rs.getString("lead_code"),
                rs.getString("lead_name_vi"),
                List.of(),
                rs.getString("responsible_person"),
                rs.getString("approver_code"),
                date(rs, "start_on"),
                date(rs, "deadline"),
                rs.getString("expected_result"),
                TaskKind.valueOf(rs.getString("kind")),
                rs.getLong("budget_planned"),
                rs.getLong("budget_allocated"),
                rs.getLong("budget_disbursed"),
                (Long) rs.getObject("parent_id", Long.class),
                rs.getInt("weight"),
                TaskStatus.valueOf(rs.getString("computed_status")),
                rs.getInt("progress"),
                rs.getBoolean("blocked"),
                rs.getBoolean("stale"),
                legal == null ? null : LegalStage.valueOf(legal),
                rs.getString("result_statement"),
                rs.getString("evidence_url"),
                date(rs, "completed_on"),
                date(rs, "overdue_since"),
                date(rs, "last_update_on"),
                date(rs, "original_deadline"),
                rs.getString("original_expected_result"),
                rs.getInt("rebaseline_count"),
                rs.getInt("rebaseline_days"),
                rs.getString("created_by"),
                rs.getLong("version"));
    }

    static LocalDate date(ResultSet rs, String col) throws SQLException {
        Date d = rs.getDate(col);
        return d == null ? null : d.toLocalDate();
    }

    static List<Long> ids(List<Task> tasks) {
        List<Long> ids = new ArrayList<>();
        tasks.forEach(t -> ids.add(t.id()));
        return ids;
    }

    /** A decimal sum as a long, held at Long.MAX_VALUE: totals over many tasks at the maximum budget. */
    static long saturated(BigDecimal sum) {
        if (sum == null) {
            return 0;
        }
        return sum.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0 ? Long.MAX_VALUE : sum.longValue();
    }
}
