package org.mandate.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mandate.Api;
import org.mandate.shared.Period;
import org.mandate.tasks.TaskManagement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The application stops for three weeks: the nightly jobs do not run. When they run again they open every
 * report period missed meanwhile (weekly, and monthly after a longer stop), those already due marked late,
 * and a task that passed its deadline during the stop is recorded as overdue from the day after its deadline,
 * not from the day the job ran again. On a database of its own (an H2 of its own, or the schema {@code
 * catchup} of the PostgreSQL database the build was given), without the demo data, on a clock the test moves.
 *
 * <pre>
 * CUTW central ── CUP1 province ── CUP1-C1 commune     (reports are owed by CUP1 and CUP1-C1)
 * </pre>
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "mandate.admin.username=catchup-admin",
            "mandate.admin.password=catchup-password-2026",
            "spring.flyway.clean-disabled=false"
        })
@ActiveProfiles("test")
class JobsCatchUpIntegrationTests {

    private static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final String RESOLUTION = "catchup";
    private static final List<String> UNITS = List.of("CUP1", "CUP1-C1");

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        String url = System.getProperty("spring.datasource.url");
        if (url != null && url.startsWith("jdbc:postgresql")) {
            registry.add(
                    "spring.datasource.url", () -> url + (url.contains("?") ? "&" : "?") + "currentSchema=catchup");
            registry.add("spring.flyway.schemas", () -> "catchup");
        } else {
            registry.add(
                    "spring.datasource.url",
                    () -> "jdbc:h2:mem:mandate-catchup;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                            + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        }
    }

    /** The day the jobs see; the test moves it. */
    static final class MovableClock extends Clock {

        private volatile Instant now =
                LocalDate.of(2026, 1, 21).atTime(10, 0).atZone(ZONE).toInstant();

        void set(LocalDate day) {
            now = day.atTime(10, 0).atZone(ZONE).toInstant();
        }

        @Override
        public ZoneId getZone() {
            return ZONE;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @TestConfiguration
    static class Config {

        @Bean
        @Primary
        MovableClock movableClock() {
            return new MovableClock();
        }

        /** The same empty database on every run, whatever an earlier run left in it. */
        @Bean
        FlywayMigrationStrategy cleanThenMigrate() {
            return flyway -> {
                flyway.clean();
                flyway.migrate();
            };
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    MovableClock clock;

    @Autowired
    ReportJobs reportJobs;

    @Autowired
    ReportManagement reports;

    @Autowired
    TaskManagement tasks;

    @Autowired
    JdbcClient jdbc;

    @Test
    void afterThreeWeeksWithoutJobsTheMissedPeriodsAreOpenedLateAndATaskIsOverdueFromTheDayAfterItsDeadline() {
        // Wednesday 21 January 2026, week 2026W04 (19–25 January, due Monday 26 January).
        LocalDate stop = LocalDate.of(2026, 1, 21);
        clock.set(stop);
        Api admin = Api.as(port, "catchup-admin", "catchup-password-2026");
        fixture(admin);
        long stillOpen = task(admin, "Still open", "2026-01-23");
        long doneLate = task(admin, "Done late", "2026-01-23");

        reportJobs.run();
        assertThat(state("CUP1", "2026W03")).isEqualTo(Report.State.LATE);
        assertThat(state("CUP1", "2026W04")).isEqualTo(Report.State.OPEN);
        assertThat(state("CUP1", "2026-01")).isEqualTo(Report.State.OPEN);
        assertThat(reports.find("CUP1", RESOLUTION, "2026W05")).isEmpty();
        submit(admin, "CUP1", "2026W04");

        // The jobs stop. Meanwhile one task is finished, late, on 30 January; the other passes its deadline.
        clock.set(LocalDate.of(2026, 1, 30));
        assertThat(admin.post(
                                "/api/v1/tasks/" + doneLate + "/updates",
                                "{\"progress\":100,\"status\":\"DONE\",\"note\":\"Delivered late\"}")
                        .status())
                .isBetween(200, 201);

        // Three weekly periods later: Wednesday 11 February 2026, week 2026W07. The jobs run again.
        LocalDate back = stop.plusWeeks(3);
        clock.set(back);
        reportJobs.run();
        tasks.markOverdueDaily();

        // Every week missed is there, for every unit: those past their due day late and missing, the current one
        // open and not yet due. Before, only the previous and the current week were opened: 2026W05 was lost.
        for (String unit : UNITS) {
            for (String week : List.of("2026W05", "2026W06")) {
                Report r = report(unit, week);
                assertThat(r.dueOn()).as(unit + " " + week).isBefore(back);
                assertThat(r.state()).as(unit + " " + week).isEqualTo(Report.State.LATE);
                assertThat(r.timeliness(back)).as(unit + " " + week).isEqualTo(Report.Timeliness.MISSING);
            }
            assertThat(report(unit, "2026W05").dueOn()).isEqualTo(LocalDate.of(2026, 2, 2));
            assertThat(report(unit, "2026W06").dueOn()).isEqualTo(LocalDate.of(2026, 2, 9));
            Report current = report(unit, "2026W07");
            assertThat(current.state()).isEqualTo(Report.State.OPEN);
            assertThat(current.timeliness(back)).isEqualTo(Report.Timeliness.PENDING);
            // January (due 5 February) is late now; February is open.
            assertThat(state(unit, "2026-01")).isEqualTo(Report.State.LATE);
            assertThat(state(unit, "2026-02")).isEqualTo(Report.State.OPEN);
        }
        // What was submitted before the stop stays submitted and on time; the commune's week turned late.
        assertThat(report("CUP1", "2026W04").state()).isEqualTo(Report.State.SUBMITTED);
        assertThat(report("CUP1", "2026W04").timeliness(back)).isEqualTo(Report.Timeliness.ON_TIME);
        assertThat(report("CUP1-C1", "2026W04").timeliness(back)).isEqualTo(Report.Timeliness.MISSING);
        // Timeliness counts the missed weeks as missing (reports starting from 12 January: the weeks from W03,
        // and February).
        ReportManagement.DueReports due =
                reports.dueReports("CUTW", Period.parse("2026W03").start(), back);
        assertThat(due.missing()).isEqualTo(7); // W03, W05, W06 of both units and W04 of the commune
        assertThat(due.onTime()).isEqualTo(1); // W04 of the province
        assertThat(due.notYetDue()).isEqualTo(4); // W07 and February of both units

        // Overdue from the day after the deadline (24 January), not from the day the job ran again.
        JsonNode open = admin.get("/api/v1/tasks/" + stillOpen).json();
        assertThat(open.path("status").asString()).isEqualTo("OVERDUE");
        assertThat(open.path("overdueSince").asString()).isEqualTo("2026-01-24");
        assertThat(open.path("daysOverdue").asLong()).isEqualTo(19);
        // The task finished during the stop is late by its completion day, whenever the job runs.
        JsonNode done = admin.get("/api/v1/tasks/" + doneLate).json();
        assertThat(done.path("status").asString()).isEqualTo("DONE_LATE");
        assertThat(done.path("daysLate").asLong()).isEqualTo(7);
        // Running the job again (or on a second instance) records nothing twice.
        assertThat(tasks.markOverdue(back)).isZero();
        tasks.markOverdueDaily();
        assertThat(becameOverdue(stillOpen)).isOne();

        // A longer stop, three months: the months missed are opened too (March, due 5 April, late), and all the
        // weeks in between.
        LocalDate later = LocalDate.of(2026, 5, 13);
        clock.set(later);
        reportJobs.run();
        for (String unit : UNITS) {
            assertThat(state(unit, "2026-03")).isEqualTo(Report.State.LATE);
            assertThat(state(unit, "2026-04")).isEqualTo(Report.State.LATE);
            assertThat(state(unit, "2026-05")).isEqualTo(Report.State.OPEN);
            for (Period w = Period.parse("2026W08");
                    w.start().isBefore(Period.parse("2026W20").start());
                    w = w.next()) {
                assertThat(state(unit, w.toString())).as(unit + " " + w).isEqualTo(Report.State.LATE);
            }
            assertThat(state(unit, "2026W20")).isEqualTo(Report.State.OPEN);
        }
        // Running it again the same day opens nothing more.
        assertThat(reports.openAndMarkLate(later)).isZero();
    }

    private void fixture(Api admin) {
        unit(admin, "CUTW", "CENTRAL", null);
        unit(admin, "CUP1", "PROVINCE", "CUTW");
        unit(admin, "CUP1-C1", "COMMUNE", "CUP1");
        created(admin.post(
                "/api/v1/resolutions",
                "{\"slug\":\"" + RESOLUTION + "\",\"number\":\"1-NQ/CU\",\"titles\":{\"vi\":\"Nghị quyết thử\","
                        + "\"en\":\"Catch-up\"},\"issuedOn\":\"2026-01-05\",\"issuer\":\"CUTW\"}"));
        created(admin.post(
                "/api/v1/resolutions/" + RESOLUTION + "/solution-groups",
                "{\"code\":\"CU-G1\",\"titles\":{\"vi\":\"Nhóm 1\"},\"position\":1}"));
        indicator(admin, "CU_WEEK", "WEEKLY");
        indicator(admin, "CU_MONTH", "MONTHLY");
    }

    private static void unit(Api admin, String code, String level, String parent) {
        created(admin.post(
                "/api/v1/org-units",
                "{\"code\":\"" + code + "\",\"names\":{\"vi\":\"" + code + "\",\"en\":\"" + code + "\"},\"level\":\""
                        + level + "\"" + (parent == null ? "" : ",\"parent\":\"" + parent + "\"") + "}"));
    }

    private static void indicator(Api admin, String code, String periodicity) {
        created(admin.post(
                "/api/v1/indicators",
                "{\"code\":\"" + code + "\",\"names\":{\"vi\":\"" + code + "\",\"en\":\"" + code
                        + "\"},\"unit\":\"u\",\"direction\":\"HIGHER_IS_BETTER\",\"periodicity\":\"" + periodicity
                        + "\",\"aggregation\":\"SUM\",\"resolution\":\"" + RESOLUTION + "\"}"));
    }

    private static long task(Api admin, String title, String deadline) {
        JsonNode t = created(admin.post("/api/v1/tasks", """
                {"title": "%s", "description": "Catch-up task", "resolution": "catchup", "solutionGroup": "CU-G1",
                 "leadUnit": "CUP1", "responsiblePerson": "Nguyen Van A", "approver": "CUTW",
                 "startOn": "2026-01-19", "deadline": "%s", "expectedResult": "Done as planned", "kind": "OTHER"}
                """.formatted(title, deadline)));
        assertThat(t.path("status").asString()).as(title).isEqualTo("NOT_STARTED");
        return t.path("id").asLong();
    }

    private void submit(Api admin, String unit, String period) {
        Api.Response r = admin.post("/api/v1/reports/" + report(unit, period).id() + "/submit", "{}");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
    }

    private Report report(String unit, String period) {
        return reports.find(unit, RESOLUTION, period)
                .orElseThrow(() -> new AssertionError("no report of " + unit + " for " + period));
    }

    private Report.State state(String unit, String period) {
        return report(unit, period).state();
    }

    private long becameOverdue(long task) {
        return jdbc.sql("select count(*) from audit_entry where entity_type = 'task' and entity_id = :id"
                        + " and action = 'became-overdue'")
                .param("id", String.valueOf(task))
                .query(Long.class)
                .single();
    }

    private static JsonNode created(Api.Response r) {
        assertThat(r.status()).as(r.toString()).isBetween(200, 201);
        return r.json();
    }
}
