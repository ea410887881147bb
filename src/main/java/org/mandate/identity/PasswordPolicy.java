package org.mandate.identity;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.mandate.shared.ProblemException.FieldProblem;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * What a password that a person sets must be (OWASP ASVS 2.1): at least {@code mandate.password.min-length}
 * characters (12 by default), at most {@link #MAX_LENGTH}, not one of the common passwords shipped in
 * {@code identity/common-passwords.txt}, and not the user name. Length counts characters, not bytes: a
 * Vietnamese passphrase is as long as it reads (the encoder pre-hashes, so BCrypt's 72-byte limit never cuts it).
 */
@Component
class PasswordPolicy {

    static final int MAX_LENGTH = 256;

    private final int minLength;
    private final Set<String> common;

    PasswordPolicy(@Value("${mandate.password.min-length:12}") int minLength) {
        this.minLength = minLength;
        this.common = load();
    }

    int minLength() {
        return minLength;
    }

    /** The problems of a new password, on the field {@code field}; empty when it is acceptable. */
    List<FieldProblem> check(String field, String password, String username) {
        if (password == null || password.isBlank()) {
            return List.of(new FieldProblem(field, "error.required"));
        }
        String normalized = Normalizer.normalize(password, Normalizer.Form.NFC);
        int length = normalized.codePointCount(0, normalized.length());
        if (length < minLength) {
            return List.of(new FieldProblem(field, "error.password", minLength));
        }
        if (length > MAX_LENGTH) {
            return List.of(new FieldProblem(field, "error.tooLong", MAX_LENGTH));
        }
        String lower = normalized.toLowerCase(Locale.ROOT);
        if (common.contains(lower) || (username != null && lower.equals(username.toLowerCase(Locale.ROOT)))) {
            return List.of(new FieldProblem(field, "error.password.common"));
        }
        return List.of();
    }

    private static Set<String> load() {
        Set<String> out = new HashSet<>();
        try (InputStream in = PasswordPolicy.class.getResourceAsStream("/identity/common-passwords.txt");
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    out.add(line.strip().toLowerCase(Locale.ROOT));
                }
            }
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("identity/common-passwords.txt is missing from the classpath", e);
        }
        return Set.copyOf(out);
    }
}
