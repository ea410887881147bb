package org.mandate.reviews;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mandate.Api;
import org.mandate.MandateIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@MandateIntegrationTest
class SupervisionIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    SupervisionManagement supervisions;

    @Test
    void theFatherlandFrontSupervisesAndTheUnitsAnswer() {
        String subject = "Test supervision " + System.nanoTime();
        Api front = Api.as(port, "supervisor.mttq");
        Api.Response created = front.post(
                "/api/v1/supervisions",
                "{\"subject\":\"" + subject
                        + "\",\"units\":[\"CAOBANG-C05\",\"HANOI\"],\"periodFrom\":\"2026-01-01\",\"periodTo\":\"2026-03-31\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        long id = created.json().path("id").asLong();
        assertThat(created.json().path("units").findValuesAsString("unit")).containsExactly("CAOBANG-C05", "HANOI");

        Api leader = Api.as(port, "leader.caobang");
        String answer = "{\"unit\":\"CAOBANG-C05\",\"answer\":\"Two doctors were assigned.\"}";
        assertThat(leader.post("/api/v1/supervisions/" + id + "/answers", answer)
                        .status())
                .isEqualTo(409);
        assertThat(Api.as(port, "expert")
                        .post("/api/v1/supervisions/" + id + "/conclude", "{\"findings\":\"x\"}")
                        .status())
                .isEqualTo(403);
        Api.Response noFindings = front.post("/api/v1/supervisions/" + id + "/conclude", "{}");
        assertThat(noFindings.status()).isEqualTo(400);
        assertThat(noFindings.errorFields()).containsExactly("findings");
        Api.Response concluded = front.post(
                "/api/v1/supervisions/" + id + "/conclude",
                "{\"findings\":\"Clinics lack doctors.\",\"recommendations\":\"Assign doctors.\"}");
        assertThat(concluded.status()).isEqualTo(200);
        assertThat(concluded.json().path("state").asString()).isEqualTo("CONCLUDED");

        assertThat(leader.post(
                                "/api/v1/supervisions/" + id + "/answers",
                                "{\"unit\":\"HANOI\",\"answer\":\"Not our unit\"}")
                        .status())
                .isEqualTo(403);
        assertThat(Api.as(port, "reporter.caobang")
                        .post("/api/v1/supervisions/" + id + "/answers", answer)
                        .status())
                .isEqualTo(403);
        Api.Response answered = leader.post("/api/v1/supervisions/" + id + "/answers", answer);
        assertThat(answered.status()).isEqualTo(200);
        JsonNode c05 = answered.json().path("units").get(0);
        assertThat(c05.path("answer").asString()).isEqualTo("Two doctors were assigned.");
        assertThat(c05.path("answeredBy").asString()).isEqualTo("leader.caobang");

        assertThat(supervisions.readyToPublish()).extracting(Supervision::id).contains(id);
        assertThat(Api.anonymous(port).get("/api/v1/public/supervisions/" + id).status())
                .isEqualTo(404);
        assertThat(supervisions.markPublished(List.of(id), Instant.now())).isEqualTo(1);
        assertThat(Api.anonymous(port).get("/public/supervision?lang=en").body())
                .contains(subject);
        assertThat(Api.anonymous(port)
                        .get("/api/v1/public/supervisions/" + id)
                        .json()
                        .path("findings")
                        .asString())
                .isEqualTo("Clinics lack doctors.");
        assertThat(front.post("/api/v1/supervisions/" + id + "/conclude", "{\"findings\":\"Changed\"}")
                        .status())
                .isEqualTo(409);
    }

    @Test
    void onlySupervisorsRecordProgrammesAndBadInputNamesTheFields() {
        String body =
                "{\"subject\":\"S\",\"units\":[\"CAOBANG\"],\"periodFrom\":\"2026-01-01\",\"periodTo\":\"2026-02-01\"}";
        assertThat(Api.as(port, "steering").post("/api/v1/supervisions", body).status())
                .isEqualTo(403);
        Api.Response bad = Api.as(port, "supervisor.mttq")
                .post(
                        "/api/v1/supervisions",
                        "{\"subject\":\"\",\"units\":[\"NOWHERE\"],\"periodFrom\":\"2026-03-01\",\"periodTo\":\"2026-02-01\"}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.errorFields()).containsExactlyInAnyOrder("subject", "units[0]", "periodTo");
        Api.Response badDate = Api.as(port, "supervisor.mttq")
                .post("/api/v1/supervisions", "{\"subject\":\"S\",\"units\":[\"CAOBANG\"],\"periodFrom\":\"soon\"}");
        assertThat(badDate.errorFields()).containsExactly("periodFrom");
        assertThat(Api.anonymous(port).get("/reviews/supervision").status()).isIn(302, 401);
        assertThat(Api.as(port, "leader.caobang")
                        .get("/reviews/supervision?lang=en")
                        .body())
                .contains("Social supervision");
    }
}
