package org.mandate.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.assertj.core.data.Offset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mandate.indicators.Indicator.Aggregation;

/**
 * The roll-up rule over random trees, against computations written directly from its definition
 * (recursive, in doubles) rather than the bottom-up pass in {@link RollUp}. The trees come from fixed
 * seeds, so a failure names its seed and repeats.
 */
class RollUpPropertyTests {

    /** A random tree of {@code n} units (unit 0 the root, each other unit under an earlier one) and values. */
    record Case(List<Integer> parentChoices, List<Integer> own, List<Integer> weights) {

        int size() {
            return own.size();
        }

        long parent(int u) {
            return parentChoices.get(u) % u;
        }

        RollUp.Tree tree() {
            Map<Long, Long> parentOf = new HashMap<>();
            for (int u = 0; u < size(); u++) {
                parentOf.put((long) u, u == 0 ? null : parent(u));
            }
            return RollUp.Tree.of(parentOf);
        }

        List<Integer> children(int u) {
            List<Integer> c = new ArrayList<>();
            for (int v = 1; v < size(); v++) {
                if (parent(v) == u) {
                    c.add(v);
                }
            }
            return c;
        }

        Map<Long, BigDecimal> ownValues() {
            return asMap(own);
        }

        Map<Long, BigDecimal> weightValues() {
            return asMap(weights);
        }

        private static Map<Long, BigDecimal> asMap(List<Integer> list) {
            Map<Long, BigDecimal> m = new HashMap<>();
            for (int u = 0; u < list.size(); u++) {
                if (list.get(u) != null) {
                    m.put((long) u, BigDecimal.valueOf(list.get(u)));
                }
            }
            return m;
        }

        /** The definition, directly: own value, else the rule over the children that have a value. */
        Double direct(int u, Aggregation rule) {
            if (own.get(u) != null) {
                return (double) own.get(u);
            }
            double sum = 0;
            double weight = 0;
            int n = 0;
            Double min = null;
            Double max = null;
            for (int c : children(u)) {
                Double v = direct(c, rule);
                Integer w = weights.get(c);
                if (v == null || (rule == Aggregation.WEIGHTED_AVERAGE && w == null)) {
                    continue;
                }
                n++;
                sum += rule == Aggregation.WEIGHTED_AVERAGE ? v * w : v;
                weight += rule == Aggregation.WEIGHTED_AVERAGE ? w : 1;
                min = min == null ? v : Math.min(min, v);
                max = max == null ? v : Math.max(max, v);
            }
            if (n == 0) {
                return null;
            }
            return switch (rule) {
                case SUM, LAST -> sum;
                case AVERAGE -> sum / n;
                case WEIGHTED_AVERAGE -> weight == 0 ? null : sum / weight;
                case MIN -> min;
                case MAX -> max;
            };
        }

        /** The reported values that count for a SUM at the root: those with no reported unit above them. */
        double topmostReportedSum() {
            double sum = 0;
            for (int u = 0; u < size(); u++) {
                if (own.get(u) == null) {
                    continue;
                }
                boolean covered = false;
                for (int a = u; a != 0; ) {
                    a = (int) parent(a);
                    covered |= own.get(a) != null;
                }
                if (!covered) {
                    sum += own.get(u);
                }
            }
            return sum;
        }
    }

    private static final int CASES = 300;

    /** Trees of 1 to 60 units; about 40 % of the units report a value, 80 % have a weight. */
    static Stream<Case> trees() {
        return IntStream.range(0, CASES).mapToObj(seed -> {
            Random random = new Random(seed);
            int n = 1 + random.nextInt(60);
            List<Integer> parents = new ArrayList<>();
            List<Integer> own = new ArrayList<>();
            List<Integer> weights = new ArrayList<>();
            for (int u = 0; u < n; u++) {
                parents.add(random.nextInt(10_001));
                own.add(random.nextDouble() < 0.6 ? null : random.nextInt(-500, 501));
                weights.add(random.nextDouble() < 0.2 ? null : random.nextInt(51));
            }
            return new Case(parents, own, weights);
        });
    }

    @ParameterizedTest
    @MethodSource("trees")
    void aSumOfChildrenIsTheParentsComputedValue(Case c) {
        Map<Long, RollUp.Result> all = RollUp.all(c.tree(), 0, Aggregation.SUM, c.ownValues(), Map.of());
        for (int u = 0; u < c.size(); u++) {
            RollUp.Result r = all.get((long) u);
            if (r == null || r.source() == RollUp.Source.REPORTED) {
                continue;
            }
            BigDecimal children = BigDecimal.ZERO;
            int with = 0;
            for (int k : c.children(u)) {
                if (all.get((long) k) != null) {
                    children = children.add(all.get((long) k).value());
                    with++;
                }
            }
            assertThat(r.value()).isEqualByComparingTo(children);
            assertThat(r.children()).isEqualTo(with);
            assertThat(r.children() + r.missing()).isEqualTo(c.children(u).size());
        }
    }

    @ParameterizedTest
    @MethodSource("trees")
    void anOwnValueOverrides(Case c) {
        Map<Long, RollUp.Result> all = RollUp.all(c.tree(), 0, Aggregation.AVERAGE, c.ownValues(), Map.of());
        for (int u = 0; u < c.size(); u++) {
            if (c.own().get(u) != null) {
                assertThat(all.get((long) u).source()).isEqualTo(RollUp.Source.REPORTED);
                assertThat(all.get((long) u).value())
                        .isEqualByComparingTo(BigDecimal.valueOf(c.own().get(u)));
            }
        }
    }

    @ParameterizedTest
    @MethodSource("trees")
    void noValueIsCountedTwice(Case c) {
        RollUp.Result root = RollUp.at(c.tree(), 0, Aggregation.SUM, c.ownValues(), Map.of());
        boolean anyReported = c.own().stream().anyMatch(v -> v != null);
        if (!anyReported) {
            assertThat(root).isNull();
            return;
        }
        // Every reported value counts once, unless a unit above it reported a value of its own.
        assertThat(root.value().doubleValue()).isCloseTo(c.topmostReportedSum(), Offset.offset(1e-9));
    }

    @ParameterizedTest
    @MethodSource("trees")
    void eachRuleMatchesTheDirectComputation(Case c) {
        for (Aggregation rule : Aggregation.values()) {
            Map<Long, RollUp.Result> all = RollUp.all(c.tree(), 0, rule, c.ownValues(), c.weightValues());
            for (int u = 0; u < c.size(); u++) {
                Double expected = c.direct(u, rule);
                RollUp.Result r = all.get((long) u);
                if (expected == null) {
                    assertThat(r).as(rule + " at " + u).isNull();
                } else {
                    assertThat(r).as(rule + " at " + u).isNotNull();
                    assertThat(r.value().doubleValue())
                            .as(rule + " at " + u)
                            .isCloseTo(expected, Offset.offset(1e-6 * Math.max(1, Math.abs(expected))));
                }
            }
        }
    }
}
