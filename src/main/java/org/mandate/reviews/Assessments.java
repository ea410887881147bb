package org.mandate.reviews;

import java.sql.Timestamp;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Assessments; the newest per unit and period is the one in force. */
@Repository
class Assessments {

    private final JdbcClient jdbc;

    Assessments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Assessment a) {
        jdbc.sql("""
                insert into reviews_assessment (unit_id, period, verdict, reason, reviewer, at)
                values ((select id from org_unit where code = :unit), :period, :verdict, :reason, :reviewer, :at)
                """)
                .param("unit", a.unit())
                .param("period", a.period())
                .param("verdict", a.verdict().name())
                .param("reason", a.reason())
                .param("reviewer", a.reviewer())
                .param("at", Timestamp.from(a.at()))
                .update();
    }

    Map<String, Assessment> forPeriod(String period) {
        Map<String, Assessment> latest = new HashMap<>();
        for (Assessment a : list(period, null)) {
            latest.put(a.unit(), a);
        }
        return latest;
    }

    /** Oldest first, so that the last one of each unit wins. */
    List<Assessment> list(String period, String unit) {
        String where = unit == null ? "" : " and o.code = :unit";
        var sql = jdbc.sql(
                        "select o.code, a.period, a.verdict, a.reason, a.reviewer, a.at from reviews_assessment a join org_unit o on o.id = a.unit_id where a.period = :period"
                                + where + " order by a.id")
                .param("period", period);
        if (unit != null) {
            sql = sql.param("unit", unit);
        }
        return sql.query((rs, i) -> new Assessment(
                        rs.getString(1),
                        rs.getString(2),
                        Assessment.Verdict.valueOf(rs.getString(3)),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getTimestamp(6).toInstant()))
                .list();
    }
}
