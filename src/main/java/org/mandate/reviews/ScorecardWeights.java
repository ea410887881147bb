package org.mandate.reviews;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The weights of the composite score, from configuration ({@code mandate.reviews.weights.*}) and shown
 * next to every score. A component with no data is left out and the other weights count in proportion
 * ({@link ScoreRules#composite}).
 */
@Component
public class ScorecardWeights {

    private final Map<String, Integer> weights = new LinkedHashMap<>();

    ScorecardWeights(
            @Value("${mandate.reviews.weights.on-time:25}") int onTime,
            @Value("${mandate.reviews.weights.report-timeliness:15}") int reports,
            @Value("${mandate.reviews.weights.indicator-attainment:20}") int indicators,
            @Value("${mandate.reviews.weights.disbursement:15}") int disbursement,
            @Value("${mandate.reviews.weights.bottleneck-resolution:10}") int bottlenecks,
            @Value("${mandate.reviews.weights.satisfaction:15}") int satisfaction) {
        weights.put("onTime", onTime);
        weights.put("reportTimeliness", reports);
        weights.put("indicatorAttainment", indicators);
        weights.put("disbursement", disbursement);
        weights.put("bottleneckResolution", bottlenecks);
        weights.put("satisfaction", satisfaction);
    }

    public Map<String, Integer> asMap() {
        return Map.copyOf(weights);
    }

    /** The weights in their order of display. */
    Map<String, Integer> asOrderedMap() {
        return java.util.Collections.unmodifiableMap(weights);
    }
}
