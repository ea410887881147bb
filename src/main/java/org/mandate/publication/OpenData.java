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

    static final List<String> FILES = List.of(
            "publication.json",
            "org-units.csv",
            "goals.csv",
            "tasks.csv",
            "bottlenecks.csv",
            "indicators.csv",
            "values.csv",
            "data-dictionary.md");

    byte[] file(Map<String, Object> snap, String name) {
        return switch (name) {
            case "org-units.csv" ->
                csv(
                        PublicView.list(snap, "orgUnits"),
                        List.of("code", "level", "parent", "name_vi", "name_en", "name_fr", "name_ru", "leader"),
                        u -> row(
                                u.get("code"),
                                u.get("level"),
                                u.get("parent"),
                                lang(u.get("names"), "vi"),
                                lang(u.get("names"), "en"),
                                lang(u.get("names"), "fr"),
                                lang(u.get("names"), "ru"),
                                u.get("leader")));
            case "goals.csv" ->
                csv(
                        goals(snap),
                        List.of(
                                "resolution",
                                "code",
                                "indicator",
                                "target_value",
                                "target_year",
                                "description_en",
                                "description_vi"),
                        g -> row(
                                g.get("resolution"),
                                g.get("code"),
                                g.get("indicator"),
                                g.get("targetValue"),
                                g.get("targetYear"),
                                lang(g.get("description"), "en"),
                                lang(g.get("description"), "vi")));
            case "tasks.csv" ->
                csv(
                        PublicView.list(snap, "tasks"),
                        List.of(
                                "id",
                                "resolution",
                                "solution_group",
                                "parent",
                                "title",
                                "kind",
                                "lead_unit",
                                "responsible_person",
                                "start_on",
                                "deadline",
                                "expected_result",
                                "status",
                                "progress",
                                "blocked",
                                "budget_planned",
                                "budget_allocated",
                                "budget_disbursed"),
                        t -> row(
                                t.get("id"),
                                t.get("resolution"),
                                t.get("solutionGroup"),
                                t.get("parent"),
                                t.get("title"),
                                t.get("kind"),
                                t.get("leadUnit"),
                                t.get("responsiblePerson"),
                                t.get("startOn"),
                                t.get("deadline"),
                                t.get("expectedResult"),
                                t.get("status"),
                                t.get("progress"),
                                t.get("blocked"),
                                t.get("budgetPlanned"),
                                t.get("budgetAllocated"),
                                t.get("budgetDisbursed")));
            case "bottlenecks.csv" ->
                csv(
                        PublicView.list(snap, "bottlenecks"),
                        List.of(
                                "id",
                                "title",
                                "type",
                                "severity",
                                "status",
                                "raised_by",
                                "owner",
                                "raised_on",
                                "resolved_on",
                                "escalation_level",
                                "blocked_tasks"),
                        b -> row(
                                b.get("id"),
                                b.get("title"),
                                b.get("type"),
                                b.get("severity"),
                                b.get("status"),
                                b.get("raisedBy"),
                                b.get("owner"),
                                b.get("raisedOn"),
                                b.get("resolvedOn"),
                                b.get("escalationLevel"),
                                joined(b.get("blockedTasks"))));
            case "indicators.csv" ->
                csv(
                        PublicView.list(snap, "indicators"),
                        List.of(
                                "code",
                                "resolution",
                                "unit",
                                "direction",
                                "periodicity",
                                "aggregation",
                                "name_vi",
                                "name_en",
                                "name_fr",
                                "name_ru"),
                        i -> row(
                                i.get("code"),
                                i.get("resolution"),
                                i.get("unit"),
                                i.get("direction"),
                                i.get("periodicity"),
                                i.get("aggregation"),
                                lang(i.get("names"), "vi"),
                                lang(i.get("names"), "en"),
                                lang(i.get("names"), "fr"),
                                lang(i.get("names"), "ru")));
            case "values.csv" ->
                csv(
                        values(snap),
                        List.of("indicator", "org_unit", "period", "value"),
                        v -> row(v.get("indicator"), v.get("orgUnit"), v.get("period"), v.get("value")));
            case "data-dictionary.md" -> read("publication/data-dictionary.md");
            default -> throw new NotFoundException("file", name);
        };
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

    private static Object[] row(Object... values) {
        return values;
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

    private static byte[] csv(
            List<Map<String, Object>> rows, List<String> header, Function<Map<String, Object>, Object[]> mapper) {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(
                out,
                CSVFormat.RFC4180
                        .builder()
                        .setHeader(header.toArray(String[]::new))
                        .get())) {
            for (Map<String, Object> row : rows) {
                Object[] cells = mapper.apply(row);
                for (int i = 0; i < cells.length; i++) {
                    cells[i] = SpreadsheetText.cell(cells[i]);
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
