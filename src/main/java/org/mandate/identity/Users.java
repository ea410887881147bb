package org.mandate.identity;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.mandate.shared.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Accounts and their API tokens. */
@Repository
class Users {

    private static final String SELECT = """
            select u.id, u.username, u.display_name, u.role, o.code as scope_code, u.enabled, u.version,
                   u.password_hash, u.credentials_version
              from identity_user u left join org_unit o on o.id = u.scope_unit_id
            """;

    private static final String TOKEN_COLUMNS = """
            t.id as token_id, t.name as token_name, t.created_at as token_created_at, t.last_used_at,
            t.revoked, t.expires_on, t.scope as token_scope, t.revoked_at
            """;

    private final JdbcClient jdbc;

    Users(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** An account with what only the identity module sees: its hash and its credentials version. */
    record Stored(User user, String passwordHash, long credentialsVersion) {}

    record Token(
            long id,
            String username,
            String name,
            TokenScope scope,
            LocalDate expiresOn,
            Instant createdAt,
            Instant lastUsedAt,
            boolean revoked,
            Instant revokedAt) {}

    /** A token found by its hash, with its owner. */
    record StoredToken(Stored owner, Token token) {}

    /** Whether an account may still act, and under which credentials version. */
    record Standing(boolean enabled, long credentialsVersion) {}

    Optional<Stored> findByUsername(String username) {
        return jdbc.sql(SELECT + " where u.username = :username")
                .param("username", username)
                .query(Users::map)
                .optional();
    }

    Optional<StoredToken> findByTokenHash(String hash) {
        return jdbc.sql(SELECT.replace("select ", "select " + TOKEN_COLUMNS + ", ")
                        + " join identity_api_token t on t.user_id = u.id where t.token_hash = :hash")
                .param("hash", hash)
                .query((rs, i) -> {
                    Stored owner = map(rs, i);
                    return new StoredToken(owner, token(rs, owner.user().username()));
                })
                .optional();
    }

    Optional<Standing> standing(long userId) {
        return jdbc.sql("select enabled, credentials_version from identity_user where id = :id")
                .param("id", userId)
                .query((rs, i) -> new Standing(rs.getBoolean("enabled"), rs.getLong("credentials_version")))
                .optional();
    }

    List<User> all() {
        return jdbc.sql(SELECT + " order by u.username").query(Users::map).list().stream()
                .map(Stored::user)
                .toList();
    }

    List<User> inUnit(String unitCode, java.util.Collection<Role> roles) {
        return jdbc
                .sql(SELECT + " where u.enabled and u.role in (:roles)"
                        + " and u.scope_unit_id = (select id from org_unit where code = :unit) order by u.username")
                .param("roles", roles.stream().map(Role::name).toList())
                .param("unit", unitCode)
                .query(Users::map)
                .list()
                .stream()
                .map(Stored::user)
                .toList();
    }

    long count() {
        return jdbc.sql("select count(*) from identity_user").query(Long.class).single();
    }

    void insert(String username, String passwordHash, String displayName, Role role, String scopeUnit) {
        jdbc.sql("""
                insert into identity_user (username, password_hash, display_name, role, scope_unit_id, enabled,
                                           version, created_at)
                values (:username, :hash, :display, :role,
                        (select id from org_unit where code = :scope), true, 0, :now)
                """)
                .param("username", username)
                .param("hash", passwordHash)
                .param("display", displayName)
                .param("role", role.name())
                .param("scope", scopeUnit)
                .param("now", Timestamp.from(Instant.now()))
                .update();
    }

    /**
     * Writes the account; {@code credentialsChanged} raises its credentials version, which ends the sessions
     * signed in before.
     */
    boolean update(User user, String passwordHash, boolean credentialsChanged, long expectedVersion) {
        return jdbc.sql("""
                update identity_user
                   set display_name = :display, role = :role, enabled = :enabled,
                       scope_unit_id = (select id from org_unit where code = :scope),
                       password_hash = coalesce(:hash, password_hash), version = version + 1,
                       credentials_version = credentials_version + :bump
                 where id = :id and version = :version
                """)
                        .param("display", user.displayName())
                        .param("role", user.role().name())
                        .param("enabled", user.enabled())
                        .param("scope", user.scopeUnit())
                        .param("hash", passwordHash)
                        .param("bump", credentialsChanged ? 1 : 0)
                        .param("id", user.id())
                        .param("version", expectedVersion)
                        .update()
                == 1;
    }

    long insertToken(long userId, String name, String hash, TokenScope scope, LocalDate expiresOn) {
        jdbc.sql("""
                insert into identity_api_token (user_id, name, token_hash, created_at, revoked, scope, expires_on)
                values (:user, :name, :hash, :now, false, :scope, :expires)
                """)
                .param("user", userId)
                .param("name", name)
                .param("hash", hash)
                .param("now", Timestamp.from(Instant.now()))
                .param("scope", scope.name())
                .param("expires", Date.valueOf(expiresOn))
                .update();
        return jdbc.sql("select id from identity_api_token where token_hash = :hash")
                .param("hash", hash)
                .query(Long.class)
                .single();
    }

    /** The tokens of one account, or of every account when {@code userId} is null. */
    List<Token> tokens(Long userId) {
        String from = " from identity_api_token t join identity_user u on u.id = t.user_id";
        var sql = userId == null
                ? jdbc.sql("select u.username, " + TOKEN_COLUMNS + from + " order by t.id")
                : jdbc.sql("select u.username, " + TOKEN_COLUMNS + from + " where t.user_id = :user order by t.id")
                        .param("user", userId);
        return sql.query((rs, i) -> token(rs, rs.getString("username"))).list();
    }

    Optional<Token> token(long tokenId) {
        return jdbc.sql("select u.username, " + TOKEN_COLUMNS
                        + " from identity_api_token t join identity_user u on u.id = t.user_id where t.id = :id")
                .param("id", tokenId)
                .query((rs, i) -> token(rs, rs.getString("username")))
                .optional();
    }

    boolean revokeToken(long tokenId) {
        return jdbc.sql(
                                "update identity_api_token set revoked = true, revoked_at = :now where id = :id and revoked = false")
                        .param("id", tokenId)
                        .param("now", Timestamp.from(Instant.now()))
                        .update()
                == 1;
    }

    /** Revokes every live token of an account; returns how many. */
    int revokeAllTokens(long userId) {
        return jdbc.sql(
                        "update identity_api_token set revoked = true, revoked_at = :now where user_id = :user and revoked = false")
                .param("user", userId)
                .param("now", Timestamp.from(Instant.now()))
                .update();
    }

    /** Records a use, at most once a minute per token (the condition keeps concurrent requests to one write). */
    void touch(long tokenId, Instant now) {
        jdbc.sql("""
                update identity_api_token set last_used_at = :now
                 where id = :id and (last_used_at is null or last_used_at < :before)
                """)
                .param("now", Timestamp.from(now))
                .param("before", Timestamp.from(now.minusSeconds(60)))
                .param("id", tokenId)
                .update();
    }

    private static Token token(ResultSet rs, String username) throws SQLException {
        Timestamp lastUsed = rs.getTimestamp("last_used_at");
        Timestamp revokedAt = rs.getTimestamp("revoked_at");
        return new Token(
                rs.getLong("token_id"),
                username,
                rs.getString("token_name"),
                TokenScope.valueOf(rs.getString("token_scope")),
                rs.getDate("expires_on").toLocalDate(),
                rs.getTimestamp("token_created_at").toInstant(),
                lastUsed == null ? null : lastUsed.toInstant(),
                rs.getBoolean("revoked"),
                revokedAt == null ? null : revokedAt.toInstant());
    }

    private static Stored map(ResultSet rs, int row) throws SQLException {
        return new Stored(
                new User(
                        rs.getLong("id"),
                        rs.getString("username"),
                        rs.getString("display_name"),
                        Role.valueOf(rs.getString("role")),
                        rs.getString("scope_code"),
                        rs.getBoolean("enabled"),
                        rs.getLong("version")),
                rs.getString("password_hash"),
                rs.getLong("credentials_version"));
    }
}
