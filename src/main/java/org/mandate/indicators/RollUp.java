package org.mandate.indicators;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.mandate.indicators.Indicator.Aggregation;

/**
 * The one roll-up rule of indicator values, in plain Java: a unit's value for a period is its own reported
 * value when it has one; otherwise the aggregate of its children's values (each found by this same rule) by
 * the indicator's aggregation: SUM and LAST add them, AVERAGE takes their mean, WEIGHTED_AVERAGE weighs each
 * child by its value of the weight indicator (children without a weight do not count), MIN and MAX take
 * the least and the greatest. So a province that enters its own total is never added to its communes, and
 * a value reported higher up is never moved by the units below it. Over time, a unit's own values inside a
 * longer period combine by the same aggregation first ({@link #overTime}; LAST takes the latest), and the
 * tree rule then applies to the longer period.
 */
final class RollUp {

    private static final MathContext MC = MathContext.DECIMAL64;

    private RollUp() {}

    /** Where a value comes from: entered for the unit itself, computed from its children, or by a formula. */
    enum Source {
        REPORTED,
        COMPUTED,
        FORMULA
    }

    /**
     * A unit's value with its provenance: {@code children} is how many of its direct children had a value
     * (reported or computed) and {@code missing} how many had none. Both are 0 for a reported value.
     */
    record Result(BigDecimal value, Source source, int children, int missing) {}

    /** The unit tree: each unit's direct children. Units absent from the map have none. */
    record Tree(Map<Long, List<Long>> children) {

        static Tree of(Map<Long, Long> parentOf) {
            Map<Long, List<Long>> children = new HashMap<>();
            parentOf.forEach((unit, parent) -> {
                if (parent != null && parentOf.containsKey(parent)) {
                    children.computeIfAbsent(parent, k -> new ArrayList<>()).add(unit);
                }
            });
            return new Tree(children);
        }

        List<Long> of(long unit) {
            return children.getOrDefault(unit, List.of());
        }
    }

    /** The value of {@code root}; see {@link #all}. */
    static Result at(
            Tree tree, long root, Aggregation aggregation, Map<Long, BigDecimal> own, Map<Long, BigDecimal> weights) {
        return all(tree, root, aggregation, own, weights).get(root);
    }

    /**
     * The value of every unit of the subtree of {@code root} with a value (units without one are absent),
     * bottom-up without recursion (a national tree is a few thousand units, a few levels deep).
     * {@code weights} is each unit's value of the weight indicator (only read for WEIGHTED_AVERAGE).
     */
    static Map<Long, Result> all(
            Tree tree, long root, Aggregation aggregation, Map<Long, BigDecimal> own, Map<Long, BigDecimal> weights) {
        List<Long> order = new ArrayList<>();
        Deque<Long> stack = new ArrayDeque<>();
        stack.push(root);
        while (!stack.isEmpty()) {
            long u = stack.pop();
            order.add(u);
            for (long c : tree.of(u)) {
                stack.push(c);
            }
        }
        Map<Long, Result> out = new HashMap<>();
        for (int n = order.size() - 1; n >= 0; n--) {
            long u = order.get(n);
            BigDecimal mine = own.get(u);
            if (mine != null) {
                out.put(u, new Result(mine, Source.REPORTED, 0, 0));
                continue;
            }
            List<Long> kids = tree.of(u);
            if (kids.isEmpty()) {
                continue;
            }
            List<BigDecimal> vs = new ArrayList<>();
            List<BigDecimal> ws = new ArrayList<>();
            int missing = 0;
            for (long c : kids) {
                Result r = out.get(c);
                BigDecimal w = aggregation == Aggregation.WEIGHTED_AVERAGE ? weights.get(c) : BigDecimal.ONE;
                if (r == null || w == null) {
                    missing++;
                } else {
                    vs.add(r.value());
                    ws.add(w);
                }
            }
            BigDecimal v = combine(aggregation, vs, ws);
            if (v != null) {
                out.put(u, new Result(v, Source.COMPUTED, vs.size(), missing));
            }
        }
        return out;
    }

    /** Values of siblings (or of one unit's periods) combined by the aggregation; null when there are none. */
    static BigDecimal combine(Aggregation aggregation, List<BigDecimal> values, List<BigDecimal> weights) {
        if (values.isEmpty()) {
            return null;
        }
        return switch (aggregation) {
            case SUM, LAST -> values.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
            case AVERAGE ->
                values.stream().reduce(BigDecimal.ZERO, BigDecimal::add).divide(BigDecimal.valueOf(values.size()), MC);
            case MIN -> values.stream().min(BigDecimal::compareTo).orElseThrow();
            case MAX -> values.stream().max(BigDecimal::compareTo).orElseThrow();
            case WEIGHTED_AVERAGE -> {
                BigDecimal sum = BigDecimal.ZERO;
                BigDecimal total = BigDecimal.ZERO;
                for (int n = 0; n < values.size(); n++) {
                    sum = sum.add(values.get(n).multiply(weights.get(n)));
                    total = total.add(weights.get(n));
                }
                yield total.signum() == 0 ? null : sum.divide(total, MC);
            }
        };
    }

    /** One stored value of a unit: the start of its period and the value (and its weight, or null). */
    record Entry(java.time.LocalDate start, BigDecimal value, BigDecimal weight) {}

    /**
     * A unit's own values inside one longer period, combined over time: LAST takes the latest period's
     * value, WEIGHTED_AVERAGE weighs by the unit's own weights (a plain mean when it has none), the others
     * combine as over the tree.
     */
    static BigDecimal overTime(Aggregation aggregation, List<Entry> entries) {
        if (entries.isEmpty()) {
            return null;
        }
        if (entries.size() == 1) {
            return entries.get(0).value();
        }
        if (aggregation == Aggregation.LAST) {
            Entry last = entries.get(0);
            for (Entry e : entries) {
                if (e.start().isAfter(last.start())) {
                    last = e;
                }
            }
            return last.value();
        }
        List<BigDecimal> vs = new ArrayList<>();
        List<BigDecimal> ws = new ArrayList<>();
        for (Entry e : entries) {
            vs.add(e.value());
            ws.add(e.weight() == null ? BigDecimal.ZERO : e.weight());
        }
        if (aggregation == Aggregation.WEIGHTED_AVERAGE) {
            BigDecimal v = combine(aggregation, vs, ws);
            return v != null ? v : combine(Aggregation.AVERAGE, vs, ws);
        }
        return combine(aggregation, vs, ws);
    }
}
