package org.mandate.shared;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The generations caches put in their keys: a counter per name ("tasks", "scorecards", "analytics:GDP"…)
 * that moves after every committed change of what the name covers, so an entry computed before the change
 * is never served after it. With several instances over one PostgreSQL database the counters live in
 * {@code shared_cache_generation}: a change committed on one instance is seen by the next request on any
 * other. On H2 (one process) they stay in memory. {@code mandate.cache.generations} chooses: {@code auto}
 * (database on PostgreSQL), {@code database} or {@code local}.
 *
 * <p>Bumps are collected per transaction and written once after its commit, in a short transaction of their
 * own: an import of ten thousand values moves each counter once, and never before its rows are visible.
 * Readers take all counters in one query, once per web request ({@link #remember}).
 */
@Component
public class CacheGenerations {

    private static final Logger log = LoggerFactory.getLogger(CacheGenerations.class);
    private static final Object PENDING = new Object();

    private final boolean shared;
    private final boolean postgres;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate own;
    private final Map<String, AtomicLong> local = new ConcurrentHashMap<>();
    private final ThreadLocal<Remembered> remembered = new ThreadLocal<>();

    /** The counters one request has read, or null before it reads them. */
    private static final class Remembered {
        Map<String, Long> counters;
    }

    CacheGenerations(
            DataSource dataSource,
            PlatformTransactionManager transactions,
            @Value("${mandate.cache.generations:auto}") String mode) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.own = new TransactionTemplate(transactions);
        this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.postgres = Databases.isPostgres(dataSource);
        this.shared = switch (mode) {
            case "database" -> true;
            case "local" -> false;
            case "auto" -> postgres;
            default ->
                throw new IllegalStateException(
                        "mandate.cache.generations must be auto, database or local, not " + mode);
        };
        log.info("Cache generations: {}", shared ? "in the database (shared by all instances)" : "in memory");
    }

    public boolean shared() {
        return shared;
    }

    /** The current generation of {@code name}. */
    public long current(String name) {
        return counters().getOrDefault(name, 0L);
    }

    /** The sum of the generations of {@code names}: moves when any of them does. */
    public long sum(Collection<String> names) {
        Map<String, Long> all = counters();
        long s = 0;
        for (String n : names) {
            s += all.getOrDefault(n, 0L);
        }
        return s;
    }

    /**
     * Moves {@code name} on after the current transaction commits (at once when there is none). A rolled
     * back change moves nothing.
     */
    public void bump(String name) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            write(Set.of(name));
            return;
        }
        @SuppressWarnings("unchecked")
        Set<String> pending = (Set<String>) TransactionSynchronizationManager.getResource(PENDING);
        if (pending == null) {
            Set<String> names = new LinkedHashSet<>();
            TransactionSynchronizationManager.bindResource(PENDING, names);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(PENDING);
                    if (status == STATUS_COMMITTED) {
                        write(names);
                    }
                }
            });
            pending = names;
        }
        pending.add(name);
    }

    /**
     * Until the returned scope closes, this thread reads each counter at most once (a web request: one query
     * for all its cache lookups). Counters this thread moves meanwhile are read again.
     */
    public ThreadScope remember() {
        if (remembered.get() != null) {
            return () -> {};
        }
        remembered.set(new Remembered());
        return remembered::remove;
    }

    private Map<String, Long> counters() {
        Remembered memo = remembered.get();
        if (memo == null) {
            return read();
        }
        if (memo.counters == null) {
            memo.counters = read();
        }
        return memo.counters;
    }

    private Map<String, Long> read() {
        Map<String, Long> all = new HashMap<>();
        if (shared) {
            jdbc.query("select name, generation from shared_cache_generation", rs -> {
                all.put(rs.getString(1), rs.getLong(2));
            });
        } else {
            local.forEach((k, v) -> all.put(k, v.get()));
        }
        return all;
    }

    private void write(Set<String> names) {
        if (names.isEmpty()) {
            return;
        }
        Remembered memo = remembered.get();
        if (memo != null) {
            memo.counters = null;
        }
        if (!shared) {
            names.forEach(n -> local.computeIfAbsent(n, k -> new AtomicLong()).incrementAndGet());
            return;
        }
        // Sorted, so two instances bumping the same names lock their rows in the same order.
        own.executeWithoutResult(s -> names.stream().sorted().forEach(this::increment));
    }

    private void increment(String name) {
        if (postgres) {
            jdbc.update("""
                    insert into shared_cache_generation (name, generation) values (?, 1)
                    on conflict (name) do update set generation = shared_cache_generation.generation + 1""", name);
        } else {
            jdbc.update("""
                    merge into shared_cache_generation t using (values (cast(? as varchar(200)))) s(name)
                    on t.name = s.name
                    when matched then update set generation = t.generation + 1
                    when not matched then insert (name, generation) values (s.name, 1)""", name);
        }
    }
}
