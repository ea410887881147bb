package org.mandate.orgunits;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.mandate.shared.LocalizedText;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The org units and their closure table, in SQL. */
@Repository
class OrgUnits {

    private static final String SELECT = """
            select u.id, u.code, u.name_vi, u.name_en, u.name_fr, u.name_ru, u.level, p.code as parent_code,
                   u.leader, u.depth, u.version
              from org_unit u left join org_unit p on p.id = u.parent_id
            """;

    private final JdbcClient jdbc;

    OrgUnits(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<OrgUnit> findByCode(String code) {
        return jdbc.sql(SELECT + " where u.code = :code")
                .param("code", code)
                .query(OrgUnits::map)
                .optional();
    }

    List<OrgUnit> children(String parentCode) {
        return jdbc.sql(SELECT + " where p.code = :code order by u.level, u.code")
                .param("code", parentCode)
                .query(OrgUnits::map)
                .list();
    }

    List<OrgUnit> roots() {
        return jdbc.sql(SELECT + " where u.parent_id is null order by u.code")
                .query(OrgUnits::map)
                .list();
    }

    /** The unit's ancestors, root first. */
    List<OrgUnit> ancestors(String code) {
        return jdbc.sql(SELECT + """
                 join org_unit_closure c on c.ancestor_id = u.id
                 join org_unit d on d.id = c.descendant_id
                where d.code = :code and c.distance > 0
                order by c.distance desc
                """).param("code", code).query(OrgUnits::map).list();
    }

    List<OrgUnit> page(String parent, OrgLevel level, String within, int offset, int limit) {
        return jdbc.sql(SELECT + filter(parent, level, within)
                        + " order by u.depth, u.code limit :limit offset :offset")
                .params(filterParams(parent, level, within))
                .param("limit", limit)
                .param("offset", offset)
                .query(OrgUnits::map)
                .list();
    }

    long count(String parent, OrgLevel level, String within) {
        return jdbc.sql("select count(*) from org_unit u left join org_unit p on p.id = u.parent_id"
                        + filter(parent, level, within))
                .params(filterParams(parent, level, within))
                .query(Long.class)
                .single();
    }

    private static String filter(String parent, OrgLevel level, String within) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        if (parent != null) {
            where.append(" and p.code = :parent");
        }
        if (level != null) {
            where.append(" and u.level = :level");
        }
        if (within != null) {
            where.append(" and u.id in ").append(OrgUnitTree.subtreeIds("within"));
        }
        return where.toString();
    }

    private static java.util.Map<String, Object> filterParams(String parent, OrgLevel level, String within) {
        java.util.Map<String, Object> p = new java.util.HashMap<>();
        if (parent != null) {
            p.put("parent", parent);
        }
        if (level != null) {
            p.put("level", level.name());
        }
        if (within != null) {
            p.put("within", within);
        }
        return p;
    }

    boolean isWithin(String unitCode, String ancestorCode) {
        return jdbc.sql("""
                select count(*) from org_unit_closure c
                  join org_unit a on a.id = c.ancestor_id
                  join org_unit d on d.id = c.descendant_id
                 where a.code = :ancestor and d.code = :unit
                """)
                        .param("ancestor", ancestorCode)
                        .param("unit", unitCode)
                        .query(Long.class)
                        .single()
                > 0;
    }

    long insert(String code, LocalizedText names, OrgLevel level, Long parentId, String leader, int depth) {
        Timestamp now = Timestamp.from(Instant.now());
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into org_unit (code, name_vi, name_en, name_fr, name_ru, level, parent_id, leader, depth,
                                      version, created_at, updated_at)
                values (:code, :vi, :en, :fr, :ru, :level, :parent, :leader, :depth, 0, :now, :now)
                """)
                .param("code", code)
                .param("vi", names.vi())
                .param("en", names.en())
                .param("fr", names.fr())
                .param("ru", names.ru())
                .param("level", level.name())
                .param("parent", parentId)
                .param("leader", leader)
                .param("depth", depth)
                .param("now", now)
                .update(keys, "id");
        long id = keys.getKey().longValue();
        jdbc.sql("""
                insert into org_unit_closure (ancestor_id, descendant_id, distance)
                select ancestor_id, :id, distance + 1 from org_unit_closure where descendant_id = :parent
                """).param("id", id).param("parent", parentId).update();
        jdbc.sql("insert into org_unit_closure (ancestor_id, descendant_id, distance) values (:id, :id, 0)")
                .param("id", id)
                .update();
        return id;
    }

    /** Updates names, leader and level; returns false when the version was stale. */
    boolean update(OrgUnit unit, long expectedVersion) {
        return jdbc.sql("""
                update org_unit set name_vi = :vi, name_en = :en, name_fr = :fr, name_ru = :ru, level = :level,
                       leader = :leader, version = version + 1, updated_at = :now
                 where id = :id and version = :version
                """)
                        .param("vi", unit.names().vi())
                        .param("en", unit.names().en())
                        .param("fr", unit.names().fr())
                        .param("ru", unit.names().ru())
                        .param("level", unit.level().name())
                        .param("leader", unit.leader())
                        .param("now", Timestamp.from(Instant.now()))
                        .param("id", unit.id())
                        .param("version", expectedVersion)
                        .update()
                == 1;
    }

    /** Moves a subtree under a new parent: the closure rows above the subtree are replaced in two statements. */
    void move(long id, long newParentId, int depthShift) {
        jdbc.sql("""
                delete from org_unit_closure
                 where descendant_id in (select descendant_id from org_unit_closure where ancestor_id = :id)
                   and ancestor_id not in (select descendant_id from org_unit_closure where ancestor_id = :id)
                """).param("id", id).update();
        jdbc.sql("""
                insert into org_unit_closure (ancestor_id, descendant_id, distance)
                select a.ancestor_id, d.descendant_id, a.distance + d.distance + 1
                  from org_unit_closure a, org_unit_closure d
                 where a.descendant_id = :parent and d.ancestor_id = :id
                """).param("parent", newParentId).param("id", id).update();
        jdbc.sql("update org_unit set parent_id = :parent where id = :id")
                .param("parent", newParentId)
                .param("id", id)
                .update();
        jdbc.sql("""
                update org_unit set depth = depth + :shift
                 where id in (select descendant_id from org_unit_closure where ancestor_id = :id)
                """).param("shift", depthShift).param("id", id).update();
    }

    long countAll() {
        return jdbc.sql("select count(*) from org_unit").query(Long.class).single();
    }

    private static OrgUnit map(ResultSet rs, int row) throws SQLException {
        return new OrgUnit(
                rs.getLong("id"),
                rs.getString("code"),
                new LocalizedText(
                        rs.getString("name_vi"),
                        rs.getString("name_en"),
                        rs.getString("name_fr"),
                        rs.getString("name_ru")),
                OrgLevel.valueOf(rs.getString("level")),
                rs.getString("parent_code"),
                rs.getString("leader"),
                rs.getInt("depth"),
                rs.getLong("version"));
    }
}
