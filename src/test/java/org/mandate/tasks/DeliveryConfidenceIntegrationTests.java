package org.mandate.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.mandate.Api;
import org.mandate.MandateIntegrationTest;
import org.mandate.indicators.Fixtures;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Delivery confidence: the lead unit rates its task with a required reason, a change is a new rating (the
 * history stays), others may not rate it, and the publication shows the current rating, its reason, its
 * date and the one before it, in the reader's language.
 */
@MandateIntegrationTest
class DeliveryConfidenceIntegrationTests {

    @LocalServerPort
    int port;

    @Test
    void theLeadUnitRatesWithAReasonAndThePublicSeesRatingReasonAndTrend() {
        LocalDate today = LocalDate.now();
        String title = "Confidence " + Fixtures.unique();
        long task = Api.as(port, "steering")
                .post("/api/v1/tasks", """
                        {"title": "%s", "description": "Rated", "resolution": "72-nq-tw",
                         "solutionGroup": "72-S02", "leadUnit": "CAOBANG-C01", "responsiblePerson": "Nguyen Van A",
                         "approver": "CAOBANG", "startOn": "%s", "deadline": "%s", "kind": "POLICY",
                         "expectedResult": "A plan"}
                        """.formatted(title, today, today.plusDays(30)))
                .json()
                .path("id")
                .asLong();
        Api reporter = Api.as(port, "reporter.caobang-c01");
        String path = "/api/v1/tasks/" + task + "/confidence";

        Api.Response noReason = reporter.post(path, "{\"rating\": \"AMBER\", \"reason\": \" \"}");
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.errorFields()).containsExactly("reason");
        assertThat(reporter.post(path, "{\"rating\": \"PURPLE\", \"reason\": \"x\"}")
                        .status())
                .isEqualTo(400);
        assertThat(Api.as(port, "reporter.moh")
                        .post(path, "{\"rating\": \"GREEN\", \"reason\": \"Not my task\"}")
                        .status())
                .isEqualTo(403);

        assertThat(reporter.post(path, "{\"rating\": \"AMBER\", \"reason\": \"The land is late.\"}")
                        .status())
                .isEqualTo(201);
        assertThat(reporter.post(path, "{\"rating\": \"RED\", \"reason\": \"The land is not coming this year.\"}")
                        .status())
                .isEqualTo(201);
        JsonNode history = reporter.get(path).json();
        assertThat(history.size()).isEqualTo(2);
        assertThat(history.get(0).path("rating").asString()).isEqualTo("RED");
        assertThat(history.get(1).path("rating").asString()).isEqualTo("AMBER");

        long id = Api.as(port, "steering")
                .post("/api/v1/publications", "{}")
                .json()
                .path("id")
                .asLong();
        JsonNode published = null;
        for (JsonNode t : Api.anonymous(port)
                .get("/api/v1/public/publications/" + id)
                .json()
                .path("tasks")) {
            if (t.path("id").asLong() == task) {
                published = t;
            }
        }
        assertThat(published).isNotNull();
        assertThat(published.path("confidence").path("rating").asString()).isEqualTo("RED");
        assertThat(published.path("confidence").path("reason").asString())
                .isEqualTo("The land is not coming this year.");
        assertThat(published.path("confidence").path("previous").asString()).isEqualTo("AMBER");
        assertThat(published.path("confidence").path("on").asString())
                .startsWith(today.toString().substring(0, 4));

        String ru = Api.anonymous(port)
                .get("/public/p/" + id + "/ru/unit-CAOBANG-C01.html")
                .body();
        assertThat(ru)
                .contains(title)
                .contains("Красный")
                .contains("было: Жёлтый")
                .contains("The land is not coming this year.");
    }
}
