package org.mandate.indicators;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Supplier;
import org.mandate.shared.AuditedChange;
import org.mandate.shared.CacheGenerations;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Aggregates already computed, until the figures behind them change. Each entry is keyed by a generation:
 * the sum of a counter for every indicator it reads (its own and, for a formula, its operands') and a global
 * counter. Committed value changes bump their indicators' counters; state changes (submit, approve,
 * return), indicator definitions and the org tree bump the global one. Counters move after the commit and
 * on every instance ({@link CacheGenerations}), so a reader never stores figures of an uncommitted change
 * under a new generation, nor serves figures from before a change committed elsewhere. The expiry only
 * bounds memory.
 */
@Component
class AnalyticsCache {

    private static final Set<String> GLOBAL = Set.of("data-value", "indicator", "org-unit");

    private static final String GLOBAL_GENERATION = "analytics";

    private final CacheGenerations generations;
    private final Cache<Object, Object> entries = Caffeine.newBuilder()
            .maximumSize(50_000)
            .expireAfterWrite(Duration.ofMinutes(5))
            .build();

    AnalyticsCache(CacheGenerations generations) {
        this.generations = generations;
    }

    /** What the figures of {@code key} were computed from: changes whenever those figures may have. */
    record Key(Object query, long generation) {}

    @SuppressWarnings("unchecked")
    <T> T get(Indicator indicator, IndicatorManagement indicators, Object query, Supplier<T> compute) {
        Set<String> names = new LinkedHashSet<>();
        names.add(GLOBAL_GENERATION);
        reads(indicator, indicators, names);
        Key key = new Key(query, generations.sum(names));
        return (T) entries.get(key, k -> compute.get());
    }

    /** The generations of {@code i} and, for a formula, of its operands, recursively. */
    private void reads(Indicator i, IndicatorManagement indicators, Set<String> names) {
        if (!names.add(generation(i.code())) || !i.isFormula()) {
            return;
        }
        for (String code : Formula.variables(i.formula())) {
            if (!names.contains(generation(code))) {
                indicators.find(code).ifPresent(o -> reads(o, indicators, names));
            }
        }
    }

    private static String generation(String indicator) {
        return GLOBAL_GENERATION + ":" + indicator;
    }

    @EventListener
    void on(DataValuesSubmitted e) {
        e.indicators().forEach(code -> generations.bump(generation(code)));
    }

    @EventListener
    void on(AuditedChange e) {
        if (GLOBAL.contains(e.entityType()) && !"created".equals(e.action())) {
            generations.bump(GLOBAL_GENERATION);
        }
    }
}
