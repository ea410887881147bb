package org.mandate.tasks;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.function.Supplier;
import org.mandate.shared.AuditedChange;
import org.mandate.shared.CacheGenerations;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Task counts of a subtree (the dashboards' and accountability pages' headline figures, scorecard inputs,
 * stale counts), kept until a task or the org tree changes: every such write is audited, and the audit event
 * moves the "tasks" generation after its commit (on every instance: see {@link CacheGenerations}), so a
 * count is never served from before a committed change. The expiry only bounds memory.
 */
@Component
class TaskCountsCache {

    static final String GENERATION = "tasks";

    private final CacheGenerations generations;
    private final Cache<Object, Object> counts = Caffeine.newBuilder()
            .maximumSize(10_000)
            .expireAfterWrite(Duration.ofMinutes(5))
            .build();

    TaskCountsCache(CacheGenerations generations) {
        this.generations = generations;
    }

    record Key(String resolution, String orgUnit, boolean exact, java.time.LocalDate today, long generation) {}

    /** Any other figure computed from tasks alone, under a key that names all it depends on. */
    record Figure(Object key, long generation) {}

    TaskManagement.TaskCounts get(
            String resolution,
            String orgUnit,
            boolean exact,
            java.time.LocalDate today,
            Supplier<TaskManagement.TaskCounts> compute) {
        return (TaskManagement.TaskCounts) counts.get(
                new Key(resolution, orgUnit, exact, today, generations.current(GENERATION)), k -> compute.get());
    }

    @SuppressWarnings("unchecked")
    <T> T figure(Object key, Supplier<T> compute) {
        return (T) counts.get(new Figure(key, generations.current(GENERATION)), k -> compute.get());
    }

    @EventListener
    void on(AuditedChange e) {
        if ("task".equals(e.entityType()) || "org-unit".equals(e.entityType())) {
            generations.bump(GENERATION);
        }
    }
}
