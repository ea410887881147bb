package org.mandate.feedback.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.OptionalLong;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Token buckets (Bucket4j) per client address and IPv6 /64 (as salted hashes), kept in a size-bounded Caffeine map so that a flood of
 * addresses cannot exhaust memory. Each instance limits on its own; behind a load balancer the per-period
 * uniqueness in the database still holds for all instances.
 */
@Component
class FeedbackRateLimiter {

    private final Cache<String, Bucket> buckets;
    private final int capacity;
    private final int prefixCapacity;
    private final Duration period;

    FeedbackRateLimiter(
            @Value("${mandate.feedback.rate-limit.capacity:10}") int capacity,
            @Value("${mandate.feedback.rate-limit.prefix-capacity:30}") int prefixCapacity,
            @Value("${mandate.feedback.rate-limit.period:PT10M}") Duration period,
            @Value("${mandate.feedback.rate-limit.clients:100000}") long clients) {
        this.capacity = capacity;
        this.prefixCapacity = prefixCapacity;
        this.period = period;
        this.buckets = Caffeine.newBuilder()
                .maximumSize(clients)
                .expireAfterAccess(period)
                .build();
    }

    /**
     * Empty when the client may go on; otherwise the seconds to wait before trying again. The address and,
     * for IPv6, its /64 each have a bucket (the /64's larger, for the devices of one household): both must
     * have a token, so rotating addresses inside a /64 does not get past the limit.
     */
    OptionalLong tryAcquire(ClientIdentity.RateKeys keys) {
        OptionalLong wait = tryAcquire("a:" + keys.address(), capacity);
        if (wait.isPresent() || keys.prefix() == null) {
            return wait;
        }
        return tryAcquire("p:" + keys.prefix(), prefixCapacity);
    }

    private OptionalLong tryAcquire(String key, int size) {
        Bucket bucket = buckets.get(
                key,
                k -> Bucket.builder()
                        .addLimit(limit -> limit.capacity(size).refillGreedy(size, period))
                        .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L));
    }
}
