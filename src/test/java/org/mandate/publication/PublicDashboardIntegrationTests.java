package org.mandate.publication;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;
import org.mandate.Api;
import org.mandate.MandateIntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The public dashboard shows what was published, never drafts or unapproved values, and what changed. */
@MandateIntegrationTest
class PublicDashboardIntegrationTests {

    @LocalServerPort
    int port;

    @Test
    void draftsAndUnapprovedValuesNeverReachThePublicAndChangesShow() {
        Api steering = Api.as(port, "steering");
        Api reporter = Api.as(port, "reporter.caobang");
        Api anyone = Api.anonymous(port);
        JsonNode before = steering.post("/api/v1/publications", "").json();
        String beforeContent = anyone.get(
                        "/api/v1/public/publications/" + before.path("id").asLong())
                .body();

        // A draft task (no clarities) and an unapproved value for a Cao Bang commune.
        String draftTitle = "Draft never published " + System.nanoTime();
        assertThat(steering.post(
                                "/api/v1/tasks",
                                "{\"title\":\"" + draftTitle
                                        + "\",\"resolution\":\"72-nq-tw\",\"leadUnit\":\"CAOBANG\"}")
                        .status())
                .isEqualTo(201);
        String month = LocalDate.now().minusMonths(1).format(DateTimeFormatter.ofPattern("yyyy-MM"));
        Api.Response value = Api.as(port, "reporter.caobang-c01")
                .post(
                        "/api/v1/data-values",
                        "[{\"indicator\":\"R72_PATIENT_SATISFACTION\",\"orgUnit\":\"CAOBANG-C01\",\"period\":\"" + month
                                + "\",\"value\":1.2345}]");
        assertThat(value.status()).as(value.body()).isBetween(200, 299);

        // A bottleneck raised on a Cao Bang task.
        long taskId = -1;
        for (JsonNode t :
                reporter.get("/api/v1/tasks?orgUnit=CAOBANG&size=100").json().path("items")) {
            if (!"DRAFT".equals(t.path("status").asString())
                    && !t.path("status").asString().startsWith("DONE")) {
                taskId = t.path("id").asLong();
                break;
            }
        }
        String bottleneckTitle = "Site clearance stalled " + System.nanoTime();
        Api.Response raised = reporter.post(
                "/api/v1/bottlenecks",
                "{\"title\":\"" + bottleneckTitle
                        + "\",\"type\":\"LAND\",\"severity\":\"HIGH\",\"raisedBy\":\"CAOBANG\",\"owner\":\"CAOBANG\",\"blockedTasks\":["
                        + taskId + "]}");
        assertThat(raised.status()).as(raised.body()).isEqualTo(201);

        JsonNode after = steering.post("/api/v1/publications", "").json();
        long id = after.path("id").asLong();
        String content = anyone.get("/api/v1/public/publications/" + id).body();
        assertThat(content).contains(bottleneckTitle).doesNotContain(draftTitle);
        assertThat(indicator(beforeContent, "R72_PATIENT_SATISFACTION"))
                .isEqualTo(indicator(content, "R72_PATIENT_SATISFACTION"));

        String changes = anyone.get("/public/p/" + id + "/en/changes.html").body();
        assertThat(changes).contains(bottleneckTitle).doesNotContain(draftTitle);
        String resolution =
                anyone.get("/public/p/" + id + "/en/resolution-72-nq-tw.html").body();
        assertThat(resolution).doesNotContain(draftTitle).contains("Strengthen preventive medicine");
        String overview = anyone.get("/public/p/" + id + "/vi/index.html").body();
        assertThat(overview).contains("72-NQ/TW", "data-chart");
        assertThat(anyone.get("/public/p/" + id + "/en/unit-CAOBANG.html").body())
                .contains(bottleneckTitle);
        assertThat(anyone.get("/public/p/" + id + "/en/units.html").body())
                .contains("province-grid", "unit-CAOBANG.html");
    }

    private static String indicator(String content, String code) {
        for (JsonNode i : tools.jackson.databind.json.JsonMapper.builder()
                .build()
                .readTree(content)
                .path("indicators")) {
            if (code.equals(i.path("code").asString())) {
                return i.toString();
            }
        }
        return null;
    }
}
