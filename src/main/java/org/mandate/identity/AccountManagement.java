package org.mandate.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
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
 * their own tokens (admins everyone's). Passwords and tokens are stored only as hashes. A password a person
 * sets follows the {@link PasswordPolicy}; changing it or disabling the account ends the account's sessions
 * and revokes its tokens. A token has a scope and an expiry day, and can never create another token.
 */
@Service
public class AccountManagement {

    static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,99}");
    /** How long a token lives when its creator gives no day, and the longest it may live. */
    static final int DEFAULT_TOKEN_DAYS = 90;

    public static final int MAX_TOKEN_DAYS = 366;

    private final Users users;
    private final OrgUnitManagement orgUnits;
    private final PasswordEncoder passwords;
    private final PasswordPolicy policy;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    AccountManagement(
            Users users,
            OrgUnitManagement orgUnits,
            PasswordEncoder passwords,
            PasswordPolicy policy,
            ApplicationEventPublisher events,
            Clock clock) {
        this.users = users;
        this.orgUnits = orgUnits;
        this.passwords = passwords;
        this.policy = policy;
        this.events = events;
        this.clock = clock;
    }

    public record NewAccount(String username, String password, String displayName, Role role, String scopeUnit) {}

    public record AccountChanges(
            String password, String displayName, Role role, String scopeUnit, Boolean enabled, Long version) {}

    /** A token to create: a name, a scope (WRITE when null) and the last day it works (90 days when null). */
    public record NewToken(String name, TokenScope scope, LocalDate expiresOn) {}

    /** A token as its owner and admins see it: never the token itself. */
    public record TokenView(
            long id,
            String user,
            String name,
            TokenScope scope,
            LocalDate expiresOn,
            Instant createdAt,
            Instant lastUsedAt,
            boolean revoked,
            boolean expired) {}

    /** A new token: shown once, with what it is. */
    public record CreatedToken(TokenView view, String token) {}

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

    /**
     * The enabled accounts of these roles whose scope is exactly this unit: the people a notification about
     * the unit goes to (its reporters, its leaders).
     */
    public List<User> inUnit(String unitCode, java.util.Collection<Role> roles) {
        if (unitCode == null || roles.isEmpty()) {
            return List.of();
        }
        return users.inUnit(unitCode, roles);
    }

    /** The enabled accounts of a role (for jobs that write to every leader, say). */
    public List<User> withRole(Role role) {
        return users.all().stream().filter(u -> u.enabled() && u.role() == role).toList();
    }

    public long count() {
        return users.count();
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    public int minPasswordLength() {
        return policy.minLength();
    }

    @Transactional
    public User create(Actor actor, NewAccount account) {
        if (actor != null) {
            requireAdmin(actor);
        }
        List<FieldProblem> problems = new ArrayList<>(policy.check("password", account.password(), account.username()));
        return insert(account, problems);
    }

    /**
     * Creates an account with a password chosen by the system, not a person (the demo accounts' "demo"):
     * the password policy does not apply. Admins only.
     */
    @Transactional
    public User seed(Actor actor, NewAccount account) {
        requireAdmin(actor);
        List<FieldProblem> problems = new ArrayList<>();
        if (account.password() == null || account.password().isEmpty()) {
            problems.add(new FieldProblem("password", "error.required"));
        }
        return insert(account, problems);
    }

    private User insert(NewAccount account, List<FieldProblem> problems) {
        if (account.username() == null || !USERNAME.matcher(account.username()).matches()) {
            problems.add(new FieldProblem("username", "error.username"));
        }
        if (account.role() == null) {
            problems.add(new FieldProblem("role", "error.required"));
        }
        Checks.maxLength(problems, "displayName", account.displayName(), 200);
        checkScope(problems, account.role(), account.scopeUnit());
        Checks.maxLength(problems, "username", account.username(), 100);
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
        if (changes.password() != null) {
            problems.addAll(policy.check("password", changes.password(), username));
        }
        Checks.maxLength(problems, "displayName", changes.displayName(), 200);
        checkScope(problems, role, scope);
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
        boolean disabled = current.enabled() && !next.enabled();
        boolean credentials = hash != null
                || next.enabled() != current.enabled()
                || next.role() != current.role()
                || !java.util.Objects.equals(next.scopeUnit(), current.scopeUnit());
        if (!users.update(next, hash, credentials, current.version())) {
            throw ConflictException.staleVersion(current.version() + 1, current.version());
        }
        if (hash != null || disabled) {
            int revoked = users.revokeAllTokens(current.id());
            if (revoked > 0) {
                events.publishEvent(new AuditedChange(
                        "api-token", username, "revoked-all", null, hash != null ? "password-changed" : "disabled"));
            }
        }
        User updated = find(username).orElseThrow();
        events.publishEvent(
                AuditedChange.updated("user", username, AccountAudit.of(current), AccountAudit.of(updated)));
        return updated;
    }

    /**
     * Creates a personal API token and returns it once; only its hash is kept. Only a password login (a page
     * session or HTTP Basic) may create one: a token cannot make more tokens.
     */
    @Transactional
    public CreatedToken createToken(Actor actor, NewToken request) {
        if (ApiTokenFilter.isTokenAuthenticated()) {
            throw new ForbiddenException("error.tokens.byToken");
        }
        List<FieldProblem> problems = new ArrayList<>();
        String name = request.name() == null ? null : request.name().strip();
        if (name == null || name.isEmpty()) {
            problems.add(new FieldProblem("name", "error.required"));
        }
        Checks.maxLength(problems, "name", name, 100);
        LocalDate today = LocalDate.now(clock);
        LocalDate expiresOn = request.expiresOn() != null ? request.expiresOn() : today.plusDays(DEFAULT_TOKEN_DAYS);
        if (expiresOn.isBefore(today)) {
            problems.add(new FieldProblem("expiresOn", "error.tokens.expiresInPast"));
        } else if (expiresOn.isAfter(today.plusDays(MAX_TOKEN_DAYS))) {
            problems.add(new FieldProblem("expiresOn", "error.tokens.expiresTooLate", MAX_TOKEN_DAYS));
        }
        Checks.throwIfAny(problems);
        User user = find(actor.username()).orElseThrow(() -> new NotFoundException("user", actor.username()));
        TokenScope scope = request.scope() == null ? TokenScope.WRITE : request.scope();
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = "mdt_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        long id = users.insertToken(user.id(), name, sha256(token), scope, expiresOn);
        TokenView view = view(users.token(id).orElseThrow(), today);
        events.publishEvent(new AuditedChange("api-token", String.valueOf(id), "created", null, view));
        return new CreatedToken(view, token);
    }

    /** Revokes a token: its owner or an admin. Someone else's token is unknown (404), as if it did not exist. */
    @Transactional
    public void revokeToken(Actor actor, long tokenId) {
        Users.Token token = users.token(tokenId)
                .filter(t -> actor.isAdmin() || t.username().equals(actor.username()))
                .orElseThrow(() -> new NotFoundException("api-token", tokenId));
        if (users.revokeToken(tokenId)) {
            events.publishEvent(new AuditedChange("api-token", String.valueOf(tokenId), "revoked", null, token.name()));
        }
    }

    /** The actor's own tokens; an admin may ask for another account's ({@code username}) or all ({@code "*"}). */
    public List<TokenView> tokens(Actor actor, String username) {
        LocalDate today = LocalDate.now(clock);
        if (username == null || username.equals(actor.username())) {
            return find(actor.username())
                    .map(u -> users.tokens(u.id()).stream()
                            .map(t -> view(t, today))
                            .toList())
                    .orElse(List.of());
        }
        requireAdmin(actor);
        if ("*".equals(username)) {
            return users.tokens(null).stream().map(t -> view(t, today)).toList();
        }
        User user = find(username).orElseThrow(() -> new NotFoundException("user", username));
        return users.tokens(user.id()).stream().map(t -> view(t, today)).toList();
    }

    private static TokenView view(Users.Token t, LocalDate today) {
        return new TokenView(
                t.id(),
                t.username(),
                t.name(),
                t.scope(),
                t.expiresOn(),
                t.createdAt(),
                t.lastUsedAt(),
                t.revoked(),
                t.expiresOn().isBefore(today));
    }

    /** Why a bearer token does not authenticate, or the principal it stands for. */
    sealed interface TokenCheck {
        record Valid(MandatePrincipal principal, TokenScope scope) implements TokenCheck {}

        record Refused(String reason) implements TokenCheck {}
    }

    TokenCheck byToken(String token) {
        Optional<Users.StoredToken> found = users.findByTokenHash(sha256(token));
        if (found.isEmpty()) {
            return new TokenCheck.Refused("unknown");
        }
        Users.StoredToken s = found.get();
        Instant now = Instant.now(clock);
        if (s.token().revoked()) {
            return new TokenCheck.Refused("revoked");
        }
        if (s.token().expiresOn().isBefore(LocalDate.now(clock))) {
            return new TokenCheck.Refused("expired");
        }
        if (!s.owner().user().enabled()) {
            return new TokenCheck.Refused("disabled");
        }
        if (s.token().lastUsedAt() == null || s.token().lastUsedAt().isBefore(now.minusSeconds(60))) {
            users.touch(s.token().id(), now);
        }
        return new TokenCheck.Valid(new MandatePrincipal(s.owner()), s.token().scope());
    }

    /** True while the account of a session still stands under the credentials it signed in with. */
    boolean stillValid(MandatePrincipal principal) {
        return users.standing(principal.user().id())
                .filter(s -> s.enabled() && s.credentialsVersion() == principal.credentialsVersion())
                .isPresent();
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
