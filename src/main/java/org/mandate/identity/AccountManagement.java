package org.mandate.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.mandate.orgunits.OrgUnitManagement;
import org.mandate.shared.Actor;
import org.mandate.shared.AuditedChange;
import org.mandate.shared.Checks;
import org.mandate.shared.ConflictException;
import org.mandate.shared.ForbiddenException;
import org.mandate.shared.InvalidInputException;
import org.mandate.shared.NotFoundException;
import org.mandate.shared.ProblemException.FieldProblem;
import org.mandate.shared.Role;
import org.mandate.shared.Versions;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates and changes accounts and personal API tokens. Only admins manage accounts; every user manages
 * their own tokens. Passwords and tokens are stored only as hashes.
 */
@Service
public class AccountManagement {

    static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,99}");
    static final int MIN_PASSWORD = 4;

    private final Users users;
    private final OrgUnitManagement orgUnits;
    private final PasswordEncoder passwords;
    private final ApplicationEventPublisher events;
    private final SecureRandom random = new SecureRandom();

    AccountManagement(
            Users users, OrgUnitManagement orgUnits, PasswordEncoder passwords, ApplicationEventPublisher events) {
        this.users = users;
        this.orgUnits = orgUnits;
        this.passwords = passwords;
        this.events = events;
    }

    public record NewAccount(String username, String password, String displayName, Role role, String scopeUnit) {}

    public record AccountChanges(
            String password, String displayName, Role role, String scopeUnit, Boolean enabled, Long version) {}

    /** What the audit trail keeps of an account: never the password. */
    record AccountAudit(String username, String displayName, Role role, String scopeUnit, boolean enabled) {
        static AccountAudit of(User u) {
            return new AccountAudit(u.username(), u.displayName(), u.role(), u.scopeUnit(), u.enabled());
        }
    }

    public Optional<User> find(String username) {
        return users.findByUsername(username).map(Users.Stored::user);
    }

    public List<User> all(Actor actor) {
        requireAdmin(actor);
        return users.all();
    }

    public long count() {
        return users.count();
    }

    @Transactional
    public User create(Actor actor, NewAccount account) {
        if (actor != null) {
            requireAdmin(actor);
        }
        List<FieldProblem> problems = new ArrayList<>();
        if (account.username() == null || !USERNAME.matcher(account.username()).matches()) {
            problems.add(new FieldProblem("username", "error.username"));
        }
        if (account.password() == null || account.password().length() < MIN_PASSWORD) {
            problems.add(new FieldProblem("password", "error.password", MIN_PASSWORD));
        }
        if (account.role() == null) {
            problems.add(new FieldProblem("role", "error.required"));
        }
        checkScope(problems, account.role(), account.scopeUnit());
        Checks.maxLength(problems, "username", account.username(), 100);
        Checks.maxLength(problems, "displayName", account.displayName(), 200);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        if (users.findByUsername(account.username()).isPresent()) {
            throw new ConflictException("error.duplicateCode", account.username());
        }
        users.insert(
                account.username(),
                passwords.encode(account.password()),
                account.displayName(),
                account.role(),
                account.scopeUnit());
        User created = find(account.username()).orElseThrow();
        events.publishEvent(AuditedChange.created("user", created.username(), AccountAudit.of(created)));
        return created;
    }

    @Transactional
    public User update(Actor actor, String username, AccountChanges changes) {
        requireAdmin(actor);
        User current = find(username).orElseThrow(() -> new NotFoundException("user", username));
        Versions.check(changes.version(), current.version());
        Role role = changes.role() != null ? changes.role() : current.role();
        String scope = changes.scopeUnit() != null ? changes.scopeUnit() : current.scopeUnit();
        List<FieldProblem> problems = new ArrayList<>();
        if (changes.password() != null && changes.password().length() < MIN_PASSWORD) {
            problems.add(new FieldProblem("password", "error.password", MIN_PASSWORD));
        }
        checkScope(problems, role, scope);
        Checks.maxLength(problems, "displayName", changes.displayName(), 200);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        User next = new User(
                current.id(),
                current.username(),
                changes.displayName() != null ? changes.displayName() : current.displayName(),
                role,
                scope,
                changes.enabled() != null ? changes.enabled() : current.enabled(),
                current.version());
        String hash = changes.password() == null ? null : passwords.encode(changes.password());
        if (!users.update(next, hash, current.version())) {
            throw ConflictException.staleVersion(current.version() + 1, current.version());
        }
        User updated = find(username).orElseThrow();
        events.publishEvent(
                AuditedChange.updated("user", username, AccountAudit.of(current), AccountAudit.of(updated)));
        return updated;
    }

    /** Creates a personal API token and returns it once; only its hash is kept. */
    @Transactional
    public String createToken(Actor actor, String name) {
        if (name == null || name.isBlank() || name.length() > 100) {
            throw new InvalidInputException("name", "error.required");
        }
        User user = find(actor.username()).orElseThrow(() -> new NotFoundException("user", actor.username()));
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = "mdt_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        users.insertToken(user.id(), name, sha256(token));
        events.publishEvent(new AuditedChange("api-token", user.username(), "created", null, name));
        return token;
    }

    @Transactional
    public void revokeToken(Actor actor, long tokenId) {
        User user = find(actor.username()).orElseThrow(() -> new NotFoundException("user", actor.username()));
        if (!users.revokeToken(user.id(), tokenId)) {
            throw new NotFoundException("api-token", tokenId);
        }
        events.publishEvent(new AuditedChange("api-token", user.username(), "revoked", tokenId, null));
    }

    List<Users.Token> tokens(Actor actor) {
        return find(actor.username()).map(u -> users.tokens(u.id())).orElse(List.of());
    }

    Optional<MandatePrincipal> byToken(String token) {
        return users.findByTokenHash(sha256(token))
                .filter(s -> s.user().enabled())
                .map(s -> new MandatePrincipal(s.user(), s.passwordHash()));
    }

    private void checkScope(List<FieldProblem> problems, Role role, String scopeUnit) {
        if (scopeUnit != null && orgUnits.find(scopeUnit).isEmpty()) {
            problems.add(new FieldProblem("scopeUnit", "error.unknown", scopeUnit));
        } else if (scopeUnit == null && role != null && role != Role.ADMIN) {
            problems.add(new FieldProblem("scopeUnit", "error.required"));
        }
    }

    private static void requireAdmin(Actor actor) {
        if (!actor.isAdmin()) {
            throw new ForbiddenException("error.forbidden.role", actor.role());
        }
    }

    static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
