package org.mandate.feedback.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mandate.MandateIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Two limiters over the one database, as two application instances behind a load balancer would have: they
 * share every count. Each has its own clock, set by the test (both show the same time, as synchronised
 * servers do).
 */
@MandateIntegrationTest
class FeedbackRateLimiterIntegrationTests {

    private static final int CAPACITY = 4;
    private static final int PREFIX_CAPACITY = 6;
    private static final Duration PERIOD = Duration.ofMinutes(10);
    /** One rating's worth of refill: period / capacity = 150 s. */
    private static final long COST_SECONDS = PERIOD.toSeconds() / CAPACITY;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    private final SetClock clock = new SetClock();
    private FeedbackRateLimiter a;
    private FeedbackRateLimiter b;

    static final class SetClock extends Clock {

        private volatile Instant now = Instant.now();

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @BeforeEach
    void twoInstances() {
        a = new FeedbackRateLimiter(jdbc, transactions, clock, CAPACITY, PREFIX_CAPACITY, PERIOD);
        b = new FeedbackRateLimiter(jdbc, transactions, clock, CAPACITY, PREFIX_CAPACITY, PERIOD);
    }

    private static String key() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    private long rows(String key) {
        return jdbc.sql("select count(*) from feedback_rate_limit where client_key = :k")
                .param("k", key)
                .query(Long.class)
                .single();
    }

    @Test
    void ratingsSpreadOverTwoInstancesShareOneLimit() {
        ClientIdentity.RateKeys client = new ClientIdentity.RateKeys(key(), null);
        for (int i = 0; i < CAPACITY; i++) {
            FeedbackRateLimiter instance = i % 2 == 0 ? a : b;
            assertThat(instance.tryAcquire(client)).as("rating %d", i + 1).isEmpty();
        }
        // The N+1th is refused on either instance, told to come back once one rating's worth has refilled:
        // Retry-After between 1 s and period / capacity (150 s), never the whole period.
        for (FeedbackRateLimiter instance : List.of(a, b)) {
            OptionalLong wait = instance.tryAcquire(client);
            assertThat(wait).isPresent();
            assertThat(wait.getAsLong()).isBetween(1L, COST_SECONDS);
        }
        // After the wait one more passes (on whichever instance), then the limit holds again.
        clock.advance(Duration.ofSeconds(a.tryAcquire(client).orElseThrow()));
        assertThat(b.tryAcquire(client)).isEmpty();
        assertThat(a.tryAcquire(client)).isPresent();
        // A full period later the client has its whole allowance back.
        clock.advance(PERIOD);
        for (int i = 0; i < CAPACITY; i++) {
            assertThat((i % 2 == 0 ? b : a).tryAcquire(client)).isEmpty();
        }
        assertThat(a.tryAcquire(client)).isPresent();
    }

    @Test
    void anIpv6Slash64IsLimitedAcrossInstancesAndARefusalSpendsNothing() {
        String prefix = key();
        List<String> addresses = new ArrayList<>();
        for (int i = 0; i < PREFIX_CAPACITY; i++) {
            String address = key();
            addresses.add(address);
            assertThat((i % 2 == 0 ? a : b).tryAcquire(new ClientIdentity.RateKeys(address, prefix)))
                    .isEmpty();
        }
        String another = key();
        assertThat(a.tryAcquire(new ClientIdentity.RateKeys(another, prefix))).isPresent();
        assertThat(b.tryAcquire(new ClientIdentity.RateKeys(another, prefix))).isPresent();
        // The /64 refused it: the new address's own bucket was not written either.
        assertThat(rows("a:" + another)).isZero();
        assertThat(rows("a:" + addresses.get(0))).isOne();
        assertThat(rows("p:" + prefix)).isOne();
    }

    @Test
    void concurrentRatingsOnBothInstancesNeverPassTheLimit() throws Exception {
        ClientIdentity.RateKeys client = new ClientIdentity.RateKeys(key(), null);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Boolean>> calls = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                FeedbackRateLimiter instance = i % 2 == 0 ? a : b;
                calls.add(() -> instance.tryAcquire(client).isEmpty());
            }
            int passed = 0;
            for (Future<Boolean> f : pool.invokeAll(calls)) {
                if (f.get()) {
                    passed++;
                }
            }
            assertThat(passed).isEqualTo(CAPACITY);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void bucketsThatAreFullAgainAreDeleted() {
        String address = key();
        assertThat(a.tryAcquire(new ClientIdentity.RateKeys(address, null))).isEmpty();
        assertThat(rows("a:" + address)).isOne();
        b.deleteFullBuckets();
        assertThat(rows("a:" + address)).isOne();
        clock.advance(Duration.ofSeconds(COST_SECONDS));
        b.deleteFullBuckets();
        assertThat(rows("a:" + address)).isZero();
    }
}
