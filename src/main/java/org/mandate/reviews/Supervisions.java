package org.mandate.reviews;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Supervision programmes: SQL over {@code reviews_supervision} and {@code reviews_supervision_unit}. */
@Repository
class Supervisions {

    private final JdbcClient jdbc;

    Supervisions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(String organisation, String subject, LocalDate from, LocalDate to, String by, Instant at) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into reviews_supervision (organisation, subject, period_from, period_to, state, created_by,
                                                 created_at, published, version)
                values (:org, :subject, :from, :to, 'OPEN', :by, :at, false, 0)
                """)
                .param("org", organisation)
                .param("subject", subject)
                .param("from", Date.valueOf(from))
                .param("to", Date.valueOf(to))
                .param("by", by)
                .param("at", Timestamp.from(at))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    void addUnit(long id, String unit) {
        jdbc.sql("insert into reviews_supervision_unit (supervision_id, unit_code) values (:id, :unit)")
                .param("id", id)
                .param("unit", unit)
                .update();
    }

    Optional<Supervision> find(long id) {
        return jdbc.sql("select * from reviews_supervision where id = :id")
                .param("id", id)
                .query(this::map)
                .optional();
    }

    List<Supervision> page(Boolean published, Boolean ready, int offset, int limit) {
        return jdbc.sql("select * from reviews_supervision" + where(published, ready)
                        + " order by id desc limit :limit offset :offset")
                .param("limit", limit)
                .param("offset", offset)
                .query(this::map)
                .list();
    }

    long count(Boolean published, Boolean ready) {
        return jdbc.sql("select count(*) from reviews_supervision" + where(published, ready))
                .query(Long.class)
                .single();
    }

    private static String where(Boolean published, Boolean ready) {
        if (Boolean.TRUE.equals(ready)) {
            return " where published = false and state = 'CONCLUDED'";
        }
        if (published != null) {
            return published ? " where published = true" : " where published = false";
        }
        return "";
    }

    boolean conclude(long id, long version, String findings, String recommendations, Instant at) {
        return jdbc.sql("""
                update reviews_supervision set state = 'CONCLUDED', findings = :findings, recommendations = :rec,
                       concluded_at = :at, version = version + 1
                 where id = :id and version = :version
                """)
                        .param("findings", findings)
                        .param("rec", recommendations)
                        .param("at", Timestamp.from(at))
                        .param("id", id)
                        .param("version", version)
                        .update()
                == 1;
    }

    void answer(long id, String unit, String answer, String by, Instant at) {
        jdbc.sql("""
                update reviews_supervision_unit set answer = :answer, answered_by = :by, answered_at = :at
                 where supervision_id = :id and unit_code = :unit
                """)
                .param("answer", answer)
                .param("by", by)
                .param("at", Timestamp.from(at))
                .param("id", id)
                .param("unit", unit)
                .update();
        jdbc.sql("update reviews_supervision set version = version + 1 where id = :id")
                .param("id", id)
                .update();
    }

    boolean markPublished(long id, Instant at) {
        return jdbc.sql("""
                update reviews_supervision set published = true, published_at = :at, version = version + 1
                 where id = :id and published = false and state = 'CONCLUDED'
                """).param("at", Timestamp.from(at)).param("id", id).update() == 1;
    }

    private List<Supervision.UnitAnswer> units(long id) {
        return jdbc.sql("select * from reviews_supervision_unit where supervision_id = :id order by unit_code")
                .param("id", id)
                .query((rs, i) -> new Supervision.UnitAnswer(
                        rs.getString("unit_code"),
                        rs.getString("answer"),
                        rs.getString("answered_by"),
                        instant(rs, "answered_at")))
                .list();
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private Supervision map(ResultSet rs, int i) throws SQLException {
        long id = rs.getLong("id");
        return new Supervision(
                id,
                rs.getString("organisation"),
                rs.getString("subject"),
                rs.getDate("period_from").toLocalDate(),
                rs.getDate("period_to").toLocalDate(),
                rs.getString("findings"),
                rs.getString("recommendations"),
                SupervisionState.valueOf(rs.getString("state")),
                rs.getString("created_by"),
                instant(rs, "created_at"),
                instant(rs, "concluded_at"),
                rs.getBoolean("published"),
                instant(rs, "published_at"),
                rs.getLong("version"),
                units(id));
    }
}
