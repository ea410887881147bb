package org.mandate.feedback.web;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.mandate.shared.ClientAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Who is rating, without an account and without keeping their address: a SHA-256 of the client address and
 * a configured salt. {@code X-Forwarded-For} is believed only when the request comes from a configured
 * trusted proxy; then the right-most address that is not itself a trusted proxy is the client. An IPv6
 * client counts by its /64 prefix.
 *
 * <p>The salt ({@code mandate.feedback.salt}, {@code MANDATE_FEEDBACK_SALT}) is required outside the demo:
 * without one fixed salt shared by all instances, the same client would hash differently on each instance and
 * after each restart, and could rate again. Only the demo starts without it, on a random salt.
 */
@Component
class ClientIdentity {

    private static final Logger log = LoggerFactory.getLogger(ClientIdentity.class);

    private final byte[] salt;
    private final List<String> trustedProxies;

    ClientIdentity(
            @Value("${mandate.feedback.salt:}") String salt,
            @Value("${mandate.feedback.trusted-proxies:}") String trustedProxies,
            @Value("${mandate.demo:false}") boolean demo) {
        if (salt == null || salt.isBlank()) {
            if (!demo) {
                throw new SaltMissingException();
            }
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            this.salt = random;
            log.warn(
                    "mandate.feedback.salt is not set: the demo uses a random salt, so a client may rate again after a restart or on another instance");
        } else {
            this.salt = salt.getBytes(StandardCharsets.UTF_8);
        }
        this.trustedProxies = Arrays.stream(trustedProxies.split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    /**
     * The client for "one rating per target and period": its address, an IPv6 one by its /64 (one subscriber
     * gets a whole /64 and could rotate through it).
     */
    String of(HttpServletRequest request) {
        return hash(ClientAddress.limitKey(address(request)));
    }

    /** The keys the rate limit counts for this request: the address itself and its /64 (IPv6 only). */
    RateKeys rateKeys(HttpServletRequest request) {
        String address = address(request);
        String prefix = ClientAddress.limitKey(address);
        return new RateKeys(hash(address), prefix.equals(address) ? null : hash(prefix));
    }

    record RateKeys(String address, String prefix) {}

    String address(HttpServletRequest request) {
        String remote = request.getRemoteAddr();
        if (!trustedProxies.contains(remote)) {
            return remote;
        }
        String forwarded = request.getHeader("X-Forwarded-For");
        if (forwarded == null || forwarded.isBlank()) {
            return remote;
        }
        String[] hops = forwarded.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].strip();
            if (!hop.isEmpty() && !trustedProxies.contains(hop)) {
                return hop;
            }
        }
        return remote;
    }

    private String hash(String address) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(salt);
            sha.update((byte) 0);
            sha.update(address.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
