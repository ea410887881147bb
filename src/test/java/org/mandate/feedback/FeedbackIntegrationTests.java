package org.mandate.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.mandate.Api;
import org.mandate.Browser;
import org.mandate.MandateIntegrationTest;
import org.openqa.selenium.By;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@MandateIntegrationTest
class FeedbackIntegrationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    /** A fresh simulated client address (the test profile trusts X-Forwarded-For from localhost). */
    private static String newClient() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return "10." + r.nextInt(256) + "." + r.nextInt(256) + "." + r.nextInt(1, 255);
    }

    private HttpResponse<String> rate(String client, String json) {
        try {
            return http.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/public/feedback"))
                            .header("Content-Type", "application/json")
                            .header("Accept-Language", "en")
                            .header("X-Forwarded-For", client)
                            .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private long count(String target) {
        return Api.anonymous(port)
                .get("/api/v1/public/feedback?target=" + target)
                .json()
                .path("satisfaction")
                .path("count")
                .asLong();
    }

    private static List<String> fields(HttpResponse<String> r) {
        List<String> fields = new ArrayList<>();
        JSON.readTree(r.body())
                .path("errors")
                .forEach(e -> fields.add(e.path("field").asString()));
        return fields;
    }

    @Test
    void aBurstOfAThousandRatingsFromOneClientCountsOnce() {
        String client = newClient();
        long before = count("unit:HANOI-C03");
        String body = "{\"target\":\"unit:HANOI-C03\",\"rating\":5,\"respondentType\":\"CITIZEN\"}";
        assertThat(rate(client, body).statusCode()).isEqualTo(202);
        int tooMany = 0;
        String retryAfter = null;
        for (int i = 1; i < 1000; i++) {
            HttpResponse<String> r = rate(client, body);
            assertThat(r.statusCode()).isEqualTo(429);
            assertThat(r.headers().firstValue("Content-Type").orElse("")).contains("problem+json");
            tooMany++;
            retryAfter = r.headers().firstValue("Retry-After").orElse(retryAfter);
        }
        // Repeats inside the bucket are refused as already rated, the rest as over the rate limit: all 429.
        assertThat(tooMany).isEqualTo(999);
        assertThat(retryAfter).isNotNull();
        assertThat(Long.parseLong(retryAfter)).isPositive();
        assertThat(count("unit:HANOI-C03")).isEqualTo(before + 1);
        // Another client is not affected.
        assertThat(rate(newClient(), body).statusCode()).isEqualTo(202);
        assertThat(count("unit:HANOI-C03")).isEqualTo(before + 2);
    }

    @Test
    void theHoneypotIsAnsweredPolitelyAndCountsNothing() {
        String client = newClient();
        long before = count("resolution:59-nq-tw");
        var trap = rate(
                client,
                "{\"target\":\"resolution:59-nq-tw\",\"rating\":1,\"respondentType\":\"BUSINESS\",\"website\":\"http://spam.example\"}");
        assertThat(trap.statusCode()).isEqualTo(202);
        assertThat(JSON.readTree(trap.body()).path("accepted").asBoolean()).isTrue();
        assertThat(count("resolution:59-nq-tw")).isEqualTo(before);
        // The same client, as a person, is still free to rate.
        assertThat(rate(client, "{\"target\":\"resolution:59-nq-tw\",\"rating\":4,\"respondentType\":\"BUSINESS\"}")
                        .statusCode())
                .isEqualTo(202);
        assertThat(count("resolution:59-nq-tw")).isEqualTo(before + 1);
    }

    @Test
    void badInputIsRefusedNamingTheFields() {
        var r = rate(newClient(), "{\"target\":\"planet:MARS\",\"rating\":7}");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(fields(r)).containsExactlyInAnyOrder("target", "rating", "respondentType");
        var unknown = rate(newClient(), "{\"target\":\"unit:NOWHERE\",\"rating\":3,\"respondentType\":\"CITIZEN\"}");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(fields(unknown)).containsExactly("target");
        var badType = rate(newClient(), "{\"target\":\"unit:CAOBANG\",\"rating\":3,\"respondentType\":\"ALIEN\"}");
        assertThat(badType.statusCode()).isEqualTo(400);
        assertThat(fields(badType)).containsExactly("respondentType");
        var notANumber =
                rate(newClient(), "{\"target\":\"unit:CAOBANG\",\"rating\":\"five\",\"respondentType\":\"CITIZEN\"}");
        assertThat(notANumber.statusCode()).isEqualTo(400);
        assertThat(fields(notANumber)).containsExactly("rating");
        var tooLong = rate(
                newClient(),
                "{\"target\":\"unit:CAOBANG\",\"rating\":3,\"respondentType\":\"CITIZEN\",\"comment\":\""
                        + "x".repeat(2001) + "\"}");
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(fields(tooLong)).containsExactly("comment");
        var solutionGroup =
                rate(newClient(), "{\"target\":\"solution-group:70-S01\",\"rating\":3,\"respondentType\":\"CITIZEN\"}");
        assertThat(solutionGroup.statusCode()).isEqualTo(400);
        assertThat(Api.anonymous(port)
                        .get("/api/v1/public/feedback?target=unit:NOWHERE")
                        .status())
                .isEqualTo(400);
    }

    /** A task of the demo data that the public can see (not a draft), led inside {@code unit}. */
    long publicTaskId(String unit) {
        for (JsonNode t : Api.as(port, "steering")
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
    void oneRatingPerTargetAndClientPerMonthAndTaskTargetsAreAccepted() {
        String client = newClient();
        long taskId = publicTaskId("HANOI");
        String body = "{\"target\":\"task:" + taskId + "\",\"rating\":2,\"respondentType\":\"CITIZEN\"}";
        assertThat(rate(client, body).statusCode()).isEqualTo(202);
        var again = rate(client, body);
        assertThat(again.statusCode()).isEqualTo(429);
        assertThat(JSON.readTree(again.body()).path("detail").asString()).contains("already been rated");
        assertThat(rate(client, "{\"target\":\"task:0\",\"rating\":2,\"respondentType\":\"CITIZEN\"}")
                        .statusCode())
                .isEqualTo(400);
        JsonNode task = Api.anonymous(port)
                .get("/api/v1/public/feedback?target=task:" + taskId)
                .json();
        assertThat(task.path("satisfaction").path("count").asLong()).isEqualTo(1);
        assertThat(task.path("satisfaction").path("average").asDouble()).isEqualTo(2.0);
        assertThat(task.path("satisfaction")
                        .path("byRespondentType")
                        .get(0)
                        .path("respondentType")
                        .asString())
                .isEqualTo("CITIZEN");
    }

    @Test
    void unitRatingsRollUpToTheSubtreeByRespondentType() {
        Api anyone = Api.anonymous(port);
        JsonNode before = anyone.get("/api/v1/public/feedback/units/CAOBANG").json();
        assertThat(rate(newClient(), "{\"target\":\"unit:CAOBANG-C02\",\"rating\":1,\"respondentType\":\"BUSINESS\"}")
                        .statusCode())
                .isEqualTo(202);
        JsonNode after = anyone.get("/api/v1/public/feedback/units/CAOBANG").json();
        assertThat(after.path("count").asLong()).isEqualTo(before.path("count").asLong() + 1);
        assertThat(after.path("byRespondentType").get(1).path("count").asLong())
                .isEqualTo(before.path("byRespondentType").get(1).path("count").asLong() + 1);
        assertThat(anyone.get("/api/v1/public/feedback/units/HANOI?from=2000-01-01&to=2000-12-31")
                        .json()
                        .path("count")
                        .asLong())
                .isZero();
        assertThat(anyone.get("/api/v1/public/feedback/units/NOWHERE").status()).isEqualTo(400);
    }

    @Test
    void aCommentWithHtmlIsModeratedAndShownAsText() {
        String marker = "marker-" + System.nanoTime();
        String script = "<script>alert(1)</script> " + marker;
        var sent = rate(
                newClient(),
                "{\"target\":\"resolution:71-nq-tw\",\"rating\":4,\"respondentType\":\"CITIZEN\",\"comment\":\""
                        + script.replace("\"", "\\\"") + "\"}");
        assertThat(sent.statusCode()).isEqualTo(202);
        assertThat(JSON.readTree(sent.body()).path("commentPending").asBoolean())
                .isTrue();
        Api anyone = Api.anonymous(port);
        assertThat(anyone.get("/public/feedback?target=resolution:71-nq-tw").body())
                .doesNotContain(marker);

        Api moderator = Api.as(port, "moderator");
        JsonNode pending = moderator
                .get("/api/v1/feedback/comments?state=PENDING&size=500")
                .json();
        JsonNode comment = null;
        for (JsonNode c : pending.path("items")) {
            if (c.path("body").asString().equals(script)) {
                comment = c;
            }
        }
        assertThat(comment).isNotNull();
        long id = comment.path("id").asLong();

        assertThat(anyone.get("/api/v1/feedback/comments").status()).isEqualTo(401);
        assertThat(Api.as(port, "reporter.caobang")
                        .post("/api/v1/feedback/comments/" + id + "/approve", "{}")
                        .status())
                .isEqualTo(403);
        var noReason = moderator.post("/api/v1/feedback/comments/" + id + "/reject", "{}");
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.errorFields()).containsExactly("reason");
        assertThat(moderator
                        .post("/api/v1/feedback/comments/" + id + "/approve", "{\"version\":5}")
                        .status())
                .isEqualTo(409);
        var approved = moderator.post("/api/v1/feedback/comments/" + id + "/approve", "{}");
        assertThat(approved.status()).isEqualTo(200);
        assertThat(approved.json().path("state").asString()).isEqualTo("APPROVED");
        assertThat(moderator
                        .post("/api/v1/feedback/comments/" + id + "/approve", "{}")
                        .status())
                .isEqualTo(409);

        String page = anyone.get("/public/feedback?target=resolution:71-nq-tw&lang=en")
                .body();
        assertThat(page).contains("&lt;script&gt;alert(1)&lt;/script&gt; " + marker);
        assertThat(page).doesNotContain("<script>alert(1)</script>");
        JsonNode api = anyone.get("/api/v1/public/feedback?target=resolution:71-nq-tw&size=500")
                .json();
        assertThat(api.path("comments").path("items").findValuesAsString("body"))
                .contains(script);

        var rejected =
                moderator.post("/api/v1/feedback/comments/" + id + "/reject", "{\"reason\":\"Off topic (test)\"}");
        assertThat(rejected.status()).isEqualTo(200);
        assertThat(rejected.json().path("reason").asString()).isEqualTo("Off topic (test)");
        assertThat(anyone.get("/public/feedback?target=resolution:71-nq-tw").body())
                .doesNotContain(marker);
        JsonNode trail = Api.as(port, "admin")
                .get("/api/v1/audit?entityType=feedback-comment&entityId=" + id)
                .json();
        assertThat(trail.path("items").findValuesAsString("action")).contains("created", "approved", "rejected");
    }

    @Test
    void thePublicPageSpeaksFourLanguages() {
        Api anyone = Api.anonymous(port);
        assertThat(anyone.get("/public/feedback/unit:CAOBANG?lang=vi").body()).contains("Mức độ hài lòng", "Người dân");
        assertThat(anyone.get("/public/feedback/unit:CAOBANG?lang=en").body()).contains("Satisfaction of citizens");
        assertThat(anyone.get("/public/feedback/unit:CAOBANG?lang=fr").body()).contains("Satisfaction des citoyens");
        assertThat(anyone.get("/public/feedback/unit:CAOBANG?lang=ru").body()).contains("Удовлетворённость");
        assertThat(anyone.get("/public/feedback?target=resolution:70-nq-tw&lang=en")
                        .body())
                .contains("70-NQ/TW");
        assertThat(anyone.get("/public/feedback/planet:MARS").status()).isEqualTo(400);
    }

    @Test
    void aCitizenRatesOnThePublicPageAndAModeratorSeesTheComment() {
        try (Browser browser = Browser.open(port)) {
            browser.go("/org-units/HANOI-C02?lang=en");
            browser.click(By.id("unit-feedback-link"));
            assertThat(browser.text(By.id("feedback-target"))).isNotBlank();
            browser.click(By.cssSelector("label[for='rating-4']"));
            browser.click(By.cssSelector("label[for='respondent-BUSINESS']"));
            String marker = "browser-" + System.nanoTime();
            browser.type(By.id("feedback-comment"), "<b>bold?</b> " + marker);
            browser.click(By.id("feedback-submit"));
            assertThat(browser.text(By.id("feedback-sent"))).contains("Thank you");
            assertThat(browser.text(By.id("feedback-count"))).isEqualTo("1");

            browser.click(By.cssSelector("label[for='rating-2']"));
            browser.click(By.id("feedback-submit"));
            assertThat(browser.text(By.id("feedback-error"))).contains("already been rated");
            assertThat(browser.text(By.id("feedback-count"))).isEqualTo("1");

            browser.click(By.id("lang-fr"));
            assertThat(browser.text(By.id("feedback-count"))).isEqualTo("1");
            browser.waitForText("Satisfaction des citoyens et des entreprises");

            browser.login("moderator", "demo");
            browser.go("/feedback/moderation?lang=en");
            browser.waitForText("<b>bold?</b> " + marker);
            org.openqa.selenium.WebElement row = browser.find(By.xpath("//tr[td[contains(., '" + marker + "')]]"));
            String id = row.getAttribute("id").substring("comment-".length());
            browser.click(By.id("approve-" + id));
            browser.waitForText("The comment is approved and public.");

            browser.go("/public/feedback/unit:HANOI-C02?lang=en");
            browser.waitForText("<b>bold?</b> " + marker);
            assertThat(browser.driver().findElements(By.cssSelector(".comment .body b")))
                    .isEmpty();
        }
    }
}
