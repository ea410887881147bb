package org.mandate.publication;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What changed between two publications: tasks completed, tasks newly overdue, tasks re-baselined (their
 * deadline or result moved again), bottlenecks raised and resolved, indicators whose national figure moved.
 * Computed from the two frozen snapshots only, whichever two they are.
 */
public record Changes(
        List<Map<String, Object>> completed,
        List<Map<String, Object>> newlyOverdue,
        List<Map<String, Object>> rebaselined,
        List<Map<String, Object>> raised,
        List<Map<String, Object>> resolved,
        List<Map<String, Object>> moved) {

    static Changes between(Map<String, Object> before, Map<String, Object> after) {
        Map<Object, Map<String, Object>> oldTasks = index(PublicView.list(before, "tasks"));
        List<Map<String, Object>> completed = new ArrayList<>();
        List<Map<String, Object>> overdue = new ArrayList<>();
        List<Map<String, Object>> rebaselined = new ArrayList<>();
        for (Map<String, Object> t : PublicView.list(after, "tasks")) {
            Map<String, Object> was = oldTasks.get(t.get("id"));
            Object wasStatus = was == null ? null : was.get("status");
            // Publications made before the count was published hold none: a task moved since then counts.
            if (PublicView.count(t.get("rebaselineCount"))
                    > (was == null ? 0 : PublicView.count(was.get("rebaselineCount")))) {
                rebaselined.add(t);
            }
            if (PublicView.isDone(t.get("status")) && !PublicView.isDone(wasStatus)) {
                completed.add(t);
            }
            if ("OVERDUE".equals(t.get("status")) && !"OVERDUE".equals(wasStatus)) {
                overdue.add(t);
            }
        }
        Map<Object, Map<String, Object>> oldBottlenecks = index(PublicView.list(before, "bottlenecks"));
        List<Map<String, Object>> raised = new ArrayList<>();
        List<Map<String, Object>> resolved = new ArrayList<>();
        for (Map<String, Object> b : PublicView.list(after, "bottlenecks")) {
            Map<String, Object> was = oldBottlenecks.get(b.get("id"));
            if (was == null) {
                raised.add(b);
            }
            if ("RESOLVED".equals(b.get("status")) && (was == null || !"RESOLVED".equals(was.get("status")))) {
                resolved.add(b);
            }
        }
        Map<Object, Map<String, Object>> oldIndicators = new HashMap<>();
        PublicView.list(before, "indicators").forEach(i -> oldIndicators.put(i.get("code"), i));
        List<Map<String, Object>> moved = new ArrayList<>();
        for (Map<String, Object> i : PublicView.list(after, "indicators")) {
            Object now = latest(i);
            Object then = latest(oldIndicators.get(i.get("code")));
            if (now != null && !Objects.equals(number(now), number(then))) {
                Map<String, Object> row = new HashMap<>();
                row.put("code", i.get("code"));
                row.put("names", i.get("names"));
                row.put("unit", i.get("unit"));
                row.put("before", then);
                row.put("after", now);
                row.put("better", better(i.get("direction"), number(then), number(now)));
                moved.add(row);
            }
        }
        return new Changes(completed, overdue, rebaselined, raised, resolved, moved);
    }

    static Changes none() {
        return new Changes(List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
    }

    private static Map<Object, Map<String, Object>> index(List<Map<String, Object>> rows) {
        Map<Object, Map<String, Object>> byId = new HashMap<>();
        rows.forEach(r -> byId.put(r.get("id"), r));
        return byId;
    }

    @SuppressWarnings("unchecked")
    private static Object latest(Map<String, Object> indicator) {
        if (indicator == null || !(indicator.get("latest") instanceof Map<?, ?> latest)) {
            return null;
        }
        return ((Map<String, Object>) latest).get("value");
    }

    private static Double number(Object o) {
        return o instanceof Number n ? Math.round(n.doubleValue() * 10_000) / 10_000.0 : null;
    }

    private static Boolean better(Object direction, Double then, Double now) {
        if (then == null || now == null) {
            return null;
        }
        return "LOWER_IS_BETTER".equals(direction) ? now < then : now > then;
    }
}
