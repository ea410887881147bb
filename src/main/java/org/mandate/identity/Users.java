package org.mandate.identity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
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
                   u.password_hash
              from identity_user u left join org_unit o on o.id = u.scope_unit_id
            """;

    private final JdbcClient jdbc;

    Users(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Stored(User user, String passwordHash) {}

    Optional<Stored> findByUsername(String username) {
        return jdbc.sql(SELECT + " where u.username = :username")
                .param("username", username)
                .query(Users::map)
                .optional();
    }

    Optional<Stored> findByTokenHash(String hash) {
        return jdbc.sql(
                        SELECT
                                + " join identity_api_token t on t.user_id = u.id where t.token_hash = :hash and t.revoked = false")
                .param("hash", hash)
                .query(Users::map)
                .optional();
    }

    List<User> all() {
        return jdbc.sql(SELECT + " order by u.username").query(Users::map).list().stream()
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

    boolean update(User user, String passwordHash, long expectedVersion) {
        return jdbc.sql("""
                update identity_user
                   set display_name = :display, role = :role, enabled = :enabled,
                       scope_unit_id = (select id from org_unit where code = :scope),
                       password_hash = coalesce(:hash, password_hash), version = version + 1
                 where id = :id and version = :version
                """)
                        .param("display", user.displayName())
                        .param("role", user.role().name())
                        .param("enabled", user.enabled())
                        .param("scope", user.scopeUnit())
                        .param("hash", passwordHash)
                        .param("id", user.id())
                        .param("version", expectedVersion)
                        .update()
                == 1;
    }

    void insertToken(long userId, String name, String hash) {
        jdbc.sql("""
                insert into identity_api_token (user_id, name, token_hash, created_at, revoked)
                values (:user, :name, :hash, :now, false)
                """)
                .param("user", userId)
                .param("name", name)
                .param("hash", hash)
                .param("now", Timestamp.from(Instant.now()))
                .update();
    }

    record Token(long id, String name, Instant createdAt, Instant lastUsedAt, boolean revoked) {}

    List<Token> tokens(long userId) {
        return jdbc.sql(
                        "select id, name, created_at, last_used_at, revoked from identity_api_token where user_id = :user order by id")
                .param("user", userId)
                .query((rs, i) -> new Token(
                        rs.getLong("id"),
                        rs.getString("name"),
                        rs.getTimestamp("created_at").toInstant(),
                        rs.getTimestamp("last_used_at") == null
                                ? null
                                : rs.getTimestamp("last_used_at").toInstant(),
                        rs.getBoolean("revoked")))
                .list();
    }

    boolean revokeToken(long userId, long tokenId) {
        return jdbc.sql("update identity_api_token set revoked = true where id = :id and user_id = :user")
                        .param("id", tokenId)
                        .param("user", userId)
                        .update()
                == 1;
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
                rs.getString("password_hash"));
    }
}
