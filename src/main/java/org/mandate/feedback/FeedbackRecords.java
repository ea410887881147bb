package org.mandate.feedback;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mandate.orgunits.OrgUnitTree;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Ratings and comments: SQL over {@code feedback_rating} and {@code feedback_comment}. */
@Repository
class FeedbackRecords {

    private final JdbcClient jdbc;

    FeedbackRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean rated(Target target, String clientHash, String period) {
        return jdbc.sql("""
                select count(*) from feedback_rating
                 where target_type = :type and target_ref = :ref and client_hash = :client and period = :period
                """)
                        .param("type", target.type().name())
                        .param("ref", target.ref())
                        .param("client", clientHash)
                        .param("period", period)
                        .query(Long.class)
                        .single()
                > 0;
    }

    long insertRating(
            Target target, String unitCode, int rating, RespondentType type, String client, String period, Instant at) {
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("""
                insert into feedback_rating (target_type, target_ref, unit_id, rating, respondent_type, client_hash,
                                             period, created_at)
                values (:type, :ref, (select id from org_unit where code = :unit), :rating, :rtype, :client, :period, :at)
                """)
                .param("type", target.type().name())
                .param("ref", target.ref())
                .param("unit", unitCode)
                .param("rating", rating)
                .param("rtype", type.name())
                .param("client", client)
                .param("period", period)
                .param("at", Timestamp.from(at))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    long insertComment(long ratingId, Target target, RespondentType type, String body, Instant at) {
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("""
                insert into feedback_comment (rating_id, target_type, target_ref, respondent_type, body, state,
                                              created_at, version)
                values (:rating, :type, :ref, :rtype, :body, 'PENDING', :at, 0)
                """)
                .param("rating", ratingId)
                .param("type", target.type().name())
                .param("ref", target.ref())
                .param("rtype", type.name())
                .param("body", body)
                .param("at", Timestamp.from(at))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    /** Count and average by respondent type; {@code where} is a fixed SQL condition over {@code r}. */
    Map<RespondentType, double[]> stats(String where, Map<String, Object> params, Instant from, Instant to) {
        StringBuilder sql = new StringBuilder(
                        "select r.respondent_type, count(*) n, avg(cast(r.rating as decimal(9,4))) a from feedback_rating r where ")
                .append(where);
        Map<String, Object> all = new HashMap<>(params);
        if (from != null) {
            sql.append(" and r.created_at >= :from");
            all.put("from", Timestamp.from(from));
        }
        if (to != null) {
            sql.append(" and r.created_at < :to");
            all.put("to", Timestamp.from(to));
        }
        sql.append(" group by r.respondent_type");
        Map<RespondentType, double[]> result = new HashMap<>();
        jdbc.sql(sql.toString()).params(all).query(rs -> {
            result.put(
                    RespondentType.valueOf(rs.getString(1)),
                    new double[] {rs.getLong(2), rs.getBigDecimal(3).doubleValue()});
        });
        return result;
    }

    static String targetCondition() {
        return "r.target_type = :type and r.target_ref = :ref";
    }

    static String subtreeCondition() {
        return "r.unit_id in " + OrgUnitTree.subtreeIds("unit");
    }

    Optional<Comment> comment(long id) {
        return jdbc.sql(SELECT_COMMENT + " where c.id = :id")
                .param("id", id)
                .query(FeedbackRecords::mapComment)
                .optional();
    }

    List<Comment> comments(CommentState state, Target target, int offset, int limit) {
        Map<String, Object> params = new HashMap<>();
        String where = where(state, target, params);
        return jdbc.sql(SELECT_COMMENT + where + " order by c.id " + (state == CommentState.PENDING ? "asc" : "desc")
                        + " limit :limit offset :offset")
                .params(params)
                .param("limit", limit)
                .param("offset", offset)
                .query(FeedbackRecords::mapComment)
                .list();
    }

    long countComments(CommentState state, Target target) {
        Map<String, Object> params = new HashMap<>();
        return jdbc.sql("select count(*) from feedback_comment c" + where(state, target, params))
                .params(params)
                .query(Long.class)
                .single();
    }

    boolean moderate(long id, long version, CommentState state, String reason, String moderator, Instant at) {
        return jdbc.sql("""
                update feedback_comment set state = :state, reason = :reason, moderated_by = :by, moderated_at = :at,
                       version = version + 1
                 where id = :id and version = :version
                """)
                        .param("state", state.name())
                        .param("reason", reason)
                        .param("by", moderator)
                        .param("at", Timestamp.from(at))
                        .param("id", id)
                        .param("version", version)
                        .update()
                == 1;
    }

    private static String where(CommentState state, Target target, Map<String, Object> params) {
        List<String> conditions = new ArrayList<>();
        if (state != null) {
            conditions.add("c.state = :state");
            params.put("state", state.name());
        }
        if (target != null) {
            conditions.add("c.target_type = :type and c.target_ref = :ref");
            params.put("type", target.type().name());
            params.put("ref", target.ref());
        }
        return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
    }

    private static final String SELECT_COMMENT = """
            select c.*, r.rating from feedback_comment c join feedback_rating r on r.id = c.rating_id""";

    private static Comment mapComment(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        Timestamp moderatedAt = rs.getTimestamp("moderated_at");
        return new Comment(
                rs.getLong("id"),
                new Target(TargetType.valueOf(rs.getString("target_type")), rs.getString("target_ref")).key(),
                RespondentType.valueOf(rs.getString("respondent_type")),
                rs.getInt("rating"),
                rs.getString("body"),
                CommentState.valueOf(rs.getString("state")),
                rs.getString("reason"),
                rs.getString("moderated_by"),
                moderatedAt == null ? null : moderatedAt.toInstant(),
                rs.getTimestamp("created_at").toInstant(),
                rs.getLong("version"));
    }
}
