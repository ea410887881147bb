package org.mandate.feedback.web;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The feedback rate limit, kept in the database so that all instances behind a load balancer count the same
 * ratings: a client address may rate {@code capacity} times per {@code period}, its IPv6 /64 {@code
 * prefixCapacity} times (both keyed by salted hashes, never by the address).
 *
 * <p>Each key is a token bucket that refills evenly over the period, as the in-memory Bucket4j buckets did,
 * stored as one number: the moment the bucket is full again ({@code full_at}, the "theoretical arrival time"
 * of the generic cell rate algorithm). A rating costs {@code period / capacity}; it is allowed when, once paid,
 * the bucket is at most one period from full. So {@code capacity} ratings at once pass, the next one waits for
 * one rating's worth of refill, and a steady client gets {@code capacity} per period; a fixed window would let
 * it send twice that across a window's edge. One conditional UPDATE decides and spends atomically, on H2 and
 * PostgreSQL alike; a key not seen yet is INSERTed, and when another instance inserted it first (duplicate
 * key) the attempt is made again and finds the row. Each attempt is its own short transaction, so a refused
 * rating spends nothing (not even the address's share when its /64 is out), whatever transaction the caller
 * is in. Rows whose bucket is full again mean the same as no row; {@link #deleteFullBuckets()} removes them,
 * so the table holds at most the keys that rated within about one period.
 */
@Component
class FeedbackRateLimiter {

    private static final int ATTEMPTS = 3;

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final int capacity;
    private final int prefixCapacity;
    private final long periodMillis;

    FeedbackRateLimiter(
            JdbcClient jdbc,
            PlatformTransactionManager transactions,
            Clock clock,
            @Value("${mandate.feedback.rate-limit.capacity:10}") int capacity,
            @Value("${mandate.feedback.rate-limit.prefix-capacity:30}") int prefixCapacity,
            @Value("${mandate.feedback.rate-limit.period:PT10M}") Duration period) {
        if (capacity < 1 || prefixCapacity < 1 || period.toMillis() < 1) {
            throw new IllegalArgumentException(
                    "mandate.feedback.rate-limit: capacity and prefix-capacity must be at least 1, period positive");
        }
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
        this.capacity = capacity;
        this.prefixCapacity = prefixCapacity;
        this.periodMillis = period.toMillis();
    }

    /**
     * Empty when the client may go on; otherwise the seconds to wait before trying again. The address and,
     * for IPv6, its /64 each have a bucket (the /64's larger, for the devices of one household): both must
     * have room, so rotating addresses inside a /64 does not get past the limit.
     */
    OptionalLong tryAcquire(ClientIdentity.RateKeys keys) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transaction.execute(status -> {
                    long now = clock.millis();
                    OptionalLong wait = spend("a:" + keys.address(), capacity, now);
                    if (wait.isEmpty() && keys.prefix() != null) {
                        wait = spend("p:" + keys.prefix(), prefixCapacity, now);
                    }
                    if (wait.isPresent()) {
                        status.setRollbackOnly();
                    }
                    return wait;
                });
            } catch (DuplicateKeyException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    private OptionalLong spend(String key, int size, long now) {
        long cost = Math.max(1, periodMillis / size);
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            int spent = jdbc.sql("""
                    update feedback_rate_limit set full_at = greatest(full_at, :now) + :cost
                     where client_key = :key and greatest(full_at, :now) + :cost - :now <= :period
                    """)
                    .param("now", now)
                    .param("cost", cost)
                    .param("period", periodMillis)
                    .param("key", key)
                    .update();
            if (spent == 1) {
                return OptionalLong.empty();
            }
            Optional<Long> fullAt = jdbc.sql("select full_at from feedback_rate_limit where client_key = :key")
                    .param("key", key)
                    .query(Long.class)
                    .optional();
            if (fullAt.isEmpty()) {
                jdbc.sql("insert into feedback_rate_limit (client_key, full_at) values (:key, :fullAt)")
                        .param("key", key)
                        .param("fullAt", now + cost)
                        .update();
                return OptionalLong.empty();
            }
            long waitMillis = Math.max(fullAt.get(), now) + cost - now - periodMillis;
            if (waitMillis > 0) {
                return OptionalLong.of(Math.max(1, (waitMillis + 999) / 1000));
            }
            // Another instance wrote the row between the update and the select: try the update again.
        }
        return OptionalLong.of(1);
    }

    /** Deletes the buckets that are full again: they mean the same as no row. */
    @Scheduled(
            fixedDelayString = "${mandate.feedback.rate-limit.cleanup-every:PT10M}",
            initialDelayString = "${mandate.feedback.rate-limit.cleanup-every:PT10M}")
    @SchedulerLock(name = "feedback.rate-limit.cleanup")
    void deleteFullBuckets() {
        jdbc.sql("delete from feedback_rate_limit where full_at <= :now")
                .param("now", clock.millis())
                .update();
    }
}
