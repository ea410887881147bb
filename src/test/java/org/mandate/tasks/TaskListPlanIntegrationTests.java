package org.mandate.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.Date;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.mandate.MandateIntegrationTest;
import org.mandate.tasks.TaskManagement.TaskFilter;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The task list of a province subtree stays one indexed query at 200,000 tasks: on PostgreSQL (the
 * {@code postgres} Maven profile) this loads 200,000 tasks spread over the country in a transaction that
 * is rolled back, and checks with EXPLAIN that the list and its count never scan the task table
 * sequentially. Skipped on H2, whose planner says nothing about production.
 */
@MandateIntegrationTest
class TaskListPlanIntegrationTests {

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    TaskManagement tasks;

    @Test
    void theProvinceSubtreeListUsesIndexesAt200000Tasks() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            Assumptions.assumeTrue(
                    c.getMetaData().getDatabaseProductName().equals("PostgreSQL"), "EXPLAIN check runs on PostgreSQL");
        }
        tx.executeWithoutResult(status -> {
            List<Long> province = jdbc.sql("select id from org_unit where code = 'CAOBANG' or code like 'CAOBANG-%'")
                    .query(Long.class)
                    .list();
            List<Long> others = jdbc.sql(
                            "select id from org_unit where code <> 'CAOBANG' and code not like 'CAOBANG-%'")
                    .query(Long.class)
                    .list();
            // One task in 34 belongs to the province (34 provinces), the rest to other units.
            jdbc.sql("""
                    insert into task (title, description, resolution_slug, solution_group, lead_unit_id, kind, status,
                        progress, path, deadline, deadline_day, start_on, created_on, created_by, version, created_at,
                        updated_at)
                    select 'Benchmark task ' || g, 'generated', 'r' || (g %% 5), null,
                           case when g %% 34 = 0 then (%s)[1 + (g / 34) %% %d] else (%s)[1 + g %% %d] end,
                           'OTHER', case g %% 7 when 0 then 'DONE' when 1 then 'DRAFT' else 'ON_TRACK' end,
                           g %% 100, '/', date '2026-01-01' + (g %% 700), 20454 + (g %% 700), date '2025-06-01',
                           date '2025-06-01', 'benchmark', 0, now(), now()
                      from generate_series(1, 200000) g
                    """.formatted(array(province), province.size(), array(others), others.size()))
                    .update();
            jdbc.sql("analyze task").update();
            jdbc.sql("analyze org_unit").update();
            jdbc.sql("analyze org_unit_closure").update();

            String list = TaskManagement.listSql(new TaskFilter(null, null, "CAOBANG", null, null, null, null, null));
            String plan = explain(
                    list,
                    Map.of(
                            "today",
                            Date.valueOf(tasks.today()),
                            "staleBefore",
                            Date.valueOf(tasks.today().minusDays(30)),
                            "orgUnit",
                            "CAOBANG",
                            "limit",
                            50,
                            "offset",
                            0));
            assertThat(plan).doesNotContain("Seq Scan on task ").contains("Index");

            String overdue =
                    TaskManagement.listSql(new TaskFilter(null, null, "CAOBANG", null, true, null, null, null));
            String overduePlan = explain(
                    overdue,
                    Map.of(
                            "today",
                            Date.valueOf(tasks.today()),
                            "staleBefore",
                            Date.valueOf(tasks.today().minusDays(30)),
                            "orgUnit",
                            "CAOBANG",
                            "limit",
                            50,
                            "offset",
                            0));
            assertThat(overduePlan).doesNotContain("Seq Scan on task ").contains("Index");
            String countPlan = explain(
                    TaskManagement.countSql(new TaskFilter(null, null, "CAOBANG", null, null, null, null, null)),
                    Map.of("today", Date.valueOf(tasks.today()), "orgUnit", "CAOBANG"));
            assertThat(countPlan).doesNotContain("Seq Scan on task ").contains("Index");
            status.setRollbackOnly();
        });
    }

    private String explain(String sql, Map<String, Object> params) {
        String plan = jdbc.sql("explain " + sql).params(params).query(String.class).list().stream()
                .collect(Collectors.joining("\n"));
        System.out.println(plan);
        return plan;
    }

    private static String array(List<Long> ids) {
        return "array[" + ids.stream().map(String::valueOf).collect(Collectors.joining(",")) + "]::bigint[]";
    }
}
