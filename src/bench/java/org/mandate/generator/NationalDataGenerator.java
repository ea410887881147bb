package org.mandate.generator;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import javax.sql.DataSource;
import org.mandate.shared.BulkWriter;
import org.mandate.shared.Period;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Generates the country: communes under every province up to about 3,300, about 200,000 tasks cascading
 * from the resolutions' solution groups down to communes, 300 indicators with a year of weekly, monthly
 * and quarterly values for every commune (about 10 million), 20,000 bottlenecks, the reports every unit
 * owed, and public ratings. The same seed always gives the same data. Runs on top of the demo catalogue
 * (the real provinces, ministries and resolutions).
 */
@Component
class NationalDataGenerator {

    private static final Logger log = LoggerFactory.getLogger(NationalDataGenerator.class);
    private static final String BY = "generator";
    private static final String[] STATUSES = {"NOT_STARTED", "ON_TRACK", "AT_RISK", "DONE", "DONE_LATE", "CANCELLED"};
    private static final String[] KINDS = {"LEGAL_DOCUMENT", "PROJECT", "POLICY", "REPORT", "OTHER"};
    private static final String[] BOTTLENECK_TYPES = {
        "INSTITUTIONAL", "CAPITAL", "LAND", "HUMAN_RESOURCES", "COORDINATION", "TECHNOLOGY", "OTHER"
    };
    private static final String[] SEVERITIES = {"LOW", "MEDIUM", "HIGH", "CRITICAL"};
    private static final String[] AGGREGATIONS = {"SUM", "AVERAGE", "MIN", "MAX", "LAST", "SUM", "AVERAGE"};

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final Clock clock;

    NationalDataGenerator(DataSource dataSource, JdbcClient jdbc, Clock clock) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** How much to generate; {@link #NATIONAL} is the scale of DESIGN.md. */
    record Scale(
            int communes,
            int tasks,
            int indicators,
            int weeklyIndicators,
            int quarterlyIndicators,
            int bottlenecks,
            int ratings) {
        static final Scale NATIONAL = new Scale(3_321, 200_000, 300, 10, 60, 20_000, 100_000);

        static Scale small() {
            return new Scale(400, 5_000, 30, 2, 6, 500, 2_000);
        }
    }

    record Unit(long id, String code, String level, long provinceId) {}

    /** Generates everything; returns row counts by table. */
    Map<String, Long> generate(long seed, Scale scale) throws SQLException {
        SplittableRandom random = new SplittableRandom(seed);
        LocalDate today = LocalDate.now(clock);
        Instant now = clock.instant();
        Map<String, Long> counts = new java.util.LinkedHashMap<>();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            long started = System.nanoTime();
            List<Unit> communes = communes(c, random, scale, now, counts);
            log.info("Generated communes in {} ms", (System.nanoTime() - started) / 1_000_000);
            List<Unit> provinces = units("PROVINCE");
            List<Unit> ministries = units("MINISTRY");
            long t0 = System.nanoTime();
            List<long[]> tasks = tasks(c, random, scale, provinces, ministries, communes, today, now, counts);
            log.info("Generated tasks in {} ms", (System.nanoTime() - t0) / 1_000_000);
            t0 = System.nanoTime();
            indicators(c, random, scale, communes, today, now, counts);
            log.info("Generated indicators and values in {} ms", (System.nanoTime() - t0) / 1_000_000);
            t0 = System.nanoTime();
            bottlenecks(c, random, scale, provinces, communes, tasks, today, now, counts);
            reports(c, random, provinces, communes, today, now, counts);
            ratings(c, random, scale, provinces, communes, now, counts);
            log.info("Generated bottlenecks, reports and ratings in {} ms", (System.nanoTime() - t0) / 1_000_000);
            c.commit();
        }
        restartIdentities();
        analyze();
        return counts;
    }

    private List<Unit> communes(
            Connection c, SplittableRandom random, Scale scale, Instant now, Map<String, Long> counts)
            throws SQLException {
        List<Unit> provinces = units("PROVINCE");
        long existing = jdbc.sql("select count(*) from org_unit where level = 'COMMUNE'")
                .query(Long.class)
                .single();
        long nextId = maxId("org_unit") + 1;
        long root = jdbc.sql("select id from org_unit where parent_id is null order by id limit 1")
                .query(Long.class)
                .single();
        int toMake = (int) Math.max(0, scale.communes() - existing);
        try (BulkWriter units = new BulkWriter(
                        c,
                        "org_unit",
                        "id",
                        "code",
                        "name_vi",
                        "name_en",
                        "name_fr",
                        "name_ru",
                        "level",
                        "parent_id",
                        "leader",
                        "depth",
                        "version",
                        "created_at",
                        "updated_at");
                BulkWriter closure = new BulkWriter(c, "org_unit_closure", "ancestor_id", "descendant_id", "distance")
                        .after(units)) {
            for (int i = 0; i < toMake; i++) {
                Unit province = provinces.get(i % provinces.size());
                int n = i / provinces.size() + 1;
                long id = nextId++;
                String code = province.code() + "-G" + String.format("%03d", n);
                units.row(
                        id,
                        code,
                        "Xã mẫu " + code + " (dữ liệu mẫu)",
                        "Sample commune " + code + " (sample data)",
                        "Commune fictive " + code + " (données d'exemple)",
                        "Условная община " + code + " (демо-данные)",
                        "COMMUNE",
                        province.id(),
                        "Chủ tịch UBND xã",
                        2,
                        0,
                        now,
                        now);
                closure.row(id, id, 0);
                closure.row(province.id(), id, 1);
                closure.row(root, id, 2);
            }
            counts.put("org_unit", units.rows());
        }
        c.commit();
        return units("COMMUNE");
    }

    private List<long[]> tasks(
            Connection c,
            SplittableRandom random,
            Scale scale,
            List<Unit> provinces,
            List<Unit> ministries,
            List<Unit> communes,
            LocalDate today,
            Instant now,
            Map<String, Long> counts)
            throws SQLException {
        List<String[]> groups = jdbc.sql(
                        "select r.slug, g.code from resolution_solution_group g join resolution r on r.id = g.resolution_id order by r.slug, g.position")
                .query((rs, i) -> new String[] {rs.getString(1), rs.getString(2)})
                .list();
        long root = jdbc.sql("select id from org_unit where parent_id is null order by id limit 1")
                .query(Long.class)
                .single();
        Map<Long, List<Unit>> communesByProvince = new HashMap<>();
        communes.forEach(u -> communesByProvince
                .computeIfAbsent(u.provinceId(), k -> new ArrayList<>())
                .add(u));
        // Cascade sizes chosen so that central x middle x communes is about the requested number of tasks;
        // one middle task in four is a ministry's, which has no communes to split into.
        int central = groups.size() * 2;
        int middlePerCentral = 20;
        int provinceMiddles = central * (middlePerCentral - middlePerCentral / 4);
        int perMiddle = (int) Math.ceil(
                Math.max(1.0, (scale.tasks() - central - central * middlePerCentral) / (double) provinceMiddles));
        List<long[]> rows = new ArrayList<>(); // {id, leadUnitId, budgetPlanned}
        long nextId = maxId("task") + 1;
        try (BulkWriter tasks = new BulkWriter(
                        c,
                        "task",
                        "id",
                        "title",
                        "description",
                        "resolution_slug",
                        "solution_group",
                        "lead_unit_id",
                        "responsible_person",
                        "approver_unit_id",
                        "start_on",
                        "deadline",
                        "deadline_day",
                        "expected_result",
                        "kind",
                        "budget_planned",
                        "budget_allocated",
                        "budget_disbursed",
                        "parent_id",
                        "path",
                        "weight",
                        "status",
                        "progress",
                        "legal_stage",
                        "result_statement",
                        "evidence_url",
                        "completed_on",
                        "completed_day",
                        "overdue_since",
                        "last_update_on",
                        "original_deadline",
                        "original_expected_result",
                        "rebaseline_count",
                        "rebaseline_days",
                        "created_on",
                        "created_by",
                        "version",
                        "created_at",
                        "updated_at");
                BulkWriter updates = new BulkWriter(
                                c,
                                "task_update",
                                "task_id",
                                "progress",
                                "status",
                                "note",
                                "evidence_url",
                                "reported_on",
                                "reported_by",
                                "reported_at")
                        .after(tasks)) {
            for (int g = 0; g < central; g++) {
                String[] group = groups.get(g % groups.size());
                long centralId = nextId++;
                String centralPath = "/" + centralId + "/";
                writeTask(tasks, updates, random, centralId, group, root, root, null, centralPath, today, now, rows);
                for (int m = 0; m < middlePerCentral; m++) {
                    boolean ministry = m % 4 == 3;
                    Unit lead = ministry
                            ? ministries.get(random.nextInt(ministries.size()))
                            : provinces.get((g * middlePerCentral + m) % provinces.size());
                    long middleId = nextId++;
                    String middlePath = centralPath + middleId + "/";
                    writeTask(
                            tasks,
                            updates,
                            random,
                            middleId,
                            group,
                            lead.id(),
                            root,
                            centralId,
                            middlePath,
                            today,
                            now,
                            rows);
                    List<Unit> under = communesByProvince.getOrDefault(lead.id(), List.of());
                    for (int k = 0; k < perMiddle && !under.isEmpty(); k++) {
                        Unit commune = under.get(random.nextInt(under.size()));
                        long id = nextId++;
                        writeTask(
                                tasks,
                                updates,
                                random,
                                id,
                                group,
                                commune.id(),
                                lead.id(),
                                middleId,
                                middlePath + id + "/",
                                today,
                                now,
                                rows);
                    }
                }
            }
            counts.put("task", tasks.rows());
            counts.put("task_update", updates.rows());
        }
        return rows;
    }

    private void writeTask(
            BulkWriter tasks,
            BulkWriter updates,
            SplittableRandom random,
            long id,
            String[] group,
            long lead,
            long approver,
            Long parent,
            String path,
            LocalDate today,
            Instant now,
            List<long[]> rows)
            throws SQLException {
        String kind = KINDS[random.nextInt(KINDS.length)];
        LocalDate start = today.minusDays(30 + random.nextInt(300));
        LocalDate deadline = start.plusDays(60 + random.nextInt(500));
        String status = STATUSES[random.nextInt(STATUSES.length)];
        boolean done = status.equals("DONE") || status.equals("DONE_LATE");
        int progress = done ? 100 : status.equals("NOT_STARTED") ? 0 : 5 + random.nextInt(90);
        LocalDate completed = done
                ? (status.equals("DONE")
                        ? deadline.minusDays(random.nextInt(30))
                        : deadline.plusDays(1 + random.nextInt(60)))
                : null;
        if (completed != null && completed.isAfter(today)) {
            completed = today;
        }
        boolean unfinished = !done && !status.equals("CANCELLED");
        LocalDate overdueSince = unfinished && deadline.isBefore(today) ? deadline.plusDays(1) : null;
        long planned = (1 + random.nextInt(500)) * 10_000_000L;
        long allocated = planned * (50 + random.nextInt(51)) / 100;
        long disbursed = allocated * random.nextInt(101) / 100;
        LocalDate lastUpdate = today.minusDays(random.nextInt(60));
        String title = "Nhiệm vụ mẫu " + id + " — " + group[1] + " (dữ liệu mẫu)";
        String expected = kind.equals("LEGAL_DOCUMENT") ? "Nghị định được ban hành" : "Kết quả mẫu " + id;
        tasks.row(
                id,
                title,
                null,
                group[0],
                group[1],
                lead,
                "Cán bộ phụ trách " + (id % 997),
                approver,
                start,
                deadline,
                (int) deadline.toEpochDay(),
                expected,
                kind,
                planned,
                allocated,
                disbursed,
                parent,
                path,
                1,
                status,
                progress,
                kind.equals("LEGAL_DOCUMENT") ? (done ? "IN_FORCE" : "DRAFTING") : null,
                done ? "Đã hoàn thành (dữ liệu mẫu)" : null,
                done ? "https://example.org/evidence/" + id : null,
                completed,
                completed == null ? null : (int) completed.toEpochDay(),
                overdueSince,
                lastUpdate,
                deadline,
                expected,
                0,
                0,
                start,
                BY,
                0,
                now,
                now);
        if (random.nextInt(2) == 0) {
            updates.row(id, progress, status, "Cập nhật mẫu", null, lastUpdate, BY, now);
        }
        rows.add(new long[] {id, lead, planned});
    }

    private void indicators(
            Connection c,
            SplittableRandom random,
            Scale scale,
            List<Unit> communes,
            LocalDate today,
            Instant now,
            Map<String, Long> counts)
            throws SQLException {
        List<String> slugs = jdbc.sql("select slug from resolution order by slug")
                .query(String.class)
                .list();
        long nextId = maxId("indicator") + 1;
        Period thisWeek = Period.of(Period.Type.WEEK, today);
        Period thisMonth = Period.of(Period.Type.MONTH, today);
        Period thisQuarter = Period.of(Period.Type.QUARTER, today);
        List<Period> weeks = Period.range(Period.Type.WEEK, back(thisWeek, 52), thisWeek.previous());
        List<Period> months = Period.range(Period.Type.MONTH, back(thisMonth, 12), thisMonth.previous());
        List<Period> quarters = Period.range(Period.Type.QUARTER, back(thisQuarter, 4), thisQuarter.previous());
        long values = 0;
        // Period columns and the timestamp are formatted once, not for each of millions of rows.
        Map<Period, String[]> periodColumns = new HashMap<>();
        for (List<Period> list : List.of(weeks, months, quarters)) {
            for (Period p : list) {
                periodColumns.put(p, new String[] {
                    p.toString(),
                    p.type().name(),
                    p.start().toString(),
                    p.end().toString(),
                    p.anchor().toString()
                });
            }
        }
        String nowText = now.toString();
        try (BulkWriter indicators = new BulkWriter(
                        c,
                        "indicator",
                        "id",
                        "code",
                        "name_vi",
                        "name_en",
                        "name_fr",
                        "name_ru",
                        "unit",
                        "direction",
                        "periodicity",
                        "aggregation",
                        "baseline_value",
                        "baseline_year",
                        "resolution",
                        "sample",
                        "version",
                        "created_at",
                        "updated_at");
                BulkWriter targets = new BulkWriter(
                                c, "indicator_target", "indicator_id", "target_year", "target_value")
                        .after(indicators);
                BulkWriter data = new BulkWriter(
                                c,
                                "indicator_data_value",
                                "indicator_id",
                                "org_unit_id",
                                "period",
                                "period_type",
                                "start_on",
                                "end_on",
                                "anchor_on",
                                "num_value",
                                "state",
                                "flagged",
                                "entered_by",
                                "entered_at",
                                "version")
                        .after(targets)) {
            for (int i = 0; i < scale.indicators(); i++) {
                long id = nextId++;
                String code = String.format("GEN_I%03d", i + 1);
                String periodicity = i < scale.weeklyIndicators()
                        ? "WEEKLY"
                        : i < scale.weeklyIndicators() + scale.quarterlyIndicators() ? "QUARTERLY" : "MONTHLY";
                String aggregation = AGGREGATIONS[i % AGGREGATIONS.length];
                boolean higher = i % 3 != 0;
                double base = 20 + random.nextInt(80);
                indicators.row(
                        id,
                        code,
                        "Chỉ tiêu mẫu " + (i + 1) + " (dữ liệu mẫu)",
                        "Sample indicator " + (i + 1) + " (sample data)",
                        "Indicateur fictif " + (i + 1) + " (données d'exemple)",
                        "Условный показатель " + (i + 1) + " (демо-данные)",
                        "%",
                        higher ? "HIGHER_IS_BETTER" : "LOWER_IS_BETTER",
                        periodicity,
                        aggregation,
                        base,
                        today.getYear() - 1,
                        slugs.get(i % slugs.size()),
                        true,
                        0,
                        now,
                        now);
                for (int year = today.getYear(); year <= 2030; year++) {
                    targets.row(id, year, higher ? base * 1.2 : base * 0.8);
                }
                List<Period> periods = switch (periodicity) {
                    case "WEEKLY" -> weeks;
                    case "QUARTERLY" -> quarters;
                    default -> months;
                };
                for (Unit u : communes) {
                    double level = base * (0.7 + random.nextDouble() * 0.6);
                    double trend = (random.nextDouble() - 0.3) * 0.02 * base;
                    for (int p = 0; p < periods.size(); p++) {
                        String[] period = periodColumns.get(periods.get(p));
                        double value = Math.round((level + trend * p + random.nextGaussian() * 0.5) * 100) / 100.0;
                        data.row(
                                id,
                                u.id(),
                                period[0],
                                period[1],
                                period[2],
                                period[3],
                                period[4],
                                value,
                                "APPROVED",
                                false,
                                BY,
                                nowText,
                                0);
                        values++;
                    }
                }
                if (i % 25 == 24) {
                    log.info("Indicators {}/{}: {} values so far", i + 1, scale.indicators(), values);
                }
            }
            counts.put("indicator", indicators.rows());
            counts.put("indicator_data_value", data.rows());
        }
    }

    private static Period back(Period p, int n) {
        Period q = p;
        for (int i = 0; i < n; i++) {
            q = q.previous();
        }
        return q;
    }

    private void bottlenecks(
            Connection c,
            SplittableRandom random,
            Scale scale,
            List<Unit> provinces,
            List<Unit> communes,
            List<long[]> tasks,
            LocalDate today,
            Instant now,
            Map<String, Long> counts)
            throws SQLException {
        List<String> slugs = jdbc.sql("select slug from resolution order by slug")
                .query(String.class)
                .list();
        long nextId = maxId("bottleneck") + 1;
        try (BulkWriter bottlenecks = new BulkWriter(
                        c,
                        "bottleneck",
                        "id",
                        "title",
                        "description",
                        "type",
                        "severity",
                        "resolution_slug",
                        "raised_by_unit_id",
                        "owner_unit_id",
                        "original_owner_unit_id",
                        "status",
                        "raised_on",
                        "resolved_on",
                        "resolution_note",
                        "escalation_level",
                        "escalated_on",
                        "created_by",
                        "version",
                        "created_at",
                        "updated_at");
                BulkWriter blockers = new BulkWriter(
                                c, "task_blocker", "task_id", "source", "source_ref", "label", "active")
                        .after(bottlenecks)) {
            java.util.Set<Long> used = new java.util.HashSet<>();
            for (int i = 0; i < scale.bottlenecks(); i++) {
                long id = nextId++;
                long[] task = tasks.get(random.nextInt(tasks.size()));
                Unit owner = provinces.get(random.nextInt(provinces.size()));
                boolean resolved = random.nextInt(3) == 0;
                LocalDate raised = today.minusDays(1 + random.nextInt(240));
                bottlenecks.row(
                        id,
                        "Điểm nghẽn mẫu " + id + " (dữ liệu mẫu)",
                        null,
                        BOTTLENECK_TYPES[random.nextInt(BOTTLENECK_TYPES.length)],
                        SEVERITIES[random.nextInt(SEVERITIES.length)],
                        slugs.get(random.nextInt(slugs.size())),
                        task[1],
                        owner.id(),
                        owner.id(),
                        resolved ? "RESOLVED" : "OPEN",
                        raised,
                        resolved ? raised.plusDays(random.nextInt(60)) : null,
                        resolved ? "Đã tháo gỡ (dữ liệu mẫu)" : null,
                        random.nextInt(3),
                        null,
                        BY,
                        0,
                        now,
                        now);
                for (int k = 0; k < 1 + random.nextInt(3); k++) {
                    long taskId = k == 0 ? task[0] : tasks.get(random.nextInt(tasks.size()))[0];
                    if (used.add(taskId * 100_000 + id % 100_000)) {
                        blockers.row(taskId, "BOTTLENECK", String.valueOf(id), "Điểm nghẽn mẫu " + id, !resolved);
                    }
                }
            }
            counts.put("bottleneck", bottlenecks.rows());
            counts.put("task_blocker", blockers.rows());
        }
    }

    private void reports(
            Connection c,
            SplittableRandom random,
            List<Unit> provinces,
            List<Unit> communes,
            LocalDate today,
            Instant now,
            Map<String, Long> counts)
            throws SQLException {
        List<String> slugs = jdbc.sql("select slug from resolution order by slug")
                .query(String.class)
                .list();
        Period thisWeek = Period.of(Period.Type.WEEK, today);
        Period thisMonth = Period.of(Period.Type.MONTH, today);
        List<Period> periods = new ArrayList<>(Period.range(Period.Type.WEEK, back(thisWeek, 52), thisWeek.previous()));
        periods.addAll(Period.range(Period.Type.MONTH, back(thisMonth, 12), thisMonth.previous()));
        // The demo data already has the reports of the demo units: only the generated communes get theirs.
        List<Unit> reporting =
                communes.stream().filter(u -> u.code().contains("-G")).toList();
        try (BulkWriter reports = new BulkWriter(
                c,
                "report",
                "org_unit_id",
                "resolution",
                "period",
                "period_type",
                "start_on",
                "end_on",
                "due_on",
                "state",
                "submitted_at",
                "submitted_on",
                "submitted_by",
                "decided_at",
                "decided_by",
                "version",
                "created_at")) {
            for (Unit u : reporting) {
                for (String slug : slugs) {
                    for (Period p : periods) {
                        LocalDate due = p.end().plusDays(2);
                        int dice = random.nextInt(20);
                        String state = dice == 0 ? "LATE" : dice == 1 ? "RETURNED" : "APPROVED";
                        LocalDate submitted = state.equals("LATE") ? null : due.minusDays(random.nextInt(3) - 1);
                        reports.row(
                                u.id(),
                                slug,
                                p.toString(),
                                p.type().name(),
                                p.start(),
                                p.end(),
                                due,
                                state,
                                submitted == null
                                        ? null
                                        : submitted
                                                .atStartOfDay(clock.getZone())
                                                .toInstant(),
                                submitted,
                                submitted == null ? null : BY,
                                state.equals("APPROVED") ? now : null,
                                state.equals("APPROVED") ? BY : null,
                                0,
                                now);
                    }
                }
            }
            counts.put("report", reports.rows());
        }
    }

    private void ratings(
            Connection c,
            SplittableRandom random,
            Scale scale,
            List<Unit> provinces,
            List<Unit> communes,
            Instant now,
            Map<String, Long> counts)
            throws SQLException {
        try (BulkWriter ratings = new BulkWriter(
                c,
                "feedback_rating",
                "target_type",
                "target_ref",
                "unit_id",
                "rating",
                "respondent_type",
                "client_hash",
                "period",
                "created_at")) {
            for (int i = 0; i < scale.ratings(); i++) {
                Unit u = i % 3 == 0
                        ? provinces.get(random.nextInt(provinces.size()))
                        : communes.get(random.nextInt(communes.size()));
                Instant at = now.minusSeconds(random.nextInt(365 * 86_400));
                ratings.row(
                        "unit",
                        u.code(),
                        u.id(),
                        1 + random.nextInt(5),
                        random.nextInt(4) == 0 ? "BUSINESS" : "CITIZEN",
                        String.format("%064x", i),
                        at.toString().substring(0, 7),
                        at);
            }
            counts.put("feedback_rating", ratings.rows());
        }
    }

    private List<Unit> units(String level) {
        return jdbc.sql("""
                select u.id, u.code, u.level, coalesce(p.id, u.id) as province_id
                  from org_unit u left join org_unit p on p.id = u.parent_id and p.level = 'PROVINCE'
                 where u.level = :level order by u.id
                """)
                .param("level", level)
                .query((rs, i) -> new Unit(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4)))
                .list();
    }

    private long maxId(String table) {
        return jdbc.sql("select coalesce(max(id), 0) from " + table)
                .query(Long.class)
                .single();
    }

    private void restartIdentities() {
        for (String table : new String[] {
            "org_unit",
            "task",
            "task_update",
            "indicator",
            "indicator_data_value",
            "bottleneck",
            "report",
            "feedback_rating"
        }) {
            long next = maxId(table) + 1;
            jdbc.sql("alter table " + table + " alter column id restart with " + next)
                    .update();
        }
    }

    private void analyze() {
        try {
            jdbc.sql("analyze").update();
        } catch (RuntimeException e) {
            log.debug("ANALYZE not supported here", e);
        }
    }
}
