package org.mandate.indicators;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.mandate.shared.AuditedChange;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Aggregates already computed, until the figures behind them change. Each entry is keyed by a generation:
 * the sum of a counter for every indicator it reads (its own and, for a formula, its operands') and a global
 * counter. Committed value changes bump their indicators' counters; state changes (submit, approve,
 * return), indicator definitions and the org tree bump the global one. Counters move after the commit, so a
 * reader never stores figures of an uncommitted change under a new generation. The expiry bounds what
 * another instance's writes, which this one does not hear of, can leave stale.
 */
@Component
class AnalyticsCache {

    private static final Set<String> GLOBAL = Set.of("data-value", "indicator", "org-unit");

    private final AtomicLong global = new AtomicLong();
    private final Map<String, AtomicLong> byIndicator = new ConcurrentHashMap<>();
    private final Cache<Object, Object> entries = Caffeine.newBuilder()
            .maximumSize(50_000)
            .expireAfterWrite(Duration.ofMinutes(5))
            .build();

    /** What the figures of {@code key} were computed from: changes whenever those figures may have. */
    record Key(Object query, long generation) {}

    @SuppressWarnings("unchecked")
    <T> T get(Indicator indicator, IndicatorManagement indicators, Object query, Supplier<T> compute) {
        Key key = new Key(query, generation(indicator, indicators, new HashSet<>()));
        return (T) entries.get(key, k -> compute.get());
    }

    private long generation(Indicator i, IndicatorManagement indicators, Set<String> seen) {
        long g = global.get() + counter(i.code()).get();
        if (i.isFormula()) {
            for (String code : Formula.variables(i.formula())) {
                if (seen.add(code)) {
                    g += indicators
                            .find(code)
                            .map(o -> generation(o, indicators, seen))
                            .orElse(0L);
                }
            }
        }
        return g;
    }

    private AtomicLong counter(String code) {
        return byIndicator.computeIfAbsent(code, k -> new AtomicLong());
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(DataValuesSubmitted e) {
        e.indicators().forEach(code -> counter(code).incrementAndGet());
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(AuditedChange e) {
        if (GLOBAL.contains(e.entityType()) && !"created".equals(e.action())) {
            global.incrementAndGet();
        }
    }
}
