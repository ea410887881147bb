package org.mandate.reviews;

import static org.assertj.core.api.Assertions.assertThat;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.mandate.Api;
import org.mandate.indicators.DataValue;
import org.mandate.indicators.DataValueManagement;
import org.mandate.indicators.DataValueManagement.Sample;
import org.mandate.reporting.ReportManagement;
import org.mandate.shared.Actor;
import org.mandate.shared.Period;
import org.mandate.shared.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The oracle of the scorecards and the indicator roll-ups: a small data set made here, WITHOUT the demo data
 * (an application of its own on its own database: an H2 of its own, or the schema {@code oracle} of the
 * PostgreSQL database the build was given), on a clock the test moves. Every expected figure below was
 * computed by hand from the fixture, then read back from the analytics API, the staff indicator page, the
 * scorecard API, the /reviews pages and the ranking PDF.
 *
 * <pre>
 * ORTW central ─┬─ ORP1 province ─┬─ ORP1-C1 commune
 *               │                 └─ ORP1-C2 commune
 *               ├─ ORP2 province ─┬─ ORP2-C1 commune
 *               │                 └─ ORP2-C2 commune
 *               └─ ORMIN ministry
 * </pre>
 *
 * Review period 2026Q3 (1 July – 30 September), read on 20 September 2026. Weights: on time 25, report
 * timeliness 15, indicator attainment 20, disbursement 15, bottlenecks 10, satisfaction 15 (no bottleneck
 * and no rating in the fixture, so those two are "no data" everywhere).
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "mandate.admin.username=oracle-admin",
            "mandate.admin.password=oracle-password-2026",
            "spring.flyway.clean-disabled=false",
            "mandate.reviews.min-coverage=0.5"
        })
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FiguresOracleIntegrationTests {

    private static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final String Q = "2026Q3";

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        String url = System.getProperty("spring.datasource.url");
        if (url != null && url.startsWith("jdbc:postgresql")) {
            registry.add("spring.datasource.url", () -> url + (url.contains("?") ? "&" : "?") + "currentSchema=oracle");
            registry.add("spring.flyway.schemas", () -> "oracle");
        } else {
            registry.add(
                    "spring.datasource.url",
                    () -> "jdbc:h2:mem:mandate-oracle;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                            + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        }
    }

    /** A clock the test sets: tasks are completed, and reports submitted, on the days the fixture says. */
    static final class MovableClock extends Clock {

        private volatile Instant now =
                LocalDate.of(2026, 7, 1).atTime(10, 0).atZone(ZONE).toInstant();

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

        /** The same empty database on every run, whatever an earlier run left in the schema. */
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
    ReportManagement reports;

    @Autowired
    DataValueManagement dataValues;

    Api admin;
    String slug = "oracle";
    final Map<String, Long> tasks = new HashMap<>();

    @BeforeAll
    void fixture() {
        admin = Api.as(port, "oracle-admin", "oracle-password-2026");
        clock.set(LocalDate.of(2026, 7, 1));
        unit("ORTW", "CENTRAL", null);
        unit("ORP1", "PROVINCE", "ORTW");
        unit("ORP2", "PROVINCE", "ORTW");
        unit("ORMIN", "MINISTRY", "ORTW");
        unit("ORP1-C1", "COMMUNE", "ORP1");
        unit("ORP1-C2", "COMMUNE", "ORP1");
        unit("ORP2-C1", "COMMUNE", "ORP2");
        unit("ORP2-C2", "COMMUNE", "ORP2");
        created(admin.post(
                "/api/v1/resolutions",
                "{\"slug\":\"oracle\",\"number\":\"1-NQ/OR\",\"titles\":{\"vi\":\"Nghị quyết thử\",\"en\":\"Oracle\"},"
                        + "\"issuedOn\":\"2026-01-05\",\"issuer\":\"ORTW\"}"));
        created(admin.post(
                "/api/v1/resolutions/oracle/solution-groups",
                "{\"code\":\"OR-G1\",\"titles\":{\"vi\":\"Nhóm 1\"},\"position\":1}"));
        // Two goal indicators with a 2026 target, and a weekly one so that weekly reports are owed too.
        indicator("OR_SUM", "MONTHLY", "SUM", 200);
        indicator("OR_AVG", "MONTHLY", "AVERAGE", 80);
        indicator("OR_WEEK", "WEEKLY", "SUM", null);
        goal("OR-SUM", "OR_SUM", 200);
        goal("OR-AVG", "OR_AVG", 80);

        // Approved values for August 2026, at two levels.
        Period aug = Period.parse("2026-08");
        dataValues.load(
                new Actor("oracle-loader", Role.ADMIN, null),
                List.of(
                        // ORP1 entered its own total beside its communes' values: 65.5, never 131.
                        new Sample("OR_SUM", "ORP1", aug, new BigDecimal("65.5")),
                        new Sample("OR_SUM", "ORP1-C1", aug, new BigDecimal("29.5")),
                        new Sample("OR_SUM", "ORP1-C2", aug, new BigDecimal("36")),
                        new Sample("OR_SUM", "ORP2-C1", aug, new BigDecimal("40")),
                        new Sample("OR_SUM", "ORP2-C2", aug, new BigDecimal("200")),
                        // A national average reported for the central unit (by the ministry): communes never move it.
                        new Sample("OR_AVG", "ORTW", aug, new BigDecimal("72.5")),
                        new Sample("OR_AVG", "ORP1-C1", aug, new BigDecimal("90")),
                        new Sample("OR_AVG", "ORP1-C2", aug, new BigDecimal("70")),
                        new Sample("OR_AVG", "ORP2-C1", aug, new BigDecimal("50"))),
                DataValue.State.APPROVED,
                "oracle fixture");

        // Tasks (budget in VND: allocated / disbursed).
        task("T1", "ORP1", "2026-08-15", 1_000_000, 600_000); // done 10 Aug: on time
        task("T2", "ORP1-C1", "2026-08-20", 500_000, 500_000); // done 25 Aug: 5 days late
        task("T3", "ORP1-C2", "2026-09-10", 500_000, 0); // never done: overdue 10 days on 20 Sep
        task("T4", "ORP1", "2026-09-30", 0, 0); // due later in the quarter: not counted yet
        task("T5", "ORP2", "2026-07-31", 2_000_000, 500_000); // done 20 Jul: on time
        task("T6", "ORP2-C1", "2026-09-05", 0, 0); // done 1 Sep: on time
        done("T5", "2026-07-20");
        done("T1", "2026-08-10");
        done("T2", "2026-08-25");
        done("T6", "2026-09-01");

        // Reports owed: months 2026-07 (due 5 Aug), 2026-08 (due 5 Sep), 2026-09 (due 5 Oct: not yet due) and
        // weeks 2026W37 (due 14 Sep) and 2026W38 (due 21 Sep: not yet due), by each of the 7 units below ORTW.
        for (String p : List.of("2026-07", "2026-08", "2026-09", "2026W37", "2026W38")) {
            reports.open(Period.parse(p));
        }
        submit("ORP1", "2026-07", "2026-08-03"); // on time
        submit("ORP1", "2026-08", "2026-09-08"); // late
        submit("ORP1", "2026W37", "2026-09-14"); // on time (on the due day)
        submit("ORP1", "2026W38", "2026-09-19"); // early, but not due yet: not counted
        submit("ORP1-C1", "2026-07", "2026-08-03");
        submit("ORP1-C1", "2026-08", "2026-09-04");
        submit("ORP2", "2026-07", "2026-08-01");
        submit("ORP2", "2026-08", "2026-09-01");
        submit("ORP2", "2026W37", "2026-09-13");
        submit("ORP2-C1", "2026-07", "2026-08-02");
        submit("ORP2-C2", "2026-07", "2026-08-02");

        clock.set(LocalDate.of(2026, 9, 20));
    }

    @Test
    @Order(1)
    void indicatorValuesFollowTheOneRollUpRule() {
        // SUM, August: ORP1 reported 65.5 itself; ORP2 = 40 + 200 = 240 from its 2 communes;
        // ORTW = 65.5 + 240 = 305.5 from 2 provinces, the ministry missing.
        assertValue("OR_SUM", "ORP1", "2026-08", 65.5, "REPORTED", 0, 0);
        assertValue("OR_SUM", "ORP2", "2026-08", 240, "COMPUTED", 2, 0);
        assertValue("OR_SUM", "ORTW", "2026-08", 305.5, "COMPUTED", 2, 1);
        assertValue("OR_SUM", "ORMIN", "2026-08", null, null, 0, 0);
        // AVERAGE: ORTW reported 72.5 (not moved by any commune); ORP1 = (90 + 70) / 2 = 80;
        // ORP2 = 50 from one commune, the other missing.
        assertValue("OR_AVG", "ORTW", "2026-08", 72.5, "REPORTED", 0, 0);
        assertValue("OR_AVG", "ORP1", "2026-08", 80, "COMPUTED", 2, 0);
        assertValue("OR_AVG", "ORP2", "2026-08", 50, "COMPUTED", 1, 1);
        // The year 2026 holds only August: same figures, with attainment against the 2026 target
        // (SUM 200: ORP1 65.5 / 200 = 32.75 -> 32.8; AVERAGE 80: ORP1 80 / 80 = 100.0).
        JsonNode year = admin.get("/api/v1/analytics?indicator=OR_SUM&orgUnit=ORP1&period=2026&approvedOnly=true")
                .json();
        assertThat(year.path("value").asDouble()).isEqualTo(65.5);
        assertThat(year.path("attainment").asDouble()).isEqualTo(32.8);
        assertThat(admin.get("/api/v1/analytics?indicator=OR_AVG&orgUnit=ORP1&period=2026&approvedOnly=true")
                        .json()
                        .path("attainment")
                        .asDouble())
                .isEqualTo(100.0);
        // The series says the same per point.
        JsonNode series = admin.get(
                        "/api/v1/analytics/series?indicator=OR_SUM&orgUnit=ORTW&from=2026-07&to=2026-09&granularity=MONTH")
                .json();
        assertThat(series.get(0).path("value").isNull()).isTrue();
        assertThat(series.get(1).path("value").asDouble()).isEqualTo(305.5);
        assertThat(series.get(1).path("provenance").path("source").asString()).isEqualTo("COMPUTED");

        // The staff indicator page says where the latest value comes from (trend up to 20 Sep: August).
        String reported = admin.get("/indicators/OR_SUM?orgUnit=ORP1&lang=en").body();
        assertThat(reported).contains("id=\"latest-provenance\"").contains("reported by");
        String computed = admin.get("/indicators/OR_SUM?orgUnit=ORTW&lang=en").body();
        assertThat(computed).contains("computed from 2 units directly under", "1 without a value");
        assertThat(computed).contains("305.5");
    }

    @Test
    @Order(2)
    void scorecardsAndRankingsShowTheHandComputedFigures() throws Exception {
        JsonNode ranking =
                admin.get("/api/v1/reviews?period=" + Q + "&level=PROVINCE").json();
        JsonNode items = ranking.path("items");
        assertThat(items.size()).isEqualTo(2);
        // ORP2: on time 2 of 2 = 100.0; reports 5 of 9 due = 55.6 (ORP2 3 + each commune 1; 6 not yet due);
        // attainment mean(SUM 240/200 = 120 -> capped 100, AVERAGE 50/80 = 62.5) = 81.25 -> 81.3;
        // disbursement 500,000 / 2,000,000 = 25.0; coverage (25+15+20+15)/100 = 0.75;
        // score (100×25 + 55.6×15 + 81.3×20 + 25×15) / 75 = 5335 / 75 = 71.1.
        JsonNode p2 = items.get(0);
        assertThat(p2.path("unit").asString()).isEqualTo("ORP2");
        assertThat(p2.path("rank").asInt()).isEqualTo(1);
        assertThat(p2.path("onTimeRate").asDouble()).isEqualTo(100.0);
        assertThat(p2.path("reportTimeliness").asDouble()).isEqualTo(55.6);
        assertThat(p2.path("indicatorAttainment").asDouble()).isEqualTo(81.3);
        assertThat(p2.path("disbursementRate").asDouble()).isEqualTo(25.0);
        assertThat(p2.path("coverage").asDouble()).isEqualTo(0.75);
        assertThat(p2.path("score").asDouble()).isEqualTo(71.1);
        // ORP1: on time 1 of 3 (T1 on time, T2 late, T3 overdue; T4 not due yet) = 33.3;
        // reports 4 of 9 due on time = 44.4 (1 late, 4 missing, 6 not yet due);
        // attainment mean(65.5/200 = 32.8, 80/80 = 100) = 66.4; disbursement 1,100,000 / 2,000,000 = 55.0;
        // score (33.3×25 + 44.4×15 + 66.4×20 + 55×15) / 75 = 3651.5 / 75 = 48.7.
        JsonNode p1 = items.get(1);
        assertThat(p1.path("unit").asString()).isEqualTo("ORP1");
        assertThat(p1.path("rank").asInt()).isEqualTo(2);
        assertThat(p1.path("onTimeRate").asDouble()).isEqualTo(33.3);
        assertThat(p1.path("overdue").asLong()).isEqualTo(1);
        assertThat(p1.path("daysLate").asLong()).isEqualTo(15);
        assertThat(p1.path("reportTimeliness").asDouble()).isEqualTo(44.4);
        assertThat(p1.path("reportsExpected").asLong()).isEqualTo(9);
        assertThat(p1.path("reportsOnTime").asLong()).isEqualTo(4);
        assertThat(p1.path("reportsLate").asLong()).isEqualTo(1);
        assertThat(p1.path("reportsMissing").asLong()).isEqualTo(4);
        assertThat(p1.path("reportsNotYetDue").asLong()).isEqualTo(6);
        assertThat(p1.path("indicatorAttainment").asDouble()).isEqualTo(66.4);
        assertThat(p1.path("disbursementRate").asDouble()).isEqualTo(55.0);
        assertThat(p1.path("score").asDouble()).isEqualTo(48.7);
        assertThat(p1.path("coverage").asDouble()).isEqualTo(0.75);
        Map<String, JsonNode> c = components(p1);
        assertThat(c.get("onTime").path("numerator").asLong()).isEqualTo(1);
        assertThat(c.get("onTime").path("denominator").asLong()).isEqualTo(3);
        assertThat(c.get("disbursement").path("numerator").asLong()).isEqualTo(1_100_000);
        assertThat(c.get("disbursement").path("denominator").asLong()).isEqualTo(2_000_000);
        assertThat(c.get("satisfaction").path("value").isNull()).isTrue();
        assertThat(c.get("satisfaction").path("share").isNull()).isTrue();
        assertThat(c.get("onTime").path("share").asDouble()).isEqualTo(25 / 75.0);

        // The ministry owed 3 due reports and sent none (0.0, a real figure); nothing else: coverage 0.15,
        // below 0.5, so it is listed but not ranked.
        JsonNode ministry = admin.get("/api/v1/reviews?period=" + Q + "&level=MINISTRY")
                .json()
                .path("items")
                .get(0);
        assertThat(ministry.path("unit").asString()).isEqualTo("ORMIN");
        assertThat(ministry.path("reportTimeliness").asDouble()).isEqualTo(0.0);
        assertThat(ministry.path("onTimeRate").isNull()).isTrue();
        assertThat(ministry.path("disbursementRate").isNull()).isTrue();
        assertThat(ministry.path("coverage").asDouble()).isEqualTo(0.15);
        assertThat(ministry.path("rank").isNull()).isTrue();
        assertThat(ministry.path("enoughData").asBoolean()).isFalse();

        // Communes of ORP2: C1 on time 1 of 1 = 100, reports 1 of 3 = 33.3, attainment mean(40/200 = 20,
        // 50/80 = 62.5) = 41.3, no budget: coverage 0.6, score (2500 + 499.5 + 826) / 60 = 63.8.
        // C2 has reports 33.3 and attainment 100 only: coverage 0.35, score (499.5 + 2000) / 35 = 71.4, higher,
        // yet listed after C1 as not enough data.
        JsonNode communes = admin.get("/api/v1/reviews?period=" + Q + "&level=COMMUNE&parent=ORP2")
                .json()
                .path("items");
        assertThat(communes.get(0).path("unit").asString()).isEqualTo("ORP2-C1");
        assertThat(communes.get(0).path("rank").asInt()).isEqualTo(1);
        assertThat(communes.get(0).path("score").asDouble()).isEqualTo(63.8);
        assertThat(communes.get(0).path("coverage").asDouble()).isEqualTo(0.6);
        assertThat(communes.get(1).path("unit").asString()).isEqualTo("ORP2-C2");
        assertThat(communes.get(1).path("rank").isNull()).isTrue();
        assertThat(communes.get(1).path("score").asDouble()).isEqualTo(71.4);
        assertThat(communes.get(1).path("coverage").asDouble()).isEqualTo(0.35);

        // The /reviews pages show the same.
        String page =
                admin.get("/reviews?period=" + Q + "&level=PROVINCE&lang=en").body();
        assertThat(page.indexOf("id=\"row-ORP2\"")).isPositive().isLessThan(page.indexOf("id=\"row-ORP1\""));
        String row1 = row(page, "ORP1");
        assertThat(row1).contains(">2<", ">48.7<", ">75 %<", ">33.3<", ">44.4<", ">66.4<", ">55.0<");
        assertThat(row(page, "ORP2")).contains(">1<", ">71.1<", ">100.0<", ">55.6<", ">81.3<", ">25.0<");
        String communePage = admin.get("/reviews?period=" + Q + "&level=COMMUNE&parent=ORP2&lang=en")
                .body();
        assertThat(communePage.indexOf("id=\"row-ORP2-C1\""))
                .isPositive()
                .isLessThan(communePage.indexOf("id=\"row-ORP2-C2\""));
        assertThat(row(communePage, "ORP2-C2")).contains("not enough data", ">35 %<");
        String drill = admin.get("/reviews/ORP1?period=" + Q + "&lang=en").body();
        assertThat(drill).contains("1 of 3 done on time (1 done late, 1 overdue)");
        assertThat(drill).contains("4 of 9 due reports on time (1 late, 4 missing); 6 not yet due, not counted");
        assertThat(drill).contains("2 of 2 goal indicators with data");
        assertThat(drill).contains("id=\"coverage\">75 %<", "id=\"score\">48.7<");
        assertThat(drill).contains("id=\"share-satisfaction\">no data<");

        // And the ranking PDF.
        String pdf = new PdfTextExtractor(new PdfReader(
                        admin.get("/api/v1/reviews/ranking.pdf?period=" + Q + "&level=COMMUNE&parent=ORP2&lang=en")
                                .bytes()))
                .getTextFromPage(1)
                .replaceAll("\\s+", " ");
        assertThat(pdf).contains("1 ORP2-C1 63.8 60% 100.0", "not enough data ORP2-C2 71.4 35%");
        assertThat(pdf.indexOf("63.8")).isLessThan(pdf.indexOf("not enough data"));
    }

    /**
     * The same figures once published: the publication's JSON, the public pages a citizen reads (in
     * Vietnamese and English, chart tables included), the open-data files and the staff dashboard summary.
     */
    @Test
    @Order(3)
    void thePublicationAndThePublicPagesSayTheSame() throws Exception {
        // The dashboard summary of ORP1's subtree: T1 done, T2 done late, T3 overdue, T4 not yet due;
        // allocated 1,000,000 + 500,000 + 500,000 + 0 = 2,000,000; disbursed 600,000 + 500,000 = 1,100,000.
        JsonNode summary = admin.get("/api/v1/dashboard/summary?orgUnit=ORP1").json();
        assertThat(summary.path("tasks").asLong()).isEqualTo(4);
        assertThat(summary.path("overdue").asLong()).isEqualTo(1);
        assertThat(summary.path("budgetAllocated").asLong()).isEqualTo(2_000_000);
        assertThat(summary.path("budgetDisbursed").asLong()).isEqualTo(1_100_000);

        JsonNode published = admin.post("/api/v1/publications", "").json();
        long id = published.path("id").asLong();
        Api anyone = Api.anonymous(port);
        JsonNode json = anyone.get("/api/v1/public/publications/" + id).json();
        // Rankings as the scorecard API gave them: ORP2 71.1 first, ORP1 48.7 second.
        JsonNode provinces = json.path("rankings").path("PROVINCE");
        assertThat(json.path("rankings").path("period").asString()).isEqualTo(Q);
        assertThat(provinces.get(0).path("unit").asString()).isEqualTo("ORP2");
        assertThat(provinces.get(0).path("score").asDouble()).isEqualTo(71.1);
        assertThat(provinces.get(1).path("unit").asString()).isEqualTo("ORP1");
        assertThat(provinces.get(1).path("score").asDouble()).isEqualTo(48.7);
        assertThat(provinces.get(1).path("reportTimeliness").asDouble()).isEqualTo(44.4);
        // The ministry has not enough data: listed, not ranked.
        assertThat(json.path("rankings").path("MINISTRY").get(0).path("rank").isNull())
                .isTrue();
        // ORP1's tasks by status, and its reports of August: ORP1 late (8 Sep), ORP1-C1 on time (4 Sep),
        // ORP1-C2 missing; due 3, none still to come: 1 on time of 3 = 33.3.
        JsonNode orp1 = json.path("summaries").path("units").path("ORP1");
        assertThat(orp1.path("tasks").asLong()).isEqualTo(4);
        assertThat(orp1.path("tasksByStatus").path("DONE").asLong()).isEqualTo(1);
        assertThat(orp1.path("tasksByStatus").path("DONE_LATE").asLong()).isEqualTo(1);
        assertThat(orp1.path("tasksByStatus").path("OVERDUE").asLong()).isEqualTo(1);
        JsonNode rep = orp1.path("reports");
        assertThat(rep.path("period").asString()).isEqualTo("2026-08");
        assertThat(rep.path("due").asLong()).isEqualTo(3);
        assertThat(rep.path("onTime").asLong()).isEqualTo(1);
        assertThat(rep.path("late").asLong()).isEqualTo(1);
        assertThat(rep.path("missing").asLong()).isEqualTo(1);
        assertThat(rep.path("notYetDue").asLong()).isEqualTo(0);
        assertThat(rep.path("percent").asDouble()).isEqualTo(33.3);
        // Indicator values: the national SUM of August 305.5 (ORP1's own 65.5 + ORP2's communes 240), each
        // province's latest value of the goal's indicator.
        Map<String, Double> values = new HashMap<>();
        for (JsonNode i : json.path("indicators")) {
            for (JsonNode v : i.path("values")) {
                values.put(
                        i.path("code").asString() + " " + v.path("orgUnit").asString() + " "
                                + v.path("period").asString(),
                        v.path("value").asDouble());
            }
        }
        assertThat(values)
                .containsEntry("OR_SUM ORTW 2026-08", 305.5)
                .containsEntry("OR_SUM ORP1 2026-08", 65.5)
                .containsEntry("OR_SUM ORP2 2026-08", 240.0)
                .containsEntry("OR_AVG ORTW 2026-08", 72.5)
                .containsEntry("OR_AVG ORP1 2026-08", 80.0);

        // The open data says the same.
        String csv = anyone.get("/api/v1/public/publications/" + id + "/files/values.csv")
                .body();
        Map<String, Double> fromCsv = new HashMap<>();
        for (var r : org.apache.commons.csv.CSVFormat.RFC4180
                .builder()
                .setHeader()
                .get()
                .parse(new java.io.StringReader(csv))) {
            fromCsv.put(
                    r.get("indicator") + " " + r.get("org_unit") + " " + r.get("period"),
                    Double.valueOf(r.get("value")));
        }
        assertThat(fromCsv).containsAllEntriesOf(values);
        String tasksCsv = anyone.get("/api/v1/public/publications/" + id + "/files/tasks.csv")
                .body();
        assertThat(tasksCsv.lines().filter(l -> l.contains(",DONE_LATE,")).count())
                .isEqualTo(1);

        // The public pages: the province's rank and score in each language, its reports line, its chart table.
        String vi = anyone.get("/public/p/" + id + "/vi/unit-ORP1.html").body();
        assertThat(vi).contains("id=\"rank\"").contains("48,7");
        assertThat(text(vi, "reports"))
                .isEqualTo("2026-08: 1 đúng hạn, 1 chậm, 1 thiếu trên 3 đã đến hạn; 0 chưa đến hạn");
        String en = anyone.get("/public/p/" + id + "/en/unit-ORP1.html").body();
        assertThat(text(en, "rank")).contains("2", "48.7");
        assertThat(text(en, "reports")).isEqualTo("2026-08: 1 on time, 1 late, 1 missing of 3 due; 0 not yet due");
        // The chart's table under ORP1's figures: one task done late (the chart itself is compared with its
        // table in the browser test).
        assertThat(java.util.regex.Pattern.compile(
                                "data-status=\"DONE_LATE\"><td>Done late</td>\\s*<td class=\"num\">1</td>")
                        .matcher(en)
                        .find())
                .as("ORP1 status table")
                .isTrue();
    }

    /** The text of the element with this id, tags dropped. */
    private static String text(String html, String id) {
        int start = html.indexOf("id=\"" + id + "\"");
        assertThat(start).as(id).isPositive();
        int open = html.indexOf('>', start) + 1;
        return html.substring(open, html.indexOf("</", open)).strip();
    }

    /** Last: it adds a task, which moves ORP1's figures. */
    @Test
    @Order(4)
    void aChangeShowsAtOnceNotFiveMinutesLater() {
        JsonNode before = admin.get("/api/v1/reviews/ORP1-C2?period=" + Q).json();
        // ORP1-C2: T3 overdue, 0 of 1 on time.
        assertThat(before.path("onTimeRate").asDouble()).isEqualTo(0.0);
        // A second task of ORP1-C2, due in the quarter, done on 20 September: on time, 1 of 2 = 50.0.
        clock.set(LocalDate.of(2026, 9, 20));
        task("T7", "ORP1-C2", "2026-09-25", 0, 0);
        done("T7", "2026-09-20");
        JsonNode after = admin.get("/api/v1/reviews/ORP1-C2?period=" + Q).json();
        assertThat(after.path("onTimeRate").asDouble()).isEqualTo(50.0);
    }

    private void assertValue(
            String indicator, String unit, String period, Number value, String source, int children, int missing) {
        JsonNode v = admin.get("/api/v1/analytics?indicator=" + indicator + "&orgUnit=" + unit + "&period=" + period)
                .json();
        String what = indicator + " " + unit + " " + period;
        if (value == null) {
            assertThat(v.path("value").isNull()).as(what).isTrue();
            assertThat(v.path("provenance").isNull()).as(what).isTrue();
            return;
        }
        assertThat(v.path("value").asDouble()).as(what).isEqualTo(value.doubleValue());
        assertThat(v.path("provenance").path("source").asString()).as(what).isEqualTo(source);
        assertThat(v.path("provenance").path("children").asInt()).as(what).isEqualTo(children);
        assertThat(v.path("provenance").path("missing").asInt()).as(what).isEqualTo(missing);
    }

    private static Map<String, JsonNode> components(JsonNode card) {
        Map<String, JsonNode> m = new HashMap<>();
        for (JsonNode c : card.path("components")) {
            m.put(c.path("key").asString(), c);
        }
        return m;
    }

    private static String row(String page, String unit) {
        int start = page.indexOf("id=\"row-" + unit + "\"");
        assertThat(start).as(unit).isPositive();
        return page.substring(start, page.indexOf("</tr>", start));
    }

    private void unit(String code, String level, String parent) {
        created(admin.post(
                "/api/v1/org-units",
                "{\"code\":\"" + code + "\",\"names\":{\"vi\":\"" + code + "\",\"en\":\"" + code + "\"},\"level\":\""
                        + level + "\"" + (parent == null ? "" : ",\"parent\":\"" + parent + "\"") + "}"));
    }

    private void indicator(String code, String periodicity, String aggregation, Integer target) {
        created(admin.post(
                "/api/v1/indicators",
                "{\"code\":\"" + code + "\",\"names\":{\"vi\":\"" + code + "\",\"en\":\"" + code
                        + "\"},\"unit\":\"u\",\"direction\":\"HIGHER_IS_BETTER\",\"periodicity\":\"" + periodicity
                        + "\",\"aggregation\":\"" + aggregation + "\",\"resolution\":\"" + slug + "\""
                        + (target == null ? "" : ",\"targets\":[{\"year\":2026,\"value\":" + target + "}]") + "}"));
    }

    private void goal(String code, String indicator, int target) {
        created(admin.post(
                "/api/v1/resolutions/" + slug + "/goals",
                "{\"code\":\"" + code + "\",\"description\":{\"vi\":\"" + code + "\"},\"indicator\":\"" + indicator
                        + "\",\"targetValue\":" + target + ",\"targetYear\":2026}"));
    }

    private void task(String name, String lead, String deadline, long allocated, long disbursed) {
        JsonNode t = created(
                admin.post("/api/v1/tasks", """
                {"title": "%s", "description": "Oracle task", "resolution": "oracle", "solutionGroup": "OR-G1",
                 "leadUnit": "%s", "responsiblePerson": "Nguyen Van A", "approver": "ORTW",
                 "startOn": "2026-07-01", "deadline": "%s", "expectedResult": "Done as planned", "kind": "OTHER",
                 "budgetPlanned": %d, "budgetAllocated": %d, "budgetDisbursed": %d}
                """.formatted(name, lead, deadline, allocated, allocated, disbursed)));
        assertThat(t.path("status").asString()).as(name).isEqualTo("NOT_STARTED");
        tasks.put(name, t.path("id").asLong());
    }

    private void done(String name, String on) {
        clock.set(LocalDate.parse(on));
        created(admin.post(
                "/api/v1/tasks/" + tasks.get(name) + "/updates",
                "{\"progress\":100,\"status\":\"DONE\",\"note\":\"Result delivered\"}"));
    }

    private void submit(String unit, String period, String on) {
        clock.set(LocalDate.parse(on));
        JsonNode list = admin.get("/api/v1/reports?resolution=" + slug + "&orgUnit=" + unit + "&period=" + period)
                .json()
                .path("items");
        long id = -1;
        for (JsonNode r : list) {
            if (r.path("orgUnit").asString().equals(unit)) {
                id = r.path("id").asLong();
            }
        }
        assertThat(id).as(unit + " " + period).isPositive();
        Api.Response r = admin.post("/api/v1/reports/" + id + "/submit", "{}");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
    }

    private static JsonNode created(Api.Response r) {
        assertThat(r.status()).as(r.toString()).isBetween(200, 201);
        return r.json();
    }
}
