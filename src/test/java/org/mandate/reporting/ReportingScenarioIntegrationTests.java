package org.mandate.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mandate.Api;
import org.mandate.MandateIntegrationTest;
import org.mandate.indicators.Fixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * A reporter of a Cao Bang commune enters this week's values and submits; the province leader returns the
 * report with a reason; the reporter fixes and resubmits; the leader approves; the province and national
 * figures change; completeness shows who is missing.
 */
@MandateIntegrationTest
class ReportingScenarioIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    ReportManagement reports;

    @Test
    void aCommuneReportsIsReturnedFixedAndApproved() {
        Api steering = Api.as(port, "steering");
        Api reporter = Api.as(port, "reporter.caobang-c01");
        Api leader = Api.as(port, "leader.caobang");
        String resolution = Fixtures.resolution(steering);
        String indicator = Fixtures.indicator(steering, "CASES", "WEEKLY", "SUM", resolution, "");
        String week = Fixtures.thisWeek().toString();
        assertThat(reports.open(Fixtures.thisWeek())).isGreaterThan(50);

        String analytics = "/api/v1/analytics?indicator=" + indicator + "&period=" + week + "&orgUnit=";
        assertThat(steering.get(analytics + "CAOBANG").json().path("value").isNull())
                .isTrue();

        Api.Response saved =
                reporter.post("/api/v1/data-values", "[" + Fixtures.value(indicator, "CAOBANG-C01", week, "12") + "]");
        assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
        assertThat(saved.json().path("created").asInt()).isEqualTo(1);

        JsonNode list = reporter.get("/api/v1/reports?orgUnit=CAOBANG-C01&period=" + week + "&resolution=" + resolution)
                .json();
        assertThat(list.path("total").asInt()).isEqualTo(1);
        JsonNode report = list.path("items").get(0);
        long id = report.path("id").asLong();
        assertThat(report.path("state").asString()).isEqualTo("OPEN");
        assertThat(report.path("dueOn").asString()).isNotBlank();

        assertThat(reporter.post("/api/v1/reports/" + id + "/submit", "{}")
                        .json()
                        .path("state")
                        .asString())
                .isEqualTo("SUBMITTED");
        // Submitted values are locked until the level above decides.
        assertThat(reporter.post(
                                "/api/v1/data-values", "[" + Fixtures.value(indicator, "CAOBANG-C01", week, "13") + "]")
                        .status())
                .isEqualTo(409);
        // Staff see the submitted value; the public side does not.
        assertThat(steering.get(analytics + "CAOBANG").json().path("value").asDouble())
                .isEqualTo(12.0);
        assertThat(Api.as(port, "expert")
                        .get("/api/v1/analytics?approvedOnly=true&indicator=" + indicator + "&period=" + week
                                + "&orgUnit=CAOBANG")
                        .json()
                        .path("value")
                        .isNull())
                .isTrue();

        // The reporter cannot decide; the leader must give a reason to return.
        assertThat(reporter.post("/api/v1/reports/" + id + "/approve", "{}").status())
                .isEqualTo(403);
        assertThat(Api.as(port, "reporter.caobang")
                        .post("/api/v1/reports/" + id + "/approve", "{}")
                        .status())
                .isEqualTo(403);
        assertThat(leader.post("/api/v1/reports/" + id + "/return", "{}").errorFields())
                .containsExactly("reason");
        Api.Response returned =
                leader.post("/api/v1/reports/" + id + "/return", "{\"reason\":\"Số ca không khớp sổ theo dõi\"}");
        assertThat(returned.json().path("state").asString()).isEqualTo("RETURNED");
        assertThat(returned.json().path("returnReason").asString()).isEqualTo("Số ca không khớp sổ theo dõi");

        assertThat(reporter.post(
                                "/api/v1/data-values", "[" + Fixtures.value(indicator, "CAOBANG-C01", week, "15") + "]")
                        .json()
                        .path("updated")
                        .asInt())
                .isEqualTo(1);
        assertThat(reporter.post("/api/v1/reports/" + id + "/submit", "{}")
                        .json()
                        .path("state")
                        .asString())
                .isEqualTo("SUBMITTED");
        assertThat(leader.post("/api/v1/reports/" + id + "/approve", "{}")
                        .json()
                        .path("state")
                        .asString())
                .isEqualTo("APPROVED");
        assertThat(leader.post("/api/v1/reports/" + id + "/approve", "{}").status())
                .isEqualTo(409);

        // Approved values are locked (409) and now count on the public side, for the province and the nation.
        assertThat(reporter.post(
                                "/api/v1/data-values", "[" + Fixtures.value(indicator, "CAOBANG-C01", week, "16") + "]")
                        .status())
                .isEqualTo(409);
        for (String unit : List.of("CAOBANG-C01", "CAOBANG", "TW")) {
            assertThat(Api.as(port, "expert")
                            .get("/api/v1/analytics?approvedOnly=true&indicator=" + indicator + "&period=" + week
                                    + "&orgUnit=" + unit)
                            .json()
                            .path("value")
                            .asDouble())
                    .isEqualTo(15.0);
        }
        String year = String.valueOf(Fixtures.thisWeek().year());
        assertThat(steering.get("/api/v1/analytics?indicator=" + indicator + "&period=" + year + "&orgUnit=TW")
                        .json()
                        .path("value")
                        .asDouble())
                .isEqualTo(15.0);

        JsonNode completeness = leader.get(
                        "/api/v1/reports/completeness?orgUnit=CAOBANG&period=" + week + "&resolution=" + resolution)
                .json();
        assertThat(completeness.path("submitted").asInt()).isEqualTo(1);
        assertThat(completeness.path("approved").asInt()).isEqualTo(1);
        assertThat(completeness.path("expected").asInt()).isGreaterThan(50);
        List<String> missing = new ArrayList<>();
        completeness
                .path("notReported")
                .forEach(r -> missing.add(r.path("orgUnit").asString()));
        assertThat(missing).contains("CAOBANG-C02", "CAOBANG").doesNotContain("CAOBANG-C01");

        assertThat(Api.as(port, "admin")
                        .get("/api/v1/audit?entityType=report&entityId=" + id)
                        .json()
                        .path("total")
                        .asInt())
                .isEqualTo(4);
    }

    @Test
    void theJobMarksMissingReportsLate() {
        Api steering = Api.as(port, "steering");
        String resolution = Fixtures.resolution(steering);
        Fixtures.indicator(steering, "LATE", "WEEKLY", "SUM", resolution, "");
        org.mandate.shared.Period lastWeek = Fixtures.thisWeek().previous();
        reports.open(lastWeek);
        reports.markLate(lastWeek.end().plusDays(30));
        JsonNode list = steering.get("/api/v1/reports?orgUnit=CAOBANG&period=" + lastWeek + "&resolution=" + resolution
                        + "&state=LATE")
                .json();
        assertThat(list.path("total").asInt()).isGreaterThan(50);
        assertThat(list.path("items").get(0).path("timeliness").asString()).isIn("MISSING", "PENDING");
        assertThat(steering.get("/api/v1/reports?period=2025W99").errorFields()).containsExactly("period");
    }
}
