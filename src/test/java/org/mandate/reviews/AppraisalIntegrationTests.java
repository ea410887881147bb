package org.mandate.reviews;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mandate.Api;
import org.mandate.Browser;
import org.mandate.MandateIntegrationTest;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@MandateIntegrationTest
class AppraisalIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    AppraisalManagement appraisals;

    private long invite(String target, String expert, String unit) {
        Api.Response r = Api.as(port, "steering")
                .post(
                        "/api/v1/appraisals",
                        "{\"target\":\"" + target + "\",\"expert\":\"" + expert + "\",\"unit\":\"" + unit
                                + "\",\"dueOn\":\"2030-01-31\",\"brief\":\"Test brief\"}");
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        assertThat(r.json().path("state").asString()).isEqualTo("INVITED");
        return r.json().path("id").asLong();
    }

    private static final String GOOD_REPORT =
            "{\"relevance\":5,\"feasibility\":3,\"costEffectiveness\":4,\"progressCredibility\":2,"
                    + "\"findings\":\"Progress reports are optimistic.\",\"recommendations\":\"Publish monthly.\"}";

    @Test
    void anInvitedExpertAppraisesAndTheAppraisalWaitsForTheNextPublication() {
        long id = invite("solution-group:70-S05", "expert", "BCT");
        Api expert = Api.as(port, "expert");
        Api.Response submitted = expert.post("/api/v1/appraisals/" + id + "/submit", GOOD_REPORT);
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(200);
        assertThat(submitted.json().path("state").asString()).isEqualTo("SUBMITTED");
        assertThat(submitted.json().path("costEffectiveness").asInt()).isEqualTo(4);
        assertThat(expert.post("/api/v1/appraisals/" + id + "/submit", GOOD_REPORT)
                        .status())
                .isEqualTo(409);

        JsonNode ready = Api.as(port, "steering")
                .get("/api/v1/appraisals?ready=true&size=500")
                .json();
        assertThat(ready.path("items").findValuesAsString("id")).contains(String.valueOf(id));
        assertThat(appraisals.readyToPublish()).extracting(Appraisal::id).contains(id);
        assertThat(publicIds()).doesNotContain(id);
        assertThat(Api.anonymous(port).get("/public/appraisals/" + id).status()).isEqualTo(404);

        // What the publication module will do when it publishes.
        assertThat(appraisals.markPublished(List.of(id), Instant.now())).isEqualTo(1);
        assertThat(appraisals.markPublished(List.of(id), Instant.now())).isZero();
        assertThat(appraisals.readyToPublish()).extracting(Appraisal::id).doesNotContain(id);
        assertThat(publicIds()).contains(id);
        assertThat(Api.anonymous(port)
                        .get("/public/appraisals/" + id + "?lang=en")
                        .body())
                .contains("Progress reports are optimistic.", "Cost-effectiveness");

        JsonNode trail = Api.as(port, "admin")
                .get("/api/v1/audit?entityType=appraisal&entityId=" + id)
                .json();
        assertThat(trail.path("items").findValuesAsString("action")).contains("created", "submitted", "published");
    }

    private List<Long> publicIds() {
        List<Long> ids = new java.util.ArrayList<>();
        Api.anonymous(port)
                .get("/api/v1/public/appraisals?size=500")
                .json()
                .path("items")
                .forEach(a -> ids.add(a.path("id").asLong()));
        return ids;
    }

    long publicTaskId(String unit) {
        for (tools.jackson.databind.JsonNode t : Api.as(port, "steering")
                .get("/api/v1/tasks?orgUnit=" + unit + "&size=100")
                .json()
                .path("items")) {
            if (!"DRAFT".equals(t.path("status").asString())) {
                return t.path("id").asLong();
            }
        }
        throw new IllegalStateException("no public demo task under " + unit);
    }

    @Test
    void onlyTheInvitedExpertWritesAndOnlyTheUnitsLeaderResponds() {
        long bct = invite("solution-group:70-S06", "expert", "BCT");
        long caobang = invite("task:" + publicTaskId("CAOBANG"), "expert", "CAOBANG");

        assertThat(Api.as(port, "expert.energy")
                        .post("/api/v1/appraisals/" + bct + "/submit", GOOD_REPORT)
                        .status())
                .isEqualTo(403);
        assertThat(Api.as(port, "expert.energy")
                        .get("/api/v1/appraisals/" + bct)
                        .status())
                .isEqualTo(404);
        Api.Response bad = Api.as(port, "expert")
                .post(
                        "/api/v1/appraisals/" + bct + "/submit",
                        "{\"relevance\":9,\"feasibility\":0,\"costEffectiveness\":3}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.errorFields())
                .containsExactlyInAnyOrder("relevance", "feasibility", "progressCredibility", "findings");
        assertThat(Api.as(port, "expert")
                        .post("/api/v1/appraisals/" + bct + "/submit", "{\"relevance\":\"high\"}")
                        .errorFields())
                .containsExactly("relevance");

        Api leader = Api.as(port, "leader.caobang");
        assertThat(leader.post("/api/v1/appraisals/" + caobang + "/response", "{\"response\":\"Too early\"}")
                        .status())
                .isEqualTo(409);
        Api expert = Api.as(port, "expert");
        assertThat(expert.post("/api/v1/appraisals/" + bct + "/submit", GOOD_REPORT)
                        .status())
                .isEqualTo(200);
        assertThat(expert.post("/api/v1/appraisals/" + caobang + "/submit", GOOD_REPORT)
                        .status())
                .isEqualTo(200);

        assertThat(leader.post("/api/v1/appraisals/" + bct + "/response", "{\"response\":\"Not ours\"}")
                        .status())
                .isEqualTo(403);
        assertThat(Api.as(port, "reporter.caobang")
                        .post("/api/v1/appraisals/" + caobang + "/response", "{\"response\":\"Reporter\"}")
                        .status())
                .isEqualTo(403);
        Api.Response empty = leader.post("/api/v1/appraisals/" + caobang + "/response", "{\"response\":\" \"}");
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.errorFields()).containsExactly("response");
        assertThat(leader.post("/api/v1/appraisals/" + caobang + "/response", "{\"response\":\"x\",\"version\":0}")
                        .status())
                .isEqualTo(409);
        Api.Response answered = leader.post(
                "/api/v1/appraisals/" + caobang + "/response", "{\"response\":\"We will publish monthly.\"}");
        assertThat(answered.status()).isEqualTo(200);
        assertThat(answered.json().path("state").asString()).isEqualTo("RESPONDED");
        assertThat(answered.json().path("respondedBy").asString()).isEqualTo("leader.caobang");
        assertThat(leader.get("/api/v1/appraisals?size=500")
                        .json()
                        .path("items")
                        .findValuesAsString("id"))
                .contains(String.valueOf(caobang))
                .doesNotContain(String.valueOf(bct));
    }

    @Test
    void invitationsComeFromTheSteeringCommitteeAndAreChecked() {
        String body = "{\"target\":\"solution-group:70-S01\",\"expert\":\"expert\",\"unit\":\"BCT\"}";
        assertThat(Api.as(port, "leader.caobang")
                        .post("/api/v1/appraisals", body)
                        .status())
                .isEqualTo(403);
        assertThat(Api.as(port, "expert").post("/api/v1/appraisals", body).status())
                .isEqualTo(403);
        assertThat(Api.anonymous(port).post("/api/v1/appraisals", body).status())
                .isEqualTo(401);
        Api steering = Api.as(port, "steering");
        Api.Response bad = steering.post(
                "/api/v1/appraisals",
                "{\"target\":\"unit:CAOBANG\",\"expert\":\"reporter.caobang\",\"unit\":\"NOWHERE\"}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.errorFields()).containsExactlyInAnyOrder("target", "expert", "unit");
        Api.Response unknownTask =
                steering.post("/api/v1/appraisals", "{\"target\":\"task:999999999\",\"expert\":\"expert\"}");
        assertThat(unknownTask.status()).isEqualTo(400);
        assertThat(unknownTask.errorFields()).contains("target");
        Api.Response noUnit =
                steering.post("/api/v1/appraisals", "{\"target\":\"resolution:70-nq-tw\",\"expert\":\"expert\"}");
        assertThat(noUnit.status()).isEqualTo(400);
        Api.Response unknownGroup = steering.post(
                "/api/v1/appraisals", "{\"target\":\"solution-group:99-S99\",\"expert\":\"expert\",\"unit\":\"TW\"}");
        assertThat(unknownGroup.errorFields()).containsExactly("target");
        assertThat(steering.get("/api/v1/appraisals/999999999").status()).isEqualTo(404);
    }

    @Test
    void theExpertFillsTheAppraisalFormInTheBrowser() {
        long id = invite("solution-group:71-S02", "expert", "BGDDT");
        try (Browser browser = Browser.open(port)) {
            browser.login("expert", "demo");
            browser.go("/reviews/appraisals?lang=en");
            browser.click(By.cssSelector("#appraisal-" + id + " a"));
            for (String criterion : List.of("relevance", "feasibility", "costEffectiveness", "progressCredibility")) {
                new Select(browser.find(By.id("score-" + criterion))).selectByValue("4");
            }
            browser.type(By.id("appraisal-findings-input"), "Training plans lack <b>budget</b> lines.");
            browser.click(By.id("appraisal-submit"));
            assertThat(browser.text(By.id("appraisal-state"))).isEqualTo("Submitted");
            assertThat(browser.text(By.id("appraisal-findings"))).isEqualTo("Training plans lack <b>budget</b> lines.");
            browser.waitForText("Ready for the next publication");
        }
    }
}
