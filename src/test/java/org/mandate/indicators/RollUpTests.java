package org.mandate.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mandate.indicators.Indicator.Aggregation;

/** The roll-up rule on the issue's own examples, without Spring. */
class RollUpTests {

    // 1 central; 2 and 3 provinces; 4, 5 communes of 2; 6, 7 communes of 3; 8 a ministry.
    private static final RollUp.Tree TREE =
            RollUp.Tree.of(parents(new long[][] {{1, 0}, {2, 1}, {3, 1}, {4, 2}, {5, 2}, {6, 3}, {7, 3}, {8, 1}}));

    private static Map<Long, Long> parents(long[][] pairs) {
        Map<Long, Long> m = new HashMap<>();
        for (long[] p : pairs) {
            m.put(p[0], p[1] == 0 ? null : p[1]);
        }
        return m;
    }

    private static Map<Long, BigDecimal> own(Object... unitThenValue) {
        Map<Long, BigDecimal> m = new HashMap<>();
        for (int n = 0; n < unitThenValue.length; n += 2) {
            m.put(((Number) unitThenValue[n]).longValue(), new BigDecimal(unitThenValue[n + 1].toString()));
        }
        return m;
    }

    @Test
    void aProvincesOwnTotalIsNotAddedToItsCommunes() {
        // Province 2 entered 65.5 beside its communes' 30 + 35.5: the province is 65.5, not 131.
        Map<Long, BigDecimal> values = own(2, "65.5", 4, "30", 5, "35.5", 6, "10", 7, "5");
        RollUp.Result p = RollUp.at(TREE, 2, Aggregation.SUM, values, Map.of());
        assertThat(p.value()).isEqualByComparingTo("65.5");
        assertThat(p.source()).isEqualTo(RollUp.Source.REPORTED);
        // Central: 65.5 (province 2) + 15 (province 3, computed from its two communes); the ministry has none.
        RollUp.Result c = RollUp.at(TREE, 1, Aggregation.SUM, values, Map.of());
        assertThat(c.value()).isEqualByComparingTo("80.5");
        assertThat(c.source()).isEqualTo(RollUp.Source.COMPUTED);
        assertThat(c.children()).isEqualTo(2);
        assertThat(c.missing()).isEqualTo(1);
        RollUp.Result p3 =
                RollUp.all(TREE, 1, Aggregation.SUM, values, Map.of()).get(3L);
        assertThat(p3.value()).isEqualByComparingTo("15");
        assertThat(p3.children()).isEqualTo(2);
        assertThat(p3.missing()).isZero();
    }

    @Test
    void aValueReportedHigherUpIsNotMovedByTheUnitsBelow() {
        Map<Long, BigDecimal> values = own(1, "72.5", 4, "90");
        assertThat(RollUp.at(TREE, 1, Aggregation.AVERAGE, values, Map.of()).value())
                .isEqualByComparingTo("72.5");
        values.put(4L, new BigDecimal("10"));
        assertThat(RollUp.at(TREE, 1, Aggregation.AVERAGE, values, Map.of()).value())
                .isEqualByComparingTo("72.5");
    }

    @Test
    void averagesAreOfTheChildrensValuesAndWeightsComeFromTheWeightIndicator() {
        Map<Long, BigDecimal> values = own(4, "10", 5, "20", 6, "40");
        // Province 2: (10 + 20) / 2 = 15; province 3: 40 (7 missing); central: (15 + 40) / 2 = 27.5.
        assertThat(RollUp.at(TREE, 1, Aggregation.AVERAGE, values, Map.of()).value())
                .isEqualByComparingTo("27.5");
        Map<Long, BigDecimal> weights = own(4, "1", 5, "3", 6, "4", 2, "4", 3, "4");
        // Province 2: (10 × 1 + 20 × 3) / 4 = 17.5; central: (17.5 × 4 + 40 × 4) / 8 = 28.75.
        assertThat(RollUp.at(TREE, 2, Aggregation.WEIGHTED_AVERAGE, values, weights)
                        .value())
                .isEqualByComparingTo("17.5");
        assertThat(RollUp.at(TREE, 1, Aggregation.WEIGHTED_AVERAGE, values, weights)
                        .value())
                .isEqualByComparingTo("28.75");
        assertThat(RollUp.at(TREE, 1, Aggregation.MIN, values, Map.of()).value())
                .isEqualByComparingTo("10");
        assertThat(RollUp.at(TREE, 1, Aggregation.MAX, values, Map.of()).value())
                .isEqualByComparingTo("40");
        assertThat(RollUp.at(TREE, 8, Aggregation.SUM, values, Map.of())).isNull();
    }

    @Test
    void overTimeEachRuleCombinesAUnitsOwnPeriods() {
        LocalDate jan = LocalDate.of(2026, 1, 1);
        LocalDate feb = LocalDate.of(2026, 2, 1);
        List<RollUp.Entry> entries = List.of(
                new RollUp.Entry(feb, new BigDecimal("20"), new BigDecimal("1")),
                new RollUp.Entry(jan, new BigDecimal("10"), new BigDecimal("3")));
        assertThat(RollUp.overTime(Aggregation.SUM, entries)).isEqualByComparingTo("30");
        assertThat(RollUp.overTime(Aggregation.AVERAGE, entries)).isEqualByComparingTo("15");
        assertThat(RollUp.overTime(Aggregation.LAST, entries)).isEqualByComparingTo("20");
        assertThat(RollUp.overTime(Aggregation.WEIGHTED_AVERAGE, entries)).isEqualByComparingTo("12.5");
        assertThat(RollUp.overTime(Aggregation.SUM, List.of())).isNull();
    }
}
