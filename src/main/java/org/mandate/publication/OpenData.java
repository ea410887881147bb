package org.mandate.publication;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.mandate.shared.NotFoundException;
import org.mandate.shared.SpreadsheetText;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The open-data files of a publication, derived from its frozen snapshot: the whole snapshot as JSON,
 * and one CSV per kind of record, described in the data dictionary.
 */
@Component
class OpenData {

    /** A column of an open-data file: its header, what it means (for the dictionary) and how a row fills it. */
    record Column(String name, String meaning, Function<Map<String, Object>, Object> value) {}

    /** A CSV file: its name, what one row is, where the rows come from in the snapshot, its columns. */
    record Table(
            String file,
            String rows,
            Function<Map<String, Object>, List<Map<String, Object>>> source,
            List<Column> columns) {}

    /** The top-level fields of publication.json and what each holds; a test holds the snapshot to this list. */
    static final Map<String, String> JSON_FIELDS = jsonFields();

    /** Every CSV, defined once: the files and the data dictionary are both written from these. */
    static final List<Table> TABLES = List.of(
            new Table(
                    "org-units.csv",
                    "one organisational unit",
                    snap -> PublicView.list(snap, "orgUnits"),
                    List.of(
                            col("code", "unique code of the unit", "code"),
                            col("level", "CENTRAL, MINISTRY, PROVINCE, DEPARTMENT, COMMUNE", "level"),
                            col("parent", "code of the unit above it", "parent"),
                            name("vi"),
                            name("en"),
                            name("fr"),
                            name("ru"),
                            col("leader", "the leader's title", "leader"))),
            new Table(
                    "goals.csv",
                    "one goal of a resolution",
                    OpenData::goals,
                    List.of(
                            col("resolution", "resolution slug, e.g. 70-nq-tw", "resolution"),
                            col("code", "goal code, unique within its resolution", "code"),
                            col("indicator", "the indicator that measures the goal", "indicator"),
                            col("target_value", "the value to reach", "targetValue"),
                            col("target_year", "the year it is to be reached by", "targetYear"),
                            new Column("description_en", "the goal, in English", r -> lang(r.get("description"), "en")),
                            new Column(
                                    "description_vi",
                                    "the goal, in Vietnamese",
                                    r -> lang(r.get("description"), "vi")))),
            new Table(
                    "tasks.csv",
                    "one published task (drafts are never published)",
                    snap -> PublicView.list(snap, "tasks"),
                    List.of(
                            col("id", "task number", "id"),
                            col("resolution", "slug of the resolution the task implements", "resolution"),
                            col(
                                    "solution_group",
                                    "code of its solution group, unique within the resolution",
                                    "solutionGroup"),
                            col("parent", "id of the task it was split from", "parent"),
                            col("title", "clear work: what is to be done", "title"),
                            col("kind", "LEGAL_DOCUMENT, PROJECT, POLICY, REPORT, OTHER", "kind"),
                            col("lead_unit", "clear responsibility: code of the unit that leads it", "leadUnit"),
                            col(
                                    "responsible_person",
                                    "clear people: the person answerable for it",
                                    "responsiblePerson"),
                            col("start_on", "clear time: the start date", "startOn"),
                            col("deadline", "clear time: the deadline (as moved, if it was)", "deadline"),
                            col(
                                    "original_deadline",
                                    "the deadline first set, before any re-baselining (see rebaselines.csv)",
                                    "originalDeadline"),
                            col(
                                    "rebaseline_count",
                                    "how many times an approved re-baselining moved the deadline or changed the result",
                                    "rebaselineCount"),
                            col(
                                    "rebaseline_days",
                                    "days the deadline was moved in all (negative when brought forward)",
                                    "rebaselineDays"),
                            col("expected_result", "clear result: what done looks like", "expectedResult"),
                            col(
                                    "status",
                                    "NOT_STARTED, ON_TRACK, AT_RISK, OVERDUE, DONE, DONE_LATE, CANCELLED",
                                    "status"),
                            col("progress", "0–100", "progress"),
                            col(
                                    "days_late",
                                    "days past the deadline when it was finished (0 when on time)",
                                    "daysLate"),
                            col(
                                    "blocked",
                                    "true when an open bottleneck or an unfinished prerequisite holds it",
                                    "blocked"),
                            col("budget_planned", "planned budget, VND (at most 10^15)", "budgetPlanned"),
                            col("budget_allocated", "allocated budget, VND (at most 10^15)", "budgetAllocated"),
                            col("budget_disbursed", "disbursed budget, VND (at most 10^15)", "budgetDisbursed"))),
            new Table(
                    "rebaselines.csv",
                    "one approved change of a published task's deadline or expected result, oldest first",
                    snap -> PublicView.list(snap, "rebaselines"),
                    List.of(
                            col("id", "re-baselining number", "id"),
                            col("task", "id of the task (see tasks.csv)", "task"),
                            col("old_deadline", "the deadline before the change", "oldDeadline"),
                            col("new_deadline", "the deadline after it", "newDeadline"),
                            col("days", "days the deadline moved (negative when brought forward)", "days"),
                            col("old_expected_result", "the expected result before the change", "oldExpectedResult"),
                            col("new_expected_result", "the expected result after it", "newExpectedResult"),
                            col("reason", "why, as the requester wrote it", "reason"),
                            col("requested_by", "account that asked for the change", "requestedBy"),
                            col("requested_on", "date asked", "requestedOn"),
                            col("approved_by", "account that approved it", "approvedBy"),
                            col("approved_on", "date approved: the change took effect then", "approvedOn"))),
            new Table(
                    "bottlenecks.csv",
                    "one bottleneck",
                    snap -> PublicView.list(snap, "bottlenecks"),
                    List.of(
                            col("id", "bottleneck number", "id"),
                            col("title", "what is blocked and why", "title"),
                            col(
                                    "type",
                                    "INSTITUTIONAL, CAPITAL, LAND, HUMAN_RESOURCES, COORDINATION, TECHNOLOGY, OTHER",
                                    "type"),
                            col("severity", "LOW, MEDIUM, HIGH, CRITICAL", "severity"),
                            col("resolution", "slug of the resolution it concerns", "resolution"),
                            col("status", "open or resolved", "status"),
                            col("raised_by", "code of the unit that raised it", "raisedBy"),
                            col("owner", "code of the unit that must resolve it", "owner"),
                            col("raised_on", "date raised", "raisedOn"),
                            col("resolved_on", "date resolved", "resolvedOn"),
                            col("escalation_level", "how many levels it was escalated", "escalationLevel"),
                            new Column(
                                    "blocked_tasks",
                                    "ids of the tasks it blocks, space-separated",
                                    r -> joined(r.get("blockedTasks"))))),
            new Table(
                    "indicators.csv",
                    "one indicator",
                    snap -> PublicView.list(snap, "indicators"),
                    List.of(
                            col("code", "indicator code", "code"),
                            col("resolution", "slug of the resolution it measures", "resolution"),
                            col("unit", "unit of measure", "unit"),
                            col("direction", "HIGHER_IS_BETTER or LOWER_IS_BETTER", "direction"),
                            col("periodicity", "WEEKLY, MONTHLY, QUARTERLY, YEARLY", "periodicity"),
                            col(
                                    "aggregation",
                                    "how values add up the organisation tree: SUM, AVERAGE, WEIGHTED_AVERAGE, MIN, MAX, LAST"
                                            + " (see the roll-up rule below)",
                                    "aggregation"),
                            name("vi"),
                            name("en"),
                            name("fr"),
                            name("ru"))),
            new Table(
                    "values.csv",
                    "one published value of an indicator: the national series and each province's latest value of a"
                            + " goal's indicator",
                    OpenData::values,
                    List.of(
                            col("indicator", "indicator code", "indicator"),
                            col("org_unit", "unit code (national figures use the central unit's code)", "orgUnit"),
                            col("period", "the period", "period"),
                            col(
                                    "value",
                                    "the unit's approved value, or, when it reported none, the value computed from the"
                                            + " units under it by the roll-up rule below",
                                    "value"))));

    static final List<String> FILES = files();

    private static List<String> files() {
        List<String> out = new java.util.ArrayList<>();
        out.add("publication.json");
        TABLES.forEach(t -> out.add(t.file()));
        out.add("data-dictionary.md");
        return List.copyOf(out);
    }

    private static Map<String, String> jsonFields() {
        Map<String, String> f = new java.util.LinkedHashMap<>();
        f.put("schema", "version of this format");
        f.put("kind", "WEEKLY, MONTHLY or MANUAL");
        f.put("period", "the period published, e.g. 2025W42 or 2025-10");
        f.put("publishedAt", "instant of publication, ISO UTC");
        f.put("asOf", "the date the figures are computed for");
        f.put("sampleData", "true when the figures are demonstration data, not official statistics");
        f.put("orgUnits", "the organisation tree (see org-units.csv)");
        f.put("resolutions", "the resolutions with their `goals` and `solutionGroups`");
        f.put("tasks", "published tasks (see tasks.csv)");
        f.put("rebaselines", "approved changes of published tasks' deadlines and results (see rebaselines.csv)");
        f.put("bottlenecks", "bottlenecks (see bottlenecks.csv)");
        f.put("indicators", "indicators with their national `series`, `latest` status and approved `values`");
        f.put("summaries", "task, budget and bottleneck figures: `national`, per resolution and per unit");
        f.put("rankings", "the period's scorecards per level: score 0–100, coverage, rank or not enough data");
        f.put("appraisals", "published expert appraisals");
        f.put("supervisions", "published supervision findings");
        return java.util.Collections.unmodifiableMap(f);
    }

    private static Column col(String name, String meaning, String field) {
        return new Column(name, meaning, r -> r.get(field));
    }

    private static Column name(String language) {
        return new Column(
                "name_" + language,
                "name in "
                        + Map.of("vi", "Vietnamese", "en", "English", "fr", "French", "ru", "Russian")
                                .get(language),
                r -> lang(r.get("names"), language));
    }

    byte[] file(Map<String, Object> snap, String name) {
        if (name.equals("data-dictionary.md")) {
            return dictionary().getBytes(StandardCharsets.UTF_8);
        }
        Table table = TABLES.stream()
                .filter(t -> t.file().equals(name))
                .findFirst()
                .orElseThrow(() -> new NotFoundException("file", name));
        return csv(table, table.source().apply(snap));
    }

    /** The data dictionary: the fixed prose around the sections generated from {@link #TABLES}. */
    static String dictionary() {
        StringBuilder md =
                new StringBuilder(new String(read("publication/data-dictionary.md"), StandardCharsets.UTF_8).strip());
        md.append("\n\n## publication.json\n| field | meaning |\n|---|---|\n");
        JSON_FIELDS.forEach(
                (k, v) -> md.append("| ").append(k).append(" | ").append(v).append(" |\n"));
        for (Table t : TABLES) {
            md.append("\n## ")
                    .append(t.file())
                    .append("\nOne row is ")
                    .append(t.rows())
                    .append(".\n\n");
            md.append("| column | meaning |\n|---|---|\n");
            for (Column c : t.columns()) {
                md.append("| ")
                        .append(c.name())
                        .append(" | ")
                        .append(c.meaning())
                        .append(" |\n");
            }
        }
        md.append("\n")
                .append(new String(read("publication/roll-up-rule.md"), StandardCharsets.UTF_8).strip())
                .append("\n");
        return md.toString();
    }

    private static List<Map<String, Object>> goals(Map<String, Object> snap) {
        return PublicView.list(snap, "resolutions").stream()
                .flatMap(r -> PublicView.list(r, "goals").stream().map(g -> {
                    Map<String, Object> row = new java.util.LinkedHashMap<>(g);
                    row.put("resolution", r.get("slug"));
                    return row;
                }))
                .toList();
    }

    private static List<Map<String, Object>> values(Map<String, Object> snap) {
        return PublicView.list(snap, "indicators").stream()
                .flatMap(i -> PublicView.list(i, "values").stream().map(v -> {
                    Map<String, Object> row = new java.util.LinkedHashMap<>(v);
                    row.put("indicator", i.get("code"));
                    return row;
                }))
                .toList();
    }

    @SuppressWarnings("unchecked")
    private static Object lang(Object localized, String lang) {
        return localized instanceof Map<?, ?> m ? ((Map<String, Object>) m).get(lang) : null;
    }

    private static String joined(Object list) {
        return list instanceof List<?> l
                ? String.join(" ", l.stream().map(String::valueOf).toList())
                : null;
    }

    private static byte[] csv(Table table, List<Map<String, Object>> rows) {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(
                out,
                CSVFormat.RFC4180
                        .builder()
                        .setHeader(table.columns().stream().map(Column::name).toArray(String[]::new))
                        .get())) {
            for (Map<String, Object> row : rows) {
                Object[] cells = new Object[table.columns().size()];
                for (int i = 0; i < cells.length; i++) {
                    cells[i] =
                            SpreadsheetText.cell(table.columns().get(i).value().apply(row));
                }
                printer.printRecord(cells);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] read(String path) {
        try (InputStream in = new ClassPathResource(path).getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
