package org.mandate.resolutions;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.mandate.resolutions.Resolution.Goal;
import org.mandate.resolutions.Resolution.SolutionGroup;
import org.mandate.shared.LocalizedText;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Resolutions, their goals and solution groups. */
@Repository
class Resolutions {

    private final JdbcClient jdbc;

    Resolutions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Resolution> all() {
        return jdbc.sql("select * from resolution order by issued_on, slug")
                .query(this::map)
                .list();
    }

    Optional<Resolution> findBySlug(String slug) {
        return jdbc.sql("select * from resolution where slug = :slug")
                .param("slug", slug)
                .query(this::map)
                .optional();
    }

    /** The slugs of the resolutions that have a solution group with this code (codes repeat across them). */
    List<String> slugsOfSolutionGroup(String code) {
        return jdbc.sql("""
                select r.slug from resolution_solution_group g join resolution r on r.id = g.resolution_id
                 where g.code = :code order by r.slug
                """).param("code", code).query(String.class).list();
    }

    void insert(Resolution r) {
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.sql("""
                insert into resolution (slug, number, title_vi, title_en, title_fr, title_ru, summary_vi, summary_en,
                                        summary_fr, summary_ru, issued_on, issuer, version, created_at, updated_at)
                values (:slug, :number, :tvi, :ten, :tfr, :tru, :svi, :sen, :sfr, :sru, :issuedOn, :issuer, 0, :now, :now)
                """)
                .param("slug", r.slug())
                .param("number", r.number())
                .param("tvi", r.titles().vi())
                .param("ten", r.titles().en())
                .param("tfr", r.titles().fr())
                .param("tru", r.titles().ru())
                .param("svi", r.summary().vi())
                .param("sen", r.summary().en())
                .param("sfr", r.summary().fr())
                .param("sru", r.summary().ru())
                .param("issuedOn", r.issuedOn() == null ? null : Date.valueOf(r.issuedOn()))
                .param("issuer", r.issuer())
                .param("now", now)
                .update();
    }

    boolean update(Resolution r, long expectedVersion) {
        return jdbc.sql("""
                update resolution set number = :number, title_vi = :tvi, title_en = :ten, title_fr = :tfr, title_ru = :tru,
                       summary_vi = :svi, summary_en = :sen, summary_fr = :sfr, summary_ru = :sru,
                       issued_on = :issuedOn, issuer = :issuer, version = version + 1, updated_at = :now
                 where id = :id and version = :version
                """)
                        .param("number", r.number())
                        .param("tvi", r.titles().vi())
                        .param("ten", r.titles().en())
                        .param("tfr", r.titles().fr())
                        .param("tru", r.titles().ru())
                        .param("svi", r.summary().vi())
                        .param("sen", r.summary().en())
                        .param("sfr", r.summary().fr())
                        .param("sru", r.summary().ru())
                        .param("issuedOn", r.issuedOn() == null ? null : Date.valueOf(r.issuedOn()))
                        .param("issuer", r.issuer())
                        .param("now", Timestamp.from(Instant.now()))
                        .param("id", r.id())
                        .param("version", expectedVersion)
                        .update()
                == 1;
    }

    void insertGoal(long resolutionId, Goal g) {
        jdbc.sql("""
                insert into resolution_goal (resolution_id, code, description_vi, description_en, description_fr,
                                             description_ru, indicator_code, target_value, target_year, position)
                values (:rid, :code, :vi, :en, :fr, :ru, :indicator, :target, :year, :position)
                """)
                .param("rid", resolutionId)
                .param("code", g.code())
                .param("vi", g.description().vi())
                .param("en", g.description().en())
                .param("fr", g.description().fr())
                .param("ru", g.description().ru())
                .param("indicator", g.indicator())
                .param("target", g.targetValue())
                .param("year", g.targetYear())
                .param("position", g.position())
                .update();
    }

    void insertSolutionGroup(long resolutionId, SolutionGroup g) {
        jdbc.sql("""
                insert into resolution_solution_group (resolution_id, code, title_vi, title_en, title_fr, title_ru, position)
                values (:rid, :code, :vi, :en, :fr, :ru, :position)
                """)
                .param("rid", resolutionId)
                .param("code", g.code())
                .param("vi", g.titles().vi())
                .param("en", g.titles().en())
                .param("fr", g.titles().fr())
                .param("ru", g.titles().ru())
                .param("position", g.position())
                .update();
    }

    boolean solutionGroupExists(long resolutionId, String code) {
        return jdbc.sql("select count(*) from resolution_solution_group where resolution_id = :rid and code = :code")
                        .param("rid", resolutionId)
                        .param("code", code)
                        .query(Long.class)
                        .single()
                > 0;
    }

    private Resolution map(ResultSet rs, int row) throws SQLException {
        long id = rs.getLong("id");
        Date issued = rs.getDate("issued_on");
        return new Resolution(
                id,
                rs.getString("slug"),
                rs.getString("number"),
                text(rs, "title"),
                text(rs, "summary"),
                issued == null ? null : issued.toLocalDate(),
                rs.getString("issuer"),
                rs.getLong("version"),
                goals(id),
                solutionGroups(id));
    }

    private List<Goal> goals(long resolutionId) {
        return jdbc.sql("select * from resolution_goal where resolution_id = :id order by position, id")
                .param("id", resolutionId)
                .query((rs, i) -> new Goal(
                        rs.getString("code"),
                        text(rs, "description"),
                        rs.getString("indicator_code"),
                        rs.getBigDecimal("target_value"),
                        (Integer) rs.getObject("target_year", Integer.class),
                        rs.getInt("position")))
                .list();
    }

    private List<SolutionGroup> solutionGroups(long resolutionId) {
        return jdbc.sql("select * from resolution_solution_group where resolution_id = :id order by position, id")
                .param("id", resolutionId)
                .query((rs, i) -> new SolutionGroup(rs.getString("code"), text(rs, "title"), rs.getInt("position")))
                .list();
    }

    private static LocalizedText text(ResultSet rs, String prefix) throws SQLException {
        return new LocalizedText(
                rs.getString(prefix + "_vi"),
                rs.getString(prefix + "_en"),
                rs.getString(prefix + "_fr"),
                rs.getString(prefix + "_ru"));
    }
}
