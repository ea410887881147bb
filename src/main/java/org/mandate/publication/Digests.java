package org.mandate.publication;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 as lower-case hex, and the chain rule anyone can recompute with sha256sum. */
final class Digests {

    private Digests() {}

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code printf '%s%s' "$previousDigest" "$contentSha256" | sha256sum} */
    static String chain(String previousDigest, String contentSha256) {
        String prev = previousDigest == null ? "" : previousDigest;
        return sha256((prev + contentSha256).getBytes(StandardCharsets.US_ASCII));
    }
}
