package org.mandate.bottlenecks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.mandate.Api;
import org.mandate.MandateIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@MandateIntegrationTest
class BottleneckIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    BottleneckManagement bottlenecks;

    @Test
    void anUnresolvedBottleneckClimbsALevelAtATimeUpToTheSteeringCommittee() {
        Api reporter = Api.as(port, "reporter.caobang");
        var raised = reporter.post("/api/v1/bottlenecks", """
                {"title": "Commune cannot hire nurses %d", "type": "HUMAN_RESOURCES", "raisedBy": "CAOBANG-C05",
                 "severity": "LOW"}
                """.formatted(System.nanoTime()));
        assertThat(raised.status()).as(raised.body()).isEqualTo(201);
        long id = raised.json().path("id").asLong();
        assertThat(raised.json().path("owner").asString()).isEqualTo("CAOBANG-C05");

        LocalDate today = bottlenecks.today();
        bottlenecks.escalateOverdue(today.plusDays(bottlenecks.escalateAfterDays() - 1));
        assertThat(bottlenecks.get(id).escalationLevel()).isZero();
        bottlenecks.escalateOverdue(today.plusDays(bottlenecks.escalateAfterDays()));
        Bottleneck once = bottlenecks.get(id);
        assertThat(once.owner()).isEqualTo("CAOBANG");
        assertThat(once.escalationLevel()).isEqualTo(1);
        // Escalated today: the clock restarts from the escalation.
        bottlenecks.escalateOverdue(today.plusDays(bottlenecks.escalateAfterDays()));
        assertThat(bottlenecks.get(id).owner()).isEqualTo("CAOBANG");
        bottlenecks.escalateOverdue(today.plusDays(2L * bottlenecks.escalateAfterDays() + 1));
        assertThat(bottlenecks.get(id).owner()).isEqualTo("TW");
        var top = Api.as(port, "steering").post("/api/v1/bottlenecks/" + id + "/escalate", "{}");
        assertThat(top.status()).isEqualTo(409);
        assertThat(Api.as(port, "steering")
                        .get("/api/v1/bottlenecks/" + id + "/history")
                        .body())
                .contains("AUTO_ESCALATED", "RAISED");

        var bad = reporter.post("/api/v1/bottlenecks", "{\"type\": \"NOPE\", \"raisedBy\": \"CAOBANG\"}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.errorFields()).contains("type");
        var missing = reporter.post("/api/v1/bottlenecks", "{\"raisedBy\": \"HANOI\", \"type\": \"LAND\"}");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.errorFields()).contains("title");
        var foreign =
                reporter.post("/api/v1/bottlenecks", "{\"title\": \"x\", \"raisedBy\": \"HANOI\", \"type\": \"LAND\"}");
        assertThat(foreign.status()).isEqualTo(403);
    }

    @Test
    void theIntegratorGetsCountsAndScorecardInputs() {
        Api steering = Api.as(port, "steering");
        var counts = steering.get("/api/v1/tasks/counts?orgUnit=CAOBANG&resolution=72-nq-tw");
        assertThat(counts.status()).isEqualTo(200);
        assertThat(counts.json().has("percentDone")).isTrue();
        var byType = steering.get("/api/v1/bottlenecks/open-by-type?orgUnit=CAOBANG");
        assertThat(byType.status()).isEqualTo(200);
        LocalDate today = bottlenecks.today();
        var card = steering.get(
                "/api/v1/bottlenecks/scorecard?orgUnit=CAOBANG&from=" + today.minusYears(1) + "&to=" + today);
        assertThat(card.status()).as(card.body()).isEqualTo(200);
        assertThat(card.json().path("tasks").has("onTimeRate")).isTrue();
        var board = steering.get("/api/v1/bottlenecks/board");
        assertThat(board.status()).isEqualTo(200);
    }
}
