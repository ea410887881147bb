package org.mandate.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.Base64;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * BCrypt over the Base64 SHA-256 of the password (NFC-normalised): BCrypt reads only 72 bytes, which are
 * 24 Vietnamese letters, so passwords of any length are hashed whole and two passwords sharing their first
 * 72 bytes stay different. Stored as {@code {bcrypt-sha256}...}; older {@code {bcrypt}} hashes still match.
 */
final class PrehashedBCrypt implements PasswordEncoder {

    static final String ID = "bcrypt-sha256";

    private final BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder();

    @Override
    public String encode(CharSequence raw) {
        return bcrypt.encode(prehash(raw));
    }

    @Override
    public boolean matches(CharSequence raw, String encoded) {
        return raw != null && encoded != null && bcrypt.matches(prehash(raw), encoded);
    }

    static String prehash(CharSequence raw) {
        String normalized = Normalizer.normalize(raw, Normalizer.Form.NFC);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(normalized.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The plain BCrypt of old hashes, which refuses (instead of throwing on) what it cannot read. */
    static final class LegacyBCrypt implements PasswordEncoder {
        private final BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder();

        @Override
        public String encode(CharSequence raw) {
            return bcrypt.encode(raw);
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            return raw != null
                    && raw.toString().getBytes(StandardCharsets.UTF_8).length <= 72
                    && bcrypt.matches(raw, encoded);
        }
    }
}
