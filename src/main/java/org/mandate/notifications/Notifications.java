package org.mandate.notifications;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.mandate.shared.Databases;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The notification tables: inbox lines with their e-mail state, contacts and settings. */
@Repository
class Notifications {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String COLUMNS =
            "id, recipient, kind, title_key, title_args, link, created_at, read_at, email_state";

    private final JdbcClient jdbc;
    private final boolean postgres;

    Notifications(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.postgres = Databases.isPostgres(dataSource);
    }

    /** Writes the line unless this recipient already has one with this key; true when written. */
    boolean insertOnce(
            String recipient,
            NotificationKind kind,
            String dedupKey,
            String titleKey,
            List<String> args,
            String link,
            Instant at,
            String emailState) {
        String values = postgres ? """
                  insert into notification (recipient, kind, title_key, title_args, link, dedup_key, created_at,
                                            email_state, email_next_at)
                  values (:recipient, :kind, :titleKey, :args, :link, :dedup, :at, :state, :at)
                  on conflict (recipient, dedup_key) do nothing
                  """ : """
                  insert into notification (recipient, kind, title_key, title_args, link, dedup_key, created_at,
                                            email_state, email_next_at)
                  select :recipient, :kind, :titleKey, :args, :link, :dedup, :at, :state, :at
                   where not exists (select 1 from notification where recipient = :recipient and dedup_key = :dedup)
                  """;
        return jdbc.sql(values)
                        .param("recipient", recipient)
                        .param("kind", kind.name())
                        .param("titleKey", titleKey)
                        .param("args", JSON.writeValueAsString(args))
                        .param("link", link)
                        .param("dedup", dedupKey)
                        .param("at", Timestamp.from(at))
                        .param("state", emailState)
                        .update()
                > 0;
    }

    List<Notification> inbox(String recipient, boolean unreadOnly, int offset, int limit) {
        return jdbc.sql("select " + COLUMNS + " from notification where recipient = :r"
                        + (unreadOnly ? " and read_at is null" : "")
                        + " order by id desc offset :o rows fetch next :l rows only")
                .param("r", recipient)
                .param("o", offset)
                .param("l", limit)
                .query(Notifications::map)
                .list();
    }

    long count(String recipient, boolean unreadOnly) {
        return jdbc.sql("select count(*) from notification where recipient = :r"
                        + (unreadOnly ? " and read_at is null" : ""))
                .param("r", recipient)
                .query(Long.class)
                .single();
    }

    Optional<Notification> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from notification where id = :id")
                .param("id", id)
                .query(Notifications::map)
                .optional();
    }

    int markRead(String recipient, Long id, Instant at) {
        return jdbc.sql("update notification set read_at = :at where recipient = :r and read_at is null"
                        + (id == null ? "" : " and id = :id"))
                .param("at", Timestamp.from(at))
                .param("r", recipient)
                .params(id == null ? Map.<String, Object>of() : Map.<String, Object>of("id", id))
                .update();
    }

    // ------------------------------------------------------------------ e-mail outbox

    /** Pending e-mails due by {@code now}, oldest first. */
    List<Long> pendingEmails(Instant now, int limit) {
        return jdbc.sql("""
                select id from notification where email_state = 'PENDING' and email_next_at <= :now
                 order by id fetch next :l rows only
                """)
                .param("now", Timestamp.from(now))
                .param("l", limit)
                .query(Long.class)
                .list();
    }

    /**
     * Takes a pending e-mail for sending until {@code until}: true for exactly one of several senders
     * trying at once (the row's state moves only if it is still pending).
     */
    boolean claim(long id, Instant now, Instant until) {
        return jdbc.sql("""
                        update notification set email_state = 'SENDING', email_next_at = :until
                         where id = :id and email_state = 'PENDING' and email_next_at <= :now
                        """)
                        .param("id", id)
                        .param("now", Timestamp.from(now))
                        .param("until", Timestamp.from(until))
                        .update()
                == 1;
    }

    /** Sending e-mails whose sender stopped before it said how it went are pending again. */
    int releaseAbandoned(Instant now) {
        return jdbc.sql(
                        "update notification set email_state = 'PENDING' where email_state = 'SENDING' and email_next_at <= :now")
                .param("now", Timestamp.from(now))
                .update();
    }

    void sent(long id, Instant at) {
        jdbc.sql("update notification set email_state = 'SENT', email_sent_at = :at, email_error = null where id = :id")
                .param("id", id)
                .param("at", Timestamp.from(at))
                .update();
    }

    void failed(long id, int attempts, Instant retryAt, String error, boolean giveUp) {
        jdbc.sql("""
                update notification set email_state = :state, email_attempts = :attempts, email_next_at = :next,
                                        email_error = :error where id = :id
                """)
                .param("id", id)
                .param("state", giveUp ? "FAILED" : "PENDING")
                .param("attempts", attempts)
                .param("next", Timestamp.from(retryAt))
                .param("error", error == null ? null : error.substring(0, Math.min(500, error.length())))
                .update();
    }

    int attempts(long id) {
        return jdbc.sql("select email_attempts from notification where id = :id")
                .param("id", id)
                .query(Integer.class)
                .single();
    }

    /** People with notifications waiting for their daily summary. */
    List<String> digestRecipients() {
        return jdbc.sql("select distinct recipient from notification where email_state = 'DIGEST' order by recipient")
                .query(String.class)
                .list();
    }

    List<Notification> digest(String recipient) {
        return jdbc.sql("select " + COLUMNS
                        + " from notification where recipient = :r and email_state = 'DIGEST' order by id")
                .param("r", recipient)
                .query(Notifications::map)
                .list();
    }

    void digestSent(List<Long> ids, Instant at) {
        if (ids.isEmpty()) {
            return;
        }
        jdbc.sql(
                        "update notification set email_state = 'SENT', email_sent_at = :at where id in (:ids) and email_state = 'DIGEST'")
                .param("ids", ids)
                .param("at", Timestamp.from(at))
                .update();
    }

    // ------------------------------------------------------------------ contacts and settings

    record Contact(String username, String email, String language) {}

    Optional<Contact> contact(String username) {
        return jdbc.sql("select username, email, language from notification_contact where username = :u")
                .param("u", username)
                .query((rs, n) -> new Contact(rs.getString(1), rs.getString(2), rs.getString(3)))
                .optional();
    }

    void saveContact(String username, String email, String language) {
        int updated = jdbc.sql("update notification_contact set email = :e, language = :l where username = :u")
                .param("u", username)
                .param("e", email)
                .param("l", language)
                .update();
        if (updated == 0) {
            jdbc.sql("insert into notification_contact (username, email, language) values (:u, :e, :l)")
                    .param("u", username)
                    .param("e", email)
                    .param("l", language)
                    .update();
        }
    }

    Map<NotificationKind, Delivery> settings(String username) {
        Map<NotificationKind, Delivery> chosen = new EnumMap<>(NotificationKind.class);
        jdbc.sql("select kind, delivery from notification_setting where username = :u")
                .param("u", username)
                .query(rs -> {
                    chosen.put(NotificationKind.valueOf(rs.getString(1)), Delivery.valueOf(rs.getString(2)));
                });
        return chosen;
    }

    void saveSettings(String username, Map<NotificationKind, Delivery> settings) {
        jdbc.sql("delete from notification_setting where username = :u")
                .param("u", username)
                .update();
        settings.forEach((kind, delivery) -> jdbc.sql(
                        "insert into notification_setting (username, kind, delivery) values (:u, :k, :d)")
                .param("u", username)
                .param("k", kind.name())
                .param("d", delivery.name())
                .update());
    }

    private static Notification map(ResultSet rs, int n) throws SQLException {
        Timestamp read = rs.getTimestamp("read_at");
        return new Notification(
                rs.getLong("id"),
                rs.getString("recipient"),
                NotificationKind.valueOf(rs.getString("kind")),
                rs.getString("title_key"),
                JSON.readValue(rs.getString("title_args"), new TypeReference<List<String>>() {}),
                rs.getString("link"),
                rs.getTimestamp("created_at").toInstant(),
                read == null ? null : read.toInstant(),
                rs.getString("email_state"));
    }
}
