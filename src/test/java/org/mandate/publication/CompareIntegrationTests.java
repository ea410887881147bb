package org.mandate.publication;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mandate.Api;
import org.mandate.MandateIntegrationTest;
import org.mandate.tasks.TaskManagement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Any two publications compared, not only the last two: a task completed and a task re-baselined between the
 * first and the third publication show in the API and on the page, whatever was published in between.
 */
@MandateIntegrationTest
class CompareIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    PublicationManagement publications;

    @Autowired
    TaskManagement tasks;

    long task(Api steering, String title) {
        LocalDate today = tasks.today();
        Api.Response r = steering.post("/api/v1/tasks", """
                {"title": "%s", "description": "Compare fixture", "resolution": "72-nq-tw", "solutionGroup": "72-S02",
                 "leadUnit": "CAOBANG", "responsiblePerson": "Le Van C", "approver": "CAOBANG", "startOn": "%s",
                 "deadline": "%s", "expectedResult": "Plan adopted", "kind": "POLICY"}
                """.formatted(title, today, today.plusDays(20)));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().path("id").asLong();
    }

    static List<Long> ids(JsonNode rows) {
        List<Long> ids = new ArrayList<>();
        rows.forEach(r -> ids.add(r.path("id").asLong()));
        return ids;
    }

    @Test
    void anyTwoPublicationsShowTheTasksCompletedAndReBaselinedBetweenThem() {
        Api steering = Api.as(port, "steering");
        long n = System.nanoTime();
        String doneTitle = "Completed between publications " + n;
        long done = task(steering, doneTitle);
        long moved = task(steering, "Moved between publications " + n);
        Publication first = publications.publish(PublicationKind.MANUAL, tasks.today());
        publications.publish(PublicationKind.MANUAL, tasks.today());

        Api.Response update = steering.post(
                "/api/v1/tasks/" + done + "/updates",
                "{\"progress\": 100, \"status\": \"DONE\", \"note\": \"Adopted\", \"evidenceUrl\": \"https://example.org/p\"}");
        assertThat(update.status()).as(update.body()).isEqualTo(201);
        Api.Response asked = Api.as(port, "reporter.caobang")
                .post(
                        "/api/v1/tasks/" + moved + "/rebaselines",
                        "{\"deadline\": \"" + tasks.today().plusDays(50) + "\", \"reason\": \"Late capital\"}");
        assertThat(asked.status()).as(asked.body()).isEqualTo(201);
        assertThat(Api.as(port, "leader.caobang")
                        .post(
                                "/api/v1/tasks/" + moved + "/rebaselines/"
                                        + asked.json().path("id").asLong() + "/approve",
                                "")
                        .status())
                .isEqualTo(200);
        Publication third = publications.publish(PublicationKind.MANUAL, tasks.today());

        Api anyone = Api.anonymous(port);
        JsonNode c = anyone.get("/api/v1/public/publications/compare?from=" + first.id() + "&to=" + third.id())
                .json();
        assertThat(c.path("from").path("id").asLong()).isEqualTo(first.id());
        assertThat(c.path("to").path("id").asLong()).isEqualTo(third.id());
        assertThat(ids(c.path("changes").path("completed"))).contains(done).doesNotContain(moved);
        assertThat(ids(c.path("changes").path("rebaselined"))).contains(moved).doesNotContain(done);
        JsonNode back = anyone.get("/api/v1/public/publications/compare?from=" + third.id() + "&to=" + first.id())
                .json();
        assertThat(ids(back.path("changes").path("completed"))).doesNotContain(done);

        Api.Response missing = anyone.get("/api/v1/public/publications/compare?from=" + first.id());
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.contentType()).startsWith("application/problem+json");
        Api.Response unknown = anyone.get("/api/v1/public/publications/compare?from=" + first.id() + "&to=99999999");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");

        String page = anyone.get("/public/en/compare.html?from=" + first.id() + "&to=" + third.id())
                .body();
        assertThat(page).contains("Compare two publications", doneTitle, "id=\"count-completed\"");
        assertThat(page).contains("href=\"../ru/compare.html?from=" + first.id() + "&amp;to=" + third.id() + "\"");
        assertThat(anyone.get("/public/ru/compare.html?from=" + first.id() + "&to=" + third.id())
                        .body())
                .contains("lang=\"ru\"", doneTitle);
        Api.Response nope = anyone.get("/public/en/compare.html?from=99999999&to=" + third.id());
        assertThat(nope.status()).isEqualTo(404);
        assertThat(nope.contentType()).startsWith("text/html");
        assertThat(anyone.get("/public/p/" + third.id() + "/en/changes.html").body())
                .contains("compare.html?to=" + third.id());
    }
}
