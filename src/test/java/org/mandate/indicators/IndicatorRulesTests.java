package org.mandate.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mandate.indicators.Indicator.Aggregation;
import org.mandate.indicators.Indicator.Baseline;
import org.mandate.indicators.Indicator.Direction;
import org.mandate.indicators.Indicator.Periodicity;
import org.mandate.indicators.Indicator.Target;
import org.mandate.shared.LocalizedText;

class IndicatorRulesTests {

    static Indicator indicator(Direction direction, Baseline baseline, List<Target> targets) {
        return new Indicator(
                1,
                "X",
                LocalizedText.EMPTY,
                "%",
                direction,
                Periodicity.MONTHLY,
                Aggregation.AVERAGE,
                null,
                baseline,
                targets,
                null,
                null,
                null,
                null,
                false,
                0);
    }

    @Test
    void targetsOfYearsBetweenKnownPointsLieOnAStraightLine() {
        Indicator i = indicator(
                Direction.HIGHER_IS_BETTER,
                new Baseline(new BigDecimal("9"), 2024),
                List.of(new Target(2030, new BigDecimal("15"))));
        assertThat(i.targetFor(2030)).contains(new BigDecimal("15"));
        assertThat(i.targetFor(2027).orElseThrow()).isEqualByComparingTo("12");
        assertThat(i.targetFor(2031)).isEmpty();
        assertThat(i.targetFor(2020)).isEmpty();
        assertThat(i.finalTarget().orElseThrow().year()).isEqualTo(2030);
    }

    @Test
    void attainmentFollowsTheDirection() {
        Indicator higher = indicator(Direction.HIGHER_IS_BETTER, null, List.of());
        Indicator lower = indicator(Direction.LOWER_IS_BETTER, null, List.of());
        assertThat(higher.attainment(new BigDecimal("12"), new BigDecimal("15")).orElseThrow())
                .isEqualByComparingTo("80.0");
        assertThat(lower.attainment(new BigDecimal("8"), new BigDecimal("6")).orElseThrow())
                .isEqualByComparingTo("75.0");
        assertThat(lower.attainment(BigDecimal.ZERO, new BigDecimal("6"))).isEmpty();
        assertThat(higher.meets(new BigDecimal("15"), new BigDecimal("15"))).isTrue();
        assertThat(lower.meets(new BigDecimal("6.5"), new BigDecimal("6"))).isFalse();
    }

    @Test
    void formulasReadIndicatorCodesAndEvaluateSafely() {
        String f = "(R70_INSTALLED_CAPACITY - R70_PEAK_LOAD) / R70_PEAK_LOAD * 100 + abs(0)";
        assertThat(Formula.variables(f)).containsExactly("R70_INSTALLED_CAPACITY", "R70_PEAK_LOAD");
        assertThat(Formula.isValid(f)).isTrue();
        assertThat(Formula.isValid("(A *")).isFalse();
        assertThat(Formula.evaluate(
                        f,
                        Map.of(
                                "R70_INSTALLED_CAPACITY",
                                new BigDecimal("115"),
                                "R70_PEAK_LOAD",
                                new BigDecimal("100"))))
                .isEqualByComparingTo("15");
        assertThat(Formula.evaluate(f, Map.of("R70_INSTALLED_CAPACITY", BigDecimal.ONE)))
                .isNull();
        assertThat(Formula.evaluate("A / B", Map.of("A", BigDecimal.ONE, "B", BigDecimal.ZERO)))
                .isNull();
        assertThat(Formula.variables("1e5 * A2")).containsExactly("A2");
    }
}
