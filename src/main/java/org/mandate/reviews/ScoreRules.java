package org.mandate.reviews;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The arithmetic of a scorecard, in plain Java. Every component is a percentage from 0 to 100, or null
 * ("no data") when there is nothing to measure; never 0 or 100 for want of data. The composite is the
 * weighted mean of the components that have data, their weights renormalised to sum to one; the coverage
 * is the share of the total weight that had data. Units whose coverage is below the minimum are not
 * ranked: they are listed after the ranked ones as "not enough data".
 */
final class ScoreRules {

    private ScoreRules() {}

    /** {@code 100 × numerator / denominator}, rounded to one decimal and kept within 0–100; null when den ≤ 0. */
    static Double percent(double numerator, double denominator) {
        if (denominator <= 0) {
            return null;
        }
        return round(clamp(100.0 * numerator / denominator));
    }

    /** A value kept within 0–100. */
    static double clamp(double v) {
        return Math.max(0, Math.min(100, v));
    }

    static Double round(double v) {
        return Math.round(v * 10) / 10.0;
    }

    /** The composite score, the coverage and each component's renormalised weight (null when no data). */
    record Composite(Double score, double coverage, Map<String, Double> shares) {}

    static Composite composite(Map<String, Integer> weights, Map<String, Double> components) {
        double total = 0;
        double withData = 0;
        double sum = 0;
        for (var e : weights.entrySet()) {
            total += e.getValue();
            Double v = components.get(e.getKey());
            if (v != null) {
                withData += e.getValue();
                sum += v * e.getValue();
            }
        }
        Map<String, Double> shares = new LinkedHashMap<>();
        for (var e : weights.entrySet()) {
            Double v = components.get(e.getKey());
            shares.put(e.getKey(), v == null || withData == 0 ? null : e.getValue() / withData);
        }
        Double score = withData == 0 ? null : round(sum / withData);
        double coverage = total == 0 ? 0 : Math.round(withData / total * 1000) / 1000.0;
        return new Composite(score, coverage, shares);
    }

    /**
     * The ranking: units with at least {@code minCoverage} by score (highest first, then by code), ranked
     * 1, 2, …; then the others, unranked, by coverage and score (most data first), then code.
     */
    static List<Scorecard> rank(List<Scorecard> cards, double minCoverage) {
        Comparator<Scorecard> byScore = Comparator.comparing(
                        Scorecard::score, Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparing(Scorecard::unit);
        List<Scorecard> ranked = new ArrayList<>();
        List<Scorecard> unranked = new ArrayList<>();
        for (Scorecard c : cards) {
            (enough(c, minCoverage) ? ranked : unranked).add(c);
        }
        ranked.sort(byScore);
        unranked.sort(Comparator.comparingDouble(Scorecard::coverage).reversed().thenComparing(byScore));
        List<Scorecard> out = new ArrayList<>();
        for (int i = 0; i < ranked.size(); i++) {
            out.add(ranked.get(i).ranked(i + 1));
        }
        for (Scorecard c : unranked) {
            out.add(c.ranked(null));
        }
        return out;
    }

    static boolean enough(Scorecard c, double minCoverage) {
        return c.score() != null && c.coverage() > 0 && c.coverage() + 1e-9 >= minCoverage;
    }
}
