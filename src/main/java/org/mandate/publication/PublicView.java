package org.mandate.publication;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.mandate.shared.Figures;

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
    private final java.util.function.BiFunction<String, Object[], String> messages;

    PublicView(Map<String, Object> snap, String lang) {
        this(snap, lang, (key, args) -> key, new Index(snap));
    }

    PublicView(
            Map<String, Object> snap,
            String lang,
            java.util.function.BiFunction<String, Object[], String> messages,
            Index index) {
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
        final Map<Object, Map<String, Object>> tasksById;
        final Map<Object, List<Map<String, Object>>> rebaselinesByTask;
        final Map<String, List<Map<String, Object>>> openBottlenecksByAncestor;

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
            tasksById = new java.util.HashMap<>();
            tasksByResolution = new java.util.HashMap<>();
            upperTasksByResolution = new java.util.HashMap<>();
            tasksByLead = new java.util.HashMap<>();
            overdueByAncestor = new java.util.HashMap<>();
            for (Map<String, Object> t : list(snap, "tasks")) {
                tasksById.put(key(t.get("id")), t);
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
            openBottlenecksByAncestor = new java.util.HashMap<>();
            for (Map<String, Object> b : list(snap, "bottlenecks")) {
                add(bottlenecksByResolution, (String) b.get("resolution"), b);
                if ("OPEN".equals(b.get("status"))) {
                    add(openBottlenecksByOwner, (String) b.get("owner"), b);
                    String c = (String) b.get("owner");
                    for (int guard = 0; c != null && guard < 20; guard++) {
                        add(openBottlenecksByAncestor, c, b);
                        Map<String, Object> cu = unitsByCode.get(c);
                        c = cu == null ? null : (String) cu.get("parent");
                    }
                }
            }
            rebaselinesByTask = new java.util.HashMap<>();
            for (Map<String, Object> r : list(snap, "rebaselines")) {
                rebaselinesByTask
                        .computeIfAbsent(key(r.get("task")), k -> new java.util.ArrayList<>())
                        .add(r);
            }
            indicatorsByCode = new java.util.HashMap<>();
            list(snap, "indicators").forEach(i -> indicatorsByCode.putIfAbsent((String) i.get("code"), i));
        }

        /** Ids are read back from JSON as Integer or Long: one key for both. */
        static Object key(Object id) {
            return id instanceof Number n ? (Object) n.longValue() : id;
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

    /** A count from a snapshot: any number as a long, anything else 0. */
    static long count(Object n) {
        return n instanceof Number x ? x.longValue() : 0;
    }

    /** How many tasks of a set of figures are done, on time or late. */
    public long done(Map<String, Object> figures) {
        Map<String, Object> byStatus = map(figures.get("tasksByStatus"));
        return count(byStatus.get("DONE")) + count(byStatus.get("DONE_LATE"));
    }

    /** How many bottlenecks are open in a set of figures, all types together. */
    public long openBottlenecks(Map<String, Object> figures) {
        return map(figures.get("openBottlenecksByType")).values().stream()
                .mapToLong(n -> n instanceof Number x ? x.longValue() : 0)
                .sum();
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

    /** The key indicators with an approved figure for a province: each as {indicator, status}. */
    public List<Map<String, Object>> indicatorsAt(String unit) {
        List<Map<String, Object>> rows = new java.util.ArrayList<>();
        for (Map<String, Object> i : goalIndicators()) {
            Map<String, Object> s = map(map(i.get("provinces")).get(unit));
            if (s.get("value") != null) {
                rows.add(Map.of("indicator", i, "status", s));
            }
        }
        return rows;
    }

    /**
     * The year of a card's target: this year's point on the way to the final target. Publications made
     * before the field existed hold only the period, whose year it is.
     */
    public Object targetYear(Map<String, Object> status) {
        if (status == null || status.get("target") == null) {
            return null;
        }
        Object y = status.get("targetYear");
        if (y != null) {
            return y;
        }
        Object period = status.get("period");
        return period == null
                ? null
                : org.mandate.shared.Period.parse(period.toString()).year();
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
        return messages.apply(key, null);
    }

    /** A message with its placeholders filled (numbers already written by {@link Figures}). */
    public String msg(String key, Object... args) {
        return messages.apply(key, args);
    }

    // ---- the re-baselining log ------------------------------------------------------------------------

    /** The approved changes of a task's deadline or expected result, oldest first. */
    public List<Map<String, Object>> rebaselinesOf(Object task) {
        return index.rebaselinesByTask.getOrDefault(Index.key(task), List.of());
    }

    /** Every approved re-baselining in the publication, the latest first. */
    public List<Map<String, Object>> rebaselines() {
        List<Map<String, Object>> all = new java.util.ArrayList<>(list(snap, "rebaselines"));
        java.util.Collections.reverse(all);
        return all;
    }

    /**
     * How many tasks led by the unit and the units under it had their deadline or result moved, and how many
     * times in all: {tasks, times}.
     */
    public long[] rebaselinedUnder(String code) {
        long[] out = {0, 0};
        java.util.ArrayDeque<String> units = new java.util.ArrayDeque<>(List.of(code));
        java.util.Set<String> seen = new java.util.HashSet<>();
        while (!units.isEmpty()) {
            String u = units.pop();
            if (!seen.add(u)) {
                continue;
            }
            for (Map<String, Object> t : tasksLedBy(u)) {
                long times = count(t.get("rebaselineCount"));
                if (times > 0) {
                    out[0]++;
                    out[1] += times;
                }
            }
            children(u).forEach(c -> units.push((String) c.get("code")));
        }
        return out;
    }

    /** How many of the re-baselinings are not among {@code before}. */
    public long countNew(List<Map<String, Object>> rebaselines, java.util.Set<Object> before) {
        return rebaselines.stream().filter(r -> isNew(r, before)).count();
    }

    /** The task a re-baselining changed, or an empty map. */
    public Map<String, Object> task(Object id) {
        Map<String, Object> t = index.tasksById.get(Index.key(id));
        return t == null ? Map.of() : t;
    }

    /** "deadline moved 2 times, 75 days in all", in the reader's language; empty when it never moved. */
    public String movedLine(Map<String, Object> task) {
        long times = count(task.get("rebaselineCount"));
        if (times == 0) {
            return "";
        }
        Figures fmt = Figures.of(lang);
        return msg(
                "public.rebaselines.moved." + (times == 1 ? "once" : "times"),
                fmt.integer(times),
                fmt.integer(count(task.get("rebaselineDays"))));
    }

    /** True when the re-baselining is not among {@code before} (the ids the previous publication held). */
    public boolean isNew(Map<String, Object> rebaseline, java.util.Set<Object> before) {
        return !before.contains(Index.key(rebaseline.get("id")));
    }

    // ---- the headline in words ---------------------------------------------------------------------

    /**
     * The figures a headline says, for the country ({@code national}), a resolution ({@code resolution}, its
     * slug) or a unit and the units under it ({@code unit}, its code). Goals are counted only where some are
     * known ({@code goals} null otherwise): a resolution's goals, whose indicator's latest national figure meets
     * this year's point on the way to the target; a province's key indicators with a figure there. Overdue
     * days are counted to the publication's day; the money of the bottlenecks is what the tasks they block
     * still have to spend (planned less disbursed), each task once.
     */
    public record HeadlineFigures(
            Long goalsOnTrack,
            Long goals,
            long done,
            long tasks,
            long overdue,
            long oldestOverdueDays,
            long openBottlenecks,
            long blockedMoney) {}

    public HeadlineFigures headlineFigures(String scope, String key) {
        Map<String, Object> figures;
        List<Map<String, Object>> overdueRows;
        List<Map<String, Object>> open;
        Long goals = null;
        Long onTrack = null;
        switch (scope) {
            case "national" -> {
                figures = summary();
                overdueRows = tasks().stream()
                        .filter(t -> "OVERDUE".equals(t.get("status")))
                        .toList();
                open = list(snap, "bottlenecks").stream()
                        .filter(b -> "OPEN".equals(b.get("status")))
                        .toList();
                long[] g = {0, 0};
                resolutions().forEach(r -> countGoals(r, g));
                if (g[0] > 0) {
                    goals = g[0];
                    onTrack = g[1];
                }
            }
            case "resolution" -> {
                figures = resolutionSummary(key);
                overdueRows = tasksOf(key).stream()
                        .filter(t -> "OVERDUE".equals(t.get("status")))
                        .toList();
                open = index.bottlenecksByResolution.getOrDefault(key, List.of()).stream()
                        .filter(b -> "OPEN".equals(b.get("status")))
                        .toList();
                Map<String, Object> r = resolution(key);
                long[] g = {0, 0};
                if (r != null) {
                    countGoals(r, g);
                }
                if (g[0] > 0) {
                    goals = g[0];
                    onTrack = g[1];
                }
            }
            case "unit" -> {
                overdueRows = overdueUnder(key);
                open = index.openBottlenecksByAncestor.getOrDefault(key, List.of());
                if (hasSummary(key)) {
                    figures = unitSummary(key);
                } else {
                    // Communes and departments have no summary of their own: they lead their tasks themselves.
                    figures = figuresOf(tasksLedBy(key), overdueRows.size());
                }
                List<Map<String, Object>> known = indicatorsAt(key).stream()
                        .filter(row -> map(row.get("status")).get("onTrack") != null)
                        .toList();
                if (!known.isEmpty()) {
                    goals = (long) known.size();
                    onTrack = known.stream()
                            .filter(row ->
                                    Boolean.TRUE.equals(map(row.get("status")).get("onTrack")))
                            .count();
                }
            }
            default -> throw new IllegalArgumentException(scope);
        }
        LocalDate asOf = LocalDate.parse((String) snap.get("asOf"));
        long oldest = 0;
        for (Map<String, Object> t : overdueRows) {
            if (t.get("deadline") instanceof String d) {
                oldest = Math.max(oldest, java.time.temporal.ChronoUnit.DAYS.between(LocalDate.parse(d), asOf));
            }
        }
        java.util.Set<Object> blocked = new java.util.HashSet<>();
        // blockedTasks is a list of ids, not of rows: read through the untyped list.
        for (Map<String, Object> b : open) {
            if (b.get("blockedTasks") instanceof List<?> ids) {
                ids.forEach(id -> blocked.add(Index.key(id)));
            }
        }
        long money = 0;
        for (Object id : blocked) {
            Map<String, Object> t = index.tasksById.get(id);
            if (t != null) {
                money += Math.max(0, count(t.get("budgetPlanned")) - count(t.get("budgetDisbursed")));
            }
        }
        return new HeadlineFigures(
                onTrack,
                goals,
                done(figures),
                count(figures.get("tasks")),
                count(figures.get("overdue")),
                oldest,
                openBottlenecks(figures),
                money);
    }

    private void countGoals(Map<String, Object> resolution, long[] into) {
        for (Map<String, Object> g : list(resolution, "goals")) {
            into[0]++;
            Map<String, Object> i = indicator((String) g.get("indicator"));
            if (i != null && Boolean.TRUE.equals(map(i.get("latest")).get("onTrack"))) {
                into[1]++;
            }
        }
    }

    /** The headline figures of a set of task rows (no drafts are published), for units without a summary. */
    private static Map<String, Object> figuresOf(List<Map<String, Object>> rows, long overdue) {
        Map<String, Object> byStatus = new java.util.HashMap<>();
        rows.forEach(t -> byStatus.merge((String) t.get("status"), 1L, (a, b) -> (Long) a + (Long) b));
        Map<String, Object> f = new java.util.HashMap<>();
        f.put("tasksByStatus", byStatus);
        f.put("tasks", (long) rows.size());
        f.put("overdue", overdue);
        return f;
    }

    /**
     * The headline in words, from {@link #headlineFigures}: "3 of 7 goals on track; 12 of 40 tasks done; 5
     * overdue, the oldest by 246 days; 2 open bottlenecks block VND 120 bn." Every number is written by
     * {@link Figures}; each clause is a message of the reader's language, its form chosen by the number it
     * agrees with.
     */
    public String headline(String scope, String key) {
        HeadlineFigures h = headlineFigures(scope, key);
        Figures fmt = Figures.of(lang);
        List<String> clauses = new java.util.ArrayList<>();
        if (h.goals() != null) {
            clauses.add(msg(
                    "public.headline.goals." + (h.goals() == 1 ? "one" : "many"),
                    fmt.integer(h.goalsOnTrack()),
                    fmt.integer(h.goals())));
        }
        clauses.add(msg(
                "public.headline.tasks." + (h.tasks() == 1 ? "one" : "many"),
                fmt.integer(h.done()),
                fmt.integer(h.tasks())));
        if (h.overdue() == 0) {
            clauses.add(msg("public.headline.overdue.none"));
        } else if (h.oldestOverdueDays() <= 0) {
            clauses.add(msg("public.headline.overdue.count", fmt.integer(h.overdue())));
        } else {
            clauses.add(msg(
                    "public.headline.overdue." + (h.overdue() == 1 ? "one" : "many")
                            + (h.oldestOverdueDays() == 1 ? "Day" : "Days"),
                    fmt.integer(h.overdue()),
                    fmt.integer(h.oldestOverdueDays())));
        }
        if (h.openBottlenecks() == 0) {
            clauses.add(msg("public.headline.bottlenecks.none"));
        } else {
            String form = h.openBottlenecks() == 1 ? "one" : "many";
            clauses.add(
                    h.blockedMoney() > 0
                            ? msg(
                                    "public.headline.bottlenecks." + form,
                                    fmt.integer(h.openBottlenecks()),
                                    fmt.money(h.blockedMoney()))
                            : msg("public.headline.bottlenecks." + form + "NoMoney", fmt.integer(h.openBottlenecks())));
        }
        String sentence = String.join(lang.equals("fr") ? "\u00a0; " : "; ", clauses) + ".";
        return sentence.substring(0, 1).toUpperCase(locale()) + sentence.substring(1);
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

    /**
     * The rows of a status chart and of the table under it, one per status in a fixed order: the chart and
     * the table are both built from these, so they cannot disagree.
     */
    public List<Map<String, Object>> statusRows(Map<String, Object> figures) {
        Map<String, Object> byStatus = map(figures.get("tasksByStatus"));
        List<Map<String, Object>> rows = new java.util.ArrayList<>();
        for (String status : STATUS_ORDER) {
            Object n = byStatus.get(status);
            rows.add(Map.of("status", status, "count", n instanceof Number x ? x.longValue() : 0L));
        }
        return rows;
    }

    /** A horizontal bar of tasks by status, from {@link #statusRows}. */
    public String statusChart(Map<String, Object> figures) {
        List<Object> data = new java.util.ArrayList<>();
        List<String> labels = new java.util.ArrayList<>();
        List<Map<String, Object>> rows = statusRows(figures);
        for (int i = 0; i < rows.size(); i++) {
            labels.add(msg("tasks.status." + rows.get(i).get("status")));
            data.add(Map.of("value", rows.get(i).get("count"), "itemStyle", Map.of("color", STATUS_COLOURS[i])));
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

    /**
     * The rows of an indicator's trend chart and of its table: period, value and target, rounded to the
     * decimals a reader sees ({@link Figures#MAX_DECIMALS}) so the chart draws exactly the table's figures.
     */
    public List<Map<String, Object>> trendRows(Map<String, Object> indicator) {
        List<Map<String, Object>> rows = new java.util.ArrayList<>();
        for (Map<String, Object> p : list(indicator, "series")) {
            Map<String, Object> row = new java.util.LinkedHashMap<>();
            row.put("period", p.get("period"));
            row.put("value", Figures.round(p.get("value"), Figures.MAX_DECIMALS));
            row.put("target", Figures.round(p.get("target"), Figures.MAX_DECIMALS));
            rows.add(row);
        }
        return rows;
    }

    /** The national trend of an indicator with its target line, from {@link #trendRows}. */
    public String trendChart(Map<String, Object> indicator) {
        List<Map<String, Object>> rows = trendRows(indicator);
        List<Object> periods = rows.stream().map(p -> p.get("period")).collect(Collectors.toList());
        List<Object> values = rows.stream().map(p -> p.get("value")).collect(Collectors.toList());
        List<Object> targets = rows.stream().map(p -> p.get("target")).collect(Collectors.toList());
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

    /** The measures a reader can colour the grid by, and whether fewer is better for each. */
    public static final List<String> GRID_MEASURES = List.of("percentDone", "overdue", "reports", "score");

    private static boolean lowerIsBetter(String measure) {
        return measure.equals("overdue");
    }

    /**
     * Tiles of the province grid with the measures a reader can colour it by, and for each measure the
     * colour class of the tile ({@code b_<measure>}: 0 worst to 4 best, -1 no data) from {@link #gridBands}.
     */
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
                Map<String, Object> tile = new java.util.LinkedHashMap<>();
                tile.put("code", code);
                tile.put("row", row + 1);
                tile.put("col", col + 1);
                tile.put("name", unitName(code));
                // A province without tasks has no share done and no overdue count: no data, not 0.
                boolean hasTasks = f.get("tasks") instanceof Number n && n.longValue() > 0;
                tile.put("percentDone", hasTasks ? round(f.get("percentDone")) : null);
                tile.put("overdue", hasTasks ? f.getOrDefault("overdue", 0) : null);
                // The same figure as the ranking table beside the grid: the scorecard's report timeliness for
                // the ranking's period (reports whose due day has passed); no report due is no data, not 0 %.
                tile.put("reports", card == null ? null : round(card.get("reportTimeliness")));
                tile.put("score", card == null ? null : card.get("score"));
                tile.put("rank", card == null ? null : card.get("rank"));
                tiles.add(tile);
            }
        }
        for (String measure : GRID_MEASURES) {
            Bands bands = Bands.of(tiles.stream().map(t -> t.get(measure)).toList(), lowerIsBetter(measure));
            tiles.forEach(t -> t.put("b_" + measure, bands.colour(t.get(measure))));
        }
        return tiles;
    }

    /**
     * The legend of each measure, worst band first: its colour class and the range of the provinces'
     * values in it, then "no data". Bands are the quintiles of the values themselves, so that the
     * provinces spread over the colours whatever the measure's scale.
     */
    public List<Map<String, Object>> gridLegends(List<Map<String, Object>> tiles) {
        Figures fmt = Figures.of(lang);
        List<Map<String, Object>> legends = new java.util.ArrayList<>();
        for (String measure : GRID_MEASURES) {
            Bands bands = Bands.of(tiles.stream().map(t -> t.get(measure)).toList(), lowerIsBetter(measure));
            List<Map<String, Object>> entries = new java.util.ArrayList<>();
            for (double[] range : bands.ranges()) {
                String lo = tileText(measure, range[0], fmt);
                String hi = tileText(measure, range[1], fmt);
                entries.add(Map.of("colour", (int) range[2], "label", lo.equals(hi) ? lo : lo + " – " + hi));
            }
            Map<String, Object> legend = new java.util.LinkedHashMap<>();
            legend.put("measure", measure);
            legend.put("lowerIsBetter", lowerIsBetter(measure));
            legend.put("bands", entries);
            legends.add(legend);
        }
        return legends;
    }

    // ---- the map of the 34 provinces: the grid's figures and colours, drawn on their boundaries ---------

    /** The colours of the bands, worst (0) to best (4), the same as the grid's tiles; no data is grey. */
    static final String[] BAND_COLOURS = {"#fde2e1", "#fbd5a5", "#d8e8c7", "#7fb88a", "#1f6f3a"};

    static final String NO_DATA_COLOUR = "#e5e7eb";

    /**
     * What public.js needs to draw the map: each province's code (the boundaries' {@code name}), name, page,
     * and for each measure its value, its text and its band's colour, from {@link #provinceTiles} (the table
     * beside the map prints the same).
     */
    public String mapData(List<Map<String, Object>> tiles) {
        Figures fmt = Figures.of(lang);
        List<Object> provinces = new java.util.ArrayList<>();
        for (Map<String, Object> t : tiles) {
            Map<String, Object> values = new java.util.TreeMap<>();
            Map<String, Object> texts = new java.util.TreeMap<>();
            Map<String, Object> colours = new java.util.TreeMap<>();
            for (String m : GRID_MEASURES) {
                Object v = t.get(m);
                values.put(m, v);
                texts.put(m, tileText(m, v, fmt));
                int band = (int) t.get("b_" + m);
                colours.put(m, band < 0 ? NO_DATA_COLOUR : BAND_COLOURS[band]);
            }
            Map<String, Object> p = new java.util.TreeMap<>();
            p.put("code", t.get("code"));
            p.put("name", t.get("name"));
            p.put("link", unitLink((String) t.get("code")));
            p.put("values", values);
            p.put("texts", texts);
            p.put("colours", colours);
            provinces.add(p);
        }
        Map<String, Object> labels = new java.util.TreeMap<>();
        GRID_MEASURES.forEach(m -> labels.put(m, msg("public.grid." + m)));
        return JSON.writeValueAsString(Map.of("provinces", provinces, "labels", labels));
    }

    /** A tile's figure for a measure as the reader sees it: percentages, counts, scores. */
    public String tileText(String measure, Object value, Figures fmt) {
        if (!(value instanceof Number)) {
            return msg("public.grid.noData");
        }
        return switch (measure) {
            case "percentDone", "reports" -> fmt.percent(value);
            case "overdue" -> fmt.integer(value);
            default -> fmt.number(value, 1);
        };
    }

    public String tileText(String measure, Object value) {
        return tileText(measure, value, Figures.of(lang));
    }

    /** Quantile bands of a measure's values: thresholds at the quintiles, ties merged. */
    record Bands(double[] thresholds, double[] values, boolean lowerIsBetter) {

        static Bands of(List<Object> raw, boolean lowerIsBetter) {
            double[] v = raw.stream()
                    .filter(x -> x instanceof Number)
                    .mapToDouble(x -> ((Number) x).doubleValue())
                    .sorted()
                    .toArray();
            java.util.TreeSet<Double> t = new java.util.TreeSet<>();
            double[] distinct = java.util.Arrays.stream(v).distinct().toArray();
            if (distinct.length <= 5) {
                // Few distinct values: each its own band, so that 0 % and 1.6 % never share 100 %'s colour.
                for (int i = 0; i < distinct.length - 1; i++) {
                    t.add(distinct[i]);
                }
            } else {
                quintiles(v, t);
                if (t.size() < 2) {
                    // Ties swallowed the quintiles (most provinces at one value): band the distinct values instead.
                    t.clear();
                    quintiles(distinct, t);
                }
            }
            return new Bands(t.stream().mapToDouble(Double::doubleValue).toArray(), v, lowerIsBetter);
        }

        /** The values at or below which q fifths of the sorted values lie (nearest rank), below the largest. */
        private static void quintiles(double[] sorted, java.util.TreeSet<Double> into) {
            for (int q = 1; q <= 4; q++) {
                int rank = (int) Math.ceil(q * sorted.length / 5.0) - 1;
                double th = sorted[Math.max(0, Math.min(sorted.length - 1, rank))];
                if (th < sorted[sorted.length - 1]) {
                    into.add(th);
                }
            }
        }

        int band(double v) {
            int b = 0;
            for (double th : thresholds) {
                if (v > th) {
                    b++;
                }
            }
            return b;
        }

        /** 0 (worst) to 4 (best), spread over the five colours; -1 for no data. */
        int colour(Object value) {
            if (!(value instanceof Number n)) {
                return -1;
            }
            int bands = thresholds.length + 1;
            int b = band(n.doubleValue());
            int c = bands == 1 ? 2 : (int) Math.round(b * 4.0 / (bands - 1));
            return lowerIsBetter ? 4 - c : c;
        }

        /** Each band's lowest and highest value and its colour, from the worst band to the best. */
        List<double[]> ranges() {
            List<double[]> out = new java.util.ArrayList<>();
            for (int b = 0; b <= thresholds.length; b++) {
                double lo = Double.NaN;
                double hi = Double.NaN;
                for (double x : values) {
                    if (band(x) == b) {
                        lo = Double.isNaN(lo) ? x : Math.min(lo, x);
                        hi = Double.isNaN(hi) ? x : Math.max(hi, x);
                    }
                }
                if (!Double.isNaN(lo)) {
                    out.add(new double[] {lo, hi, colour(lo)});
                }
            }
            out.sort(java.util.Comparator.comparingDouble(r -> r[2]));
            return out;
        }
    }

    private static Object round(Object n) {
        return n instanceof Number x ? Math.round(x.doubleValue() * 10) / 10.0 : null;
    }
}
