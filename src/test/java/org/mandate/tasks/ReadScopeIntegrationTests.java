package org.mandate.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mandate.Api;
import org.mandate.MandateIntegrationTest;
import org.mandate.indicators.DataValue;
import org.mandate.indicators.DataValueManagement;
import org.mandate.indicators.Fixtures;
import org.mandate.reporting.ReportManagement;
import org.mandate.shared.Period;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Reads are scoped: drafts, values not yet approved and reports not yet approved are seen within the reader's
 * subtree (and by steering and admins); published work is seen by everyone signed in.
 */
@MandateIntegrationTest
class ReadScopeIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    TaskManagement tasks;

    @Autowired
    DataValueManagement values;

    @Autowired
    ReportManagement reports;

    private long task(Api api, String lead, boolean complete) {
        LocalDate today = tasks.today();
        var r = api.post("/api/v1/tasks", """
                {"title": "%s", "description": "Scoped read", "resolution": "70-nq-tw", "solutionGroup": "70-S02",
                 "leadUnit": "%s", "responsiblePerson": "Pham Van C", "approver": "TW", "startOn": "%s",
                 "deadline": "%s", %s "kind": "PROJECT"}
                """.formatted(
                        TaskApiIntegrationTests.unique("Ha Noi storage"),
                        lead,
                        today,
                        today.plusDays(90),
                        complete ? "\"expectedResult\": \"Storage commissioned\"," : ""));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.json().path("status").asString()).isEqualTo(complete ? "NOT_STARTED" : "DRAFT");
        return r.json().path("id").asLong();
    }

    private static List<Long> ids(JsonNode page) {
        return page.path("items").findValues("id").stream()
                .map(JsonNode::asLong)
                .toList();
    }

    @Test
    void aCommuneReporterSeesPublishedTasksEverywhereAndDraftsOnlyInItsOwnScope() {
        Api steering = Api.as(port, "steering");
        Api commune = Api.as(port, "reporter.caobang-c01");
        long draft = task(steering, "HANOI", false);
        long published = task(steering, "HANOI", true);
        long ownDraft = task(steering, "CAOBANG-C01", false);

        List<Long> seen =
                ids(commune.get("/api/v1/tasks?orgUnit=HANOI&size=200").json());
        assertThat(seen).contains(published).doesNotContain(draft);
        assertThat(ids(commune.get("/api/v1/tasks?status=DRAFT&size=200").json()))
                .contains(ownDraft)
                .doesNotContain(draft);
        assertThat(commune.get("/api/v1/tasks/" + draft).status()).isEqualTo(404);
        assertThat(commune.get("/api/v1/tasks/" + draft + "/updates").status()).isEqualTo(404);
        assertThat(commune.get("/tasks/" + draft).status()).isEqualTo(404);
        assertThat(commune.get("/api/v1/tasks/export.csv?orgUnit=HANOI").body())
                .doesNotContain("\n" + draft + ",")
                .contains("\n" + published + ",");
        assertThat(commune.get("/api/v1/tasks/" + published).status()).isEqualTo(200);
        assertThat(commune.get("/api/v1/tasks/" + ownDraft).status()).isEqualTo(200);

        // The province sees its communes' drafts; steering and admins see every draft.
        assertThat(Api.as(port, "reporter.caobang")
                        .get("/api/v1/tasks/" + ownDraft)
                        .status())
                .isEqualTo(200);
        assertThat(Api.as(port, "reporter.caobang")
                        .get("/api/v1/tasks/" + draft)
                        .status())
                .isEqualTo(404);
        assertThat(steering.get("/api/v1/tasks/" + draft).status()).isEqualTo(200);
        assertThat(Api.as(port, "admin").get("/api/v1/tasks/" + draft).status()).isEqualTo(200);
        // An independent expert reads published work only.
        assertThat(Api.as(port, "expert").get("/api/v1/tasks/" + draft).status())
                .isEqualTo(404);
        assertThat(Api.as(port, "expert").get("/api/v1/tasks/" + published).status())
                .isEqualTo(200);
    }

    @Test
    void valuesNotYetApprovedAreSeenWithinTheScopeOnly() {
        Api steering = Api.as(port, "steering");
        String resolution = Fixtures.resolution(steering);
        String indicator = Fixtures.indicator(steering, "SCOPE", "WEEKLY", "SUM", resolution, "");
        Period week = Fixtures.thisWeek();
        var posted = steering.post(
                "/api/v1/data-values",
                "[" + Fixtures.value(indicator, "HANOI", week.toString(), "7") + ","
                        + Fixtures.value(indicator, "CAOBANG-C01", week.toString(), "3") + "]");
        assertThat(posted.status()).as(posted.body()).isEqualTo(200);

        Api commune = Api.as(port, "reporter.caobang-c01");
        String query = "/api/v1/data-values?indicator=" + indicator + "&period=" + week;
        assertThat(commune.get(query).json().path("items").findValuesAsString("orgUnit"))
                .containsExactly("CAOBANG-C01");
        assertThat(commune.get(query).json().path("total").asLong()).isEqualTo(1);
        assertThat(steering.get(query).json().path("total").asLong()).isEqualTo(2);

        values.changeState("HANOI", week, List.of(indicator), List.of(DataValue.State.DRAFT), DataValue.State.APPROVED);
        assertThat(commune.get(query).json().path("items").findValuesAsString("orgUnit"))
                .containsExactlyInAnyOrder("CAOBANG-C01", "HANOI");
    }

    @Test
    void reportsNotYetApprovedAreSeenWithinTheScopeOnly() {
        Period week = Fixtures.thisWeek();
        reports.open(week);
        Api commune = Api.as(port, "reporter.caobang-c01");
        JsonNode page =
                commune.get("/api/v1/reports?period=" + week + "&size=200").json();
        List<String> units = page.path("items").findValuesAsString("orgUnit");
        assertThat(units).isNotEmpty().allMatch(u -> u.equals("CAOBANG-C01"));
        long hanoi = Api.as(port, "steering")
                .get("/api/v1/reports?orgUnit=HANOI&period=" + week + "&size=1")
                .json()
                .path("items")
                .get(0)
                .path("id")
                .asLong();
        assertThat(commune.get("/api/v1/reports/" + hanoi).status()).isEqualTo(404);
        assertThat(Api.as(port, "steering").get("/api/v1/reports/" + hanoi).status())
                .isEqualTo(200);
    }
}
