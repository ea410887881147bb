package org.mandate.publication;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * What the public templates ask of a snapshot: texts in the reader's language, lookups and relative
 * links. Links are relative so the same pages work on the live site and from a static export folder.
 */
public class PublicView {

    /** The most rows a page lists in one table; the open data files hold them all. */
    public static final int MAX_ROWS = 200;

    private final Map<String, Object> snap;
    private final String lang;
    private final Index index;
    private final java.util.function.Function<String, String> messages;

    PublicView(Map<String, Object> snap, String lang) {
        this(snap, lang, key -> key, new Index(snap));
    }

    PublicView(
            Map<String, Object> snap, String lang, java.util.function.Function<String, String> messages, Index index) {
        this.snap = snap;
        this.lang = lang;
        this.messages = messages;
        this.index = index;
    }

    /**
     * A snapshot's rows grouped the ways the pages ask for them, built once per publication: a national
     * snapshot has 200,000 tasks and thousands of unit pages, so no page may scan them all.
     */
    static final class Index {
        final Map<String, Map<String, Object>> unitsByCode;
        final Map<String, List<Map<String, Object>>> unitsByLevel;
        final Map<String, List<Map<String, Object>>> childrenByParent;
        final Map<String, List<Map<String, Object>>> tasksByResolution;
        final Map<String, List<Map<String, Object>>> upperTasksByResolution;
        final Map<String, List<Map<String, Object>>> tasksByLead;
        final Map<String, List<Map<String, Object>>> overdueByAncestor;
        final Map<String, List<Map<String, Object>>> bottlenecksByResolution;
        final Map<String, List<Map<String, Object>>> openBottlenecksByOwner;
        final Map<String, Map<String, Object>> indicatorsByCode;

        Index(Map<String, Object> snap) {
            List<Map<String, Object>> units = list(snap, "orgUnits");
            unitsByCode = new java.util.HashMap<>();
            unitsByLevel = new java.util.HashMap<>();
            childrenByParent = new java.util.HashMap<>();
            for (Map<String, Object> u : units) {
                unitsByCode.putIfAbsent((String) u.get("code"), u);
                add(unitsByLevel, (String) u.get("level"), u);
                add(childrenByParent, (String) u.get("parent"), u);
            }
            tasksByResolution = new java.util.HashMap<>();
            upperTasksByResolution = new java.util.HashMap<>();
            tasksByLead = new java.util.HashMap<>();
            overdueByAncestor = new java.util.HashMap<>();
            for (Map<String, Object> t : list(snap, "tasks")) {
                String lead = (String) t.get("leadUnit");
                add(tasksByResolution, (String) t.get("resolution"), t);
                add(tasksByLead, lead, t);
                Map<String, Object> u = unitsByCode.get(lead);
                if (u == null || !"COMMUNE".equals(u.get("level")) && !"DEPARTMENT".equals(u.get("level"))) {
                    add(upperTasksByResolution, (String) t.get("resolution"), t);
                }
                if ("OVERDUE".equals(t.get("status"))) {
                    String c = lead;
                    for (int guard = 0; c != null && guard < 20; guard++) {
                        add(overdueByAncestor, c, t);
                        Map<String, Object> cu = unitsByCode.get(c);
                        c = cu == null ? null : (String) cu.get("parent");
                    }
                }
            }
            bottlenecksByResolution = new java.util.HashMap<>();
            openBottlenecksByOwner = new java.util.HashMap<>();
            for (Map<String, Object> b : list(snap, "bottlenecks")) {
                add(bottlenecksByResolution, (String) b.get("resolution"), b);
                if ("OPEN".equals(b.get("status"))) {
                    add(openBottlenecksByOwner, (String) b.get("owner"), b);
                }
            }
            indicatorsByCode = new java.util.HashMap<>();
            list(snap, "indicators").forEach(i -> indicatorsByCode.putIfAbsent((String) i.get("code"), i));
        }

        private static void add(Map<String, List<Map<String, Object>>> m, String key, Map<String, Object> row) {
            if (key != null) {
                m.computeIfAbsent(key, k -> new java.util.ArrayList<>()).add(row);
            }
        }
    }

    /** At most {@link #MAX_ROWS} of the rows, for a page's table. */
    public List<Map<String, Object>> first(List<Map<String, Object>> rows) {
        return rows.size() <= MAX_ROWS ? rows : rows.subList(0, MAX_ROWS);
    }

    public int maxRows() {
        return MAX_ROWS;
    }

    public String lang() {
        return lang;
    }

    public Locale locale() {
        return Locale.forLanguageTag(lang);
    }

    /** A {vi,en,fr,ru} map in the reader's language, falling back to English then Vietnamese. */
    @SuppressWarnings("unchecked")
    public String text(Object localized) {
        if (!(localized instanceof Map<?, ?> m)) {
            return localized == null ? "" : localized.toString();
        }
        Map<String, Object> t = (Map<String, Object>) m;
        for (String l : new String[] {lang, "en", "vi", "fr", "ru"}) {
            Object v = t.get(l);
            if (v != null && !v.toString().isBlank()) {
                return v.toString();
            }
        }
        return "";
    }

    public List<Map<String, Object>> resolutions() {
        return list(snap, "resolutions");
    }

    public Map<String, Object> resolution(String slug) {
        return resolutions().stream()
                .filter(r -> slug.equals(r.get("slug")))
                .findFirst()
                .orElse(null);
    }

    public List<Map<String, Object>> units(String level) {
        return index.unitsByLevel.getOrDefault(level, List.of());
    }

    public List<Map<String, Object>> children(String code) {
        return index.childrenByParent.getOrDefault(code, List.of());
    }

    public Map<String, Object> unit(String code) {
        return index.unitsByCode.get(code);
    }

    public String unitName(String code) {
        Map<String, Object> u = unit(code);
        return u == null ? Objects.toString(code, "") : text(u.get("names"));
    }

    public String resolutionLink(String slug) {
        return "resolution-" + slug + ".html";
    }

    public String unitLink(String code) {
        return "unit-" + code + ".html";
    }

    public boolean sample() {
        return Boolean.TRUE.equals(snap.get("sampleData"));
    }

    public Object get(String key) {
        return snap.get(key);
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Map<String, Object> map, String key) {
        Object v = map == null ? null : map.get(key);
        return v instanceof List<?> l ? (List<Map<String, Object>>) l : List.of();
    }

    // ---- figures ------------------------------------------------------------------------------------

    @SuppressWarnings("unchecked")
    private Map<String, Object> map(Object o) {
        return o instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    public Map<String, Object> summary() {
        return map(map(snap.get("summaries")).get("national"));
    }

    public Map<String, Object> resolutionSummary(String slug) {
        return map(map(map(snap.get("summaries")).get("resolutions")).get(slug));
    }

    public Map<String, Object> unitSummary(String code) {
        return map(map(map(snap.get("summaries")).get("units")).get(code));
    }

    public boolean hasSummary(String code) {
        return map(map(snap.get("summaries")).get("units")).containsKey(code);
    }

    public List<Map<String, Object>> tasks() {
        return list(snap, "tasks");
    }

    public List<Map<String, Object>> tasksOf(String resolution) {
        return index.tasksByResolution.getOrDefault(resolution, List.of());
    }

    /** The tasks a resolution's page lists: those led at central, ministry and province level. */
    public List<Map<String, Object>> upperTasksOf(String resolution) {
        return index.upperTasksByResolution.getOrDefault(resolution, List.of());
    }

    /** Legal documents are drafted and issued at central, ministry and province level. */
    public List<Map<String, Object>> legalBacklog(String resolution) {
        return upperTasksOf(resolution).stream()
                .filter(t -> "LEGAL_DOCUMENT".equals(t.get("kind")))
                .toList();
    }

    /** True when {@code code} is {@code ancestor} or lies under it. */
    public boolean within(String code, String ancestor) {
        String c = code;
        for (int guard = 0; c != null && guard < 20; guard++) {
            if (c.equals(ancestor)) {
                return true;
            }
            Map<String, Object> u = unit(c);
            c = u == null ? null : (String) u.get("parent");
        }
        return false;
    }

    public List<Map<String, Object>> tasksLedBy(String code) {
        return index.tasksByLead.getOrDefault(code, List.of());
    }

    public List<Map<String, Object>> overdueUnder(String code) {
        return index.overdueByAncestor.getOrDefault(code, List.of());
    }

    /** Open ones first, those blocking the most tasks first: what a reader should see before the page cap. */
    public List<Map<String, Object>> bottlenecksOf(String resolution) {
        return index.bottlenecksByResolution.getOrDefault(resolution, List.of()).stream()
                .sorted(java.util.Comparator.<Map<String, Object>>comparingInt(
                                b -> "OPEN".equals(b.get("status")) ? 0 : 1)
                        .thenComparing(b -> -sizeOf(b.get("blockedTasks"))))
                .toList();
    }

    private static int sizeOf(Object list) {
        return list instanceof List<?> l ? l.size() : 0;
    }

    public List<Map<String, Object>> bottlenecksOwnedBy(String code) {
        return index.openBottlenecksByOwner.getOrDefault(code, List.of());
    }

    public List<Map<String, Object>> indicatorsOf(String resolution) {
        return list(snap, "indicators").stream()
                .filter(i -> resolution.equals(i.get("resolution")))
                .toList();
    }

    public List<Map<String, Object>> goalIndicatorsOf(String resolution) {
        return indicatorsOf(resolution).stream()
                .filter(i -> Boolean.TRUE.equals(i.get("goal")))
                .toList();
    }

    public List<Map<String, Object>> goalIndicators() {
        return list(snap, "indicators").stream()
                .filter(i -> Boolean.TRUE.equals(i.get("goal")))
                .toList();
    }

    public Map<String, Object> indicator(String code) {
        return index.indicatorsByCode.get(code);
    }

    /** Progress of a solution group: its tasks, how many are done, their average progress. */
    public Map<String, Object> groupProgress(String resolution, String group) {
        List<Map<String, Object>> ts = tasksOf(resolution).stream()
                .filter(t -> group.equals(t.get("solutionGroup")))
                .toList();
        long done = ts.stream().filter(t -> isDone(t.get("status"))).count();
        double avg = ts.stream()
                .mapToDouble(t -> ((Number) t.getOrDefault("progress", 0)).doubleValue())
                .average()
                .orElse(0);
        return Map.of("tasks", ts.size(), "done", done, "progress", Math.round(avg));
    }

    public List<Map<String, Object>> appraisalsOf(String resolution) {
        Map<String, Object> r = resolution(resolution);
        java.util.Set<String> groups = new java.util.HashSet<>();
        if (r != null) {
            // Appraisals name a group by its code alone (older ones) or with its resolution (slug/code).
            list(r, "solutionGroups").forEach(g -> {
                groups.add("solution-group:" + g.get("code"));
                groups.add("solution-group:" + resolution + "/" + g.get("code"));
            });
        }
        java.util.Set<String> taskKeys = new java.util.HashSet<>();
        tasksOf(resolution).forEach(t -> taskKeys.add("task:" + t.get("id")));
        return list(snap, "appraisals").stream()
                .filter(a -> groups.contains(a.get("target")) || taskKeys.contains(a.get("target")))
                .toList();
    }

    public List<Map<String, Object>> supervisions() {
        return list(snap, "supervisions");
    }

    public Map<String, Object> rankings() {
        return map(snap.get("rankings"));
    }

    public Map<String, Object> scorecard(String code) {
        Map<String, Object> r = rankings();
        for (String level : new String[] {"PROVINCE", "MINISTRY"}) {
            for (Map<String, Object> s : list(r, level)) {
                if (code.equals(s.get("unit"))) {
                    return s;
                }
            }
        }
        return null;
    }

    static boolean isDone(Object status) {
        return "DONE".equals(status) || "DONE_LATE".equals(status);
    }

    public String msg(String key) {
        return messages.apply(key);
    }

    // ---- charts: ECharts options as JSON, drawn by public.js; the same numbers are in a table ------

    // Keys sorted: chart options are built from Map.of, whose order changes from one JVM to the next, and
    // a page must be the same bytes whichever process renders it (live site, static export, mirror).
    private static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.builder()
            .enable(tools.jackson.databind.SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    private static final String[] STATUS_ORDER = {
        "NOT_STARTED", "ON_TRACK", "AT_RISK", "OVERDUE", "DONE", "DONE_LATE", "CANCELLED"
    };
    private static final String[] STATUS_COLOURS = {
        "#8a94a3", "#1f6f3a", "#b7791f", "#a3141b", "#0b4f9c", "#6b46c1", "#4a5563"
    };

    public List<String> statuses() {
        return List.of(STATUS_ORDER);
    }

    /** A horizontal bar of tasks by status. */
    public String statusChart(Map<String, Object> figures) {
        Map<String, Object> byStatus = map(figures.get("tasksByStatus"));
        List<Object> data = new java.util.ArrayList<>();
        List<String> labels = new java.util.ArrayList<>();
        for (int i = 0; i < STATUS_ORDER.length; i++) {
            labels.add(msg("tasks.status." + STATUS_ORDER[i]));
            Number n = (Number) byStatus.getOrDefault(STATUS_ORDER[i], 0);
            data.add(Map.of("value", n, "itemStyle", Map.of("color", STATUS_COLOURS[i])));
        }
        Map<String, Object> option = new java.util.LinkedHashMap<>();
        option.put("animation", false);
        option.put("grid", Map.of("left", 110, "right", 20, "top", 10, "bottom", 20));
        option.put("xAxis", Map.of("type", "value"));
        option.put("yAxis", Map.of("type", "category", "data", labels, "inverse", true));
        option.put("tooltip", Map.of());
        option.put(
                "series",
                List.of(Map.of("type", "bar", "data", data, "label", Map.of("show", true, "position", "right"))));
        return JSON.writeValueAsString(option);
    }

    /** The national trend of an indicator with its target line. */
    public String trendChart(Map<String, Object> indicator) {
        List<Map<String, Object>> series = list(indicator, "series");
        List<Object> periods = series.stream().map(p -> p.get("period")).collect(Collectors.toList());
        List<Object> values = series.stream().map(p -> p.get("value")).collect(Collectors.toList());
        List<Object> targets = series.stream().map(p -> p.get("target")).collect(Collectors.toList());
        Map<String, Object> option = new java.util.LinkedHashMap<>();
        option.put("animation", false);
        option.put("grid", Map.of("left", 50, "right", 20, "top", 30, "bottom", 40));
        option.put("tooltip", Map.of("trigger", "axis"));
        option.put("legend", Map.of("data", List.of(msg("public.chart.value"), msg("public.chart.target"))));
        option.put("xAxis", Map.of("type", "category", "data", periods));
        option.put("yAxis", Map.of("type", "value", "scale", true));
        option.put(
                "series",
                List.of(
                        Map.of(
                                "name",
                                msg("public.chart.value"),
                                "type",
                                "line",
                                "data",
                                values,
                                "connectNulls",
                                true,
                                "itemStyle",
                                Map.of("color", "#0b4f9c")),
                        Map.of(
                                "name",
                                msg("public.chart.target"),
                                "type",
                                "line",
                                "data",
                                targets,
                                "symbol",
                                "none",
                                "lineStyle",
                                Map.of("type", "dashed", "color", "#a3141b"),
                                "itemStyle",
                                Map.of("color", "#a3141b"))));
        return JSON.writeValueAsString(option);
    }

    // ---- the province grid: the 34 provinces roughly where they lie on the map -------------------------

    private static final String[][] GRID = {
        {"DIENBIEN", "LAICHAU", "LAOCAI", "TUYENQUANG", "CAOBANG"},
        {null, "SONLA", "PHUTHO", "THAINGUYEN", "LANGSON"},
        {null, null, "HANOI", "BACNINH", "QUANGNINH"},
        {null, null, "NINHBINH", "HUNGYEN", "HAIPHONG"},
        {null, null, "THANHHOA", null, null},
        {null, null, "NGHEAN", null, null},
        {null, null, "HATINH", null, null},
        {null, null, "QUANGTRI", null, null},
        {null, null, null, "HUE", null},
        {null, null, null, "DANANG", null},
        {null, null, null, "QUANGNGAI", null},
        {null, null, null, "GIALAI", null},
        {null, null, null, "DAKLAK", "KHANHHOA"},
        {null, null, null, "LAMDONG", null},
        {null, "TAYNINH", "DONGNAI", "HCM", null},
        {null, "DONGTHAP", "VINHLONG", null, null},
        {"ANGIANG", "CANTHO", null, null, null},
        {null, "CAMAU", null, null, null}
    };

    /** Tiles of the province grid with the measures a reader can colour it by. */
    public List<Map<String, Object>> provinceTiles() {
        List<Map<String, Object>> tiles = new java.util.ArrayList<>();
        for (int row = 0; row < GRID.length; row++) {
            for (int col = 0; col < GRID[row].length; col++) {
                String code = GRID[row][col];
                if (code == null || unit(code) == null) {
                    continue;
                }
                Map<String, Object> f = unitSummary(code);
                Map<String, Object> card = scorecard(code);
                Map<String, Object> reports = map(f.get("reports"));
                Map<String, Object> tile = new java.util.LinkedHashMap<>();
                tile.put("code", code);
                tile.put("row", row + 1);
                tile.put("col", col + 1);
                tile.put("name", unitName(code));
                tile.put("percentDone", round(f.get("percentDone")));
                tile.put("overdue", f.getOrDefault("overdue", 0));
                tile.put("reports", reports.get("percent") == null ? null : round(reports.get("percent")));
                tile.put("score", card == null ? null : card.get("score"));
                tile.put("rank", card == null ? null : card.get("rank"));
                tiles.add(tile);
            }
        }
        return tiles;
    }

    private static Object round(Object n) {
        return n instanceof Number x ? Math.round(x.doubleValue() * 10) / 10.0 : null;
    }

    /** A 0–4 colour class for a value of a measure, higher is better unless {@code lowerIsBetter}. */
    public int bucket(Object value, double low, double high, boolean lowerIsBetter) {
        if (!(value instanceof Number n)) {
            return -1;
        }
        double v = n.doubleValue();
        double share = high == low ? 0.5 : (v - low) / (high - low);
        share = Math.max(0, Math.min(1, lowerIsBetter ? 1 - share : share));
        return (int) Math.min(4, Math.floor(share * 5));
    }
}
