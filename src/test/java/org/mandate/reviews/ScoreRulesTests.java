package org.mandate.reviews;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.mandate.shared.LocalizedText;

/** The scorecard arithmetic without Spring: percentages, renormalised weights, coverage, ordering. */
class ScoreRulesTests {

    private static final Map<String, Integer> WEIGHTS = new LinkedHashMap<>();

    static {
        WEIGHTS.put("onTime", 25);
        WEIGHTS.put("reportTimeliness", 15);
        WEIGHTS.put("indicatorAttainment", 20);
        WEIGHTS.put("disbursement", 15);
        WEIGHTS.put("bottleneckResolution", 10);
        WEIGHTS.put("satisfaction", 15);
    }

    @Test
    void percentagesAreOneUnitAndNeverAbove100() {
        // Ha Noi's disbursement: 41.667 % of the allocation, once (not 4166.7).
        assertThat(ScoreRules.percent(125_000, 300_000)).isEqualTo(41.7);
        assertThat(ScoreRules.percent(3, 3)).isEqualTo(100.0);
        assertThat(ScoreRules.percent(0, 4)).isEqualTo(0.0);
        // More disbursed than allocated is still a share: at most 100.
        assertThat(ScoreRules.percent(7, 5)).isEqualTo(100.0);
        // Nothing to measure is no data, neither 0 nor 100.
        assertThat(ScoreRules.percent(0, 0)).isNull();
        Random random = new Random(12);
        for (int n = 0; n < 10_000; n++) {
            long den = random.nextInt(1000);
            long num = random.nextInt(1200);
            Double p = ScoreRules.percent(num, den);
            if (den == 0) {
                assertThat(p).isNull();
            } else {
                assertThat(p).isBetween(0.0, 100.0);
            }
        }
    }

    @Test
    void theCompositeRenormalisesTheWeightsOfTheComponentsWithData() {
        Map<String, Double> values = new HashMap<>();
        values.put("onTime", 80.0); // weight 25
        values.put("disbursement", 40.0); // weight 15
        ScoreRules.Composite c = ScoreRules.composite(WEIGHTS, values);
        // (80 × 25 + 40 × 15) / 40 = 2600 / 40 = 65.0; coverage 40 / 100.
        assertThat(c.score()).isEqualTo(65.0);
        assertThat(c.coverage()).isEqualTo(0.4);
        assertThat(c.shares().get("onTime")).isEqualTo(25 / 40.0);
        assertThat(c.shares().get("disbursement")).isEqualTo(15 / 40.0);
        assertThat(c.shares().get("satisfaction")).isNull();
        assertThat(c.shares().values().stream()
                        .filter(java.util.Objects::nonNull)
                        .mapToDouble(Double::doubleValue)
                        .sum())
                .isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));

        ScoreRules.Composite none = ScoreRules.composite(WEIGHTS, Map.of());
        assertThat(none.score()).isNull();
        assertThat(none.coverage()).isZero();

        Map<String, Double> all = new HashMap<>();
        WEIGHTS.keySet().forEach(k -> all.put(k, 100.0));
        assertThat(ScoreRules.composite(WEIGHTS, all).score()).isEqualTo(100.0);
        assertThat(ScoreRules.composite(WEIGHTS, all).coverage()).isEqualTo(1.0);
    }

    @Test
    void aScoreIsAlwaysWithinTheRangeOfItsComponents() {
        Random random = new Random(7);
        for (int n = 0; n < 2_000; n++) {
            Map<String, Double> values = new HashMap<>();
            for (String k : WEIGHTS.keySet()) {
                if (random.nextBoolean()) {
                    values.put(k, ScoreRules.round(random.nextDouble() * 100));
                }
            }
            ScoreRules.Composite c = ScoreRules.composite(WEIGHTS, values);
            if (values.isEmpty()) {
                assertThat(c.score()).isNull();
                continue;
            }
            double min = values.values().stream()
                    .mapToDouble(Double::doubleValue)
                    .min()
                    .orElseThrow();
            double max = values.values().stream()
                    .mapToDouble(Double::doubleValue)
                    .max()
                    .orElseThrow();
            assertThat(c.score()).isBetween(min - 0.05, max + 0.05);
            double covered = values.keySet().stream().mapToInt(WEIGHTS::get).sum();
            assertThat(c.coverage()).isCloseTo(covered / 100.0, org.assertj.core.data.Offset.offset(0.001));
        }
    }

    @Test
    void unitsWithoutEnoughDataComeAfterTheRankedOnesNeverAbove() {
        List<Scorecard> cards = new ArrayList<>();
        cards.add(card("HCM", 10.0, 0.25)); // one overdue task: on time 0 %, only a quarter of the weight
        cards.add(card("EMPTY", null, 0.0)); // no data at all
        cards.add(card("HANOI", 48.0, 0.75));
        cards.add(card("DANANG", 52.0, 0.5)); // exactly at the minimum: ranked
        cards.add(card("HUE", 90.0, 0.4)); // a high score on too little data is not ranked
        List<Scorecard> ranked = ScoreRules.rank(cards, 0.5);
        assertThat(ranked).extracting(Scorecard::unit).containsExactly("DANANG", "HANOI", "HUE", "HCM", "EMPTY");
        assertThat(ranked).extracting(Scorecard::rank).containsExactly(1, 2, null, null, null);
        assertThat(ranked).extracting(Scorecard::enoughData).containsExactly(true, true, false, false, false);
    }

    @Test
    void tiesAreBrokenByCode() {
        List<Scorecard> ranked = ScoreRules.rank(List.of(card("B", 50.0, 1), card("A", 50.0, 1)), 0.5);
        assertThat(ranked).extracting(Scorecard::unit).containsExactly("A", "B");
        assertThat(ranked).extracting(Scorecard::rank).containsExactly(1, 2);
    }

    static Scorecard card(String unit, Double score, double coverage) {
        return new Scorecard(
                unit,
                new LocalizedText(unit, unit, unit, unit),
                "PROVINCE",
                "2026Q4",
                0,
                0,
                0,
                0,
                0,
                null,
                0,
                0,
                0,
                0,
                null,
                null,
                0,
                0,
                0,
                null,
                null,
                null,
                null,
                0,
                score,
                null,
                null,
                coverage,
                false,
                0,
                0,
                0,
                List.of());
    }
}
