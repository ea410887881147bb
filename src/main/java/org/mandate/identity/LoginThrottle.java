package org.mandate.identity;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.mandate.shared.ClientAddress;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Slows password guessing down, per account and per client address (IPv6 by /64). A number of failures
 * is free; each failure past them locks the account (or address) for twice as long as the one before,
 * from {@code base-delay} up to {@code max-delay}. While locked, every attempt is refused without looking
 * at the password, the right one too. A success forgets the account's failures, never the address's (an
 * attacker's own account must not reset the address it guesses from); both are forgotten an hour after the
 * last failure.
 */
@Component
class LoginThrottle {

    private final Clock clock;
    private final int accountFreeFailures;
    private final int addressFreeFailures;
    private final Duration baseDelay;
    private final Duration maxDelay;
    private final Cache<String, Failures> failures = Caffeine.newBuilder()
            .maximumSize(200_000)
            .expireAfterWrite(Duration.ofHours(1))
            .build();

    LoginThrottle(
            Clock clock,
            @Value("${mandate.login.throttle.account-free-failures:5}") int accountFreeFailures,
            @Value("${mandate.login.throttle.address-free-failures:20}") int addressFreeFailures,
            @Value("${mandate.login.throttle.base-delay:PT1S}") Duration baseDelay,
            @Value("${mandate.login.throttle.max-delay:PT15M}") Duration maxDelay) {
        this.clock = clock;
        this.accountFreeFailures = accountFreeFailures;
        this.addressFreeFailures = addressFreeFailures;
        this.baseDelay = baseDelay;
        this.maxDelay = maxDelay;
    }

    /** Failures so far and the instant until which attempts are refused. */
    record Failures(int count, Instant lockedUntil, boolean refusalSeen) {}

    /** How long attempts for this account or from this address are still refused; empty when they may try. */
    Optional<Duration> lockedFor(String username, String address) {
        Instant now = clock.instant();
        Duration longest = null;
        for (String key : new String[] {accountKey(username), addressKey(address)}) {
            Failures f = key == null ? null : failures.getIfPresent(key);
            if (f != null && f.lockedUntil() != null && f.lockedUntil().isAfter(now)) {
                Duration left = Duration.between(now, f.lockedUntil());
                if (longest == null || left.compareTo(longest) > 0) {
                    longest = left;
                }
            }
        }
        return Optional.ofNullable(longest);
    }

    void failed(String username, String address) {
        record(accountKey(username), accountFreeFailures);
        record(addressKey(address), addressFreeFailures);
    }

    /** Forgets the account's failures; true when there were some. */
    boolean succeeded(String username) {
        String key = accountKey(username);
        return key != null && failures.asMap().remove(key) != null;
    }

    /** True for the first refused attempt of a lock, so that a flood of refusals is audited once. */
    boolean firstRefusal(String username, String address) {
        boolean first = false;
        Instant now = clock.instant();
        for (String key : new String[] {accountKey(username), addressKey(address)}) {
            if (key == null) {
                continue;
            }
            Failures f = failures.getIfPresent(key);
            if (f != null && f.lockedUntil() != null && f.lockedUntil().isAfter(now) && !f.refusalSeen()) {
                failures.asMap().computeIfPresent(key, (k, v) -> new Failures(v.count(), v.lockedUntil(), true));
                first = true;
            }
        }
        return first;
    }

    int addressFreeFailures() {
        return addressFreeFailures;
    }

    /** Forgets everything (tests that must not leave their address locked for the next one). */
    void forgetAll() {
        failures.invalidateAll();
    }

    private void record(String key, int free) {
        if (key == null) {
            return;
        }
        Instant now = clock.instant();
        failures.asMap().compute(key, (k, f) -> {
            int count = f == null ? 1 : f.count() + 1;
            Instant until = null;
            if (count > free) {
                int doublings = Math.min(count - free - 1, 30);
                Duration delay = baseDelay.multipliedBy(1L << doublings);
                until = now.plus(delay.compareTo(maxDelay) > 0 ? maxDelay : delay);
            }
            return new Failures(count, until, false);
        });
    }

    private static String accountKey(String username) {
        if (username == null || username.isBlank()) {
            return null;
        }
        String u = username.strip().toLowerCase(Locale.ROOT);
        return "u:" + (u.length() > 100 ? u.substring(0, 100) : u);
    }

    private static String addressKey(String address) {
        return address == null ? null : "a:" + ClientAddress.limitKey(address);
    }
}
