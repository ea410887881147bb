package org.mandate.publication;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.mandate.Api;
import org.mandate.MandateIntegrationTest;
import org.mandate.tasks.TaskManagement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The re-baselining log goes public: a task whose deadline was moved twice (30 then 45 days, with reasons,
 * asked by the reporter and approved by the leader) shows both deadlines and every change on its public
 * pages, in tasks.csv and rebaselines.csv, in the data dictionary and in the API.
 */
@MandateIntegrationTest
class RebaselineLogIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    PublicationManagement publications;

    @Autowired
    TaskManagement tasks;

    void moveDeadline(long task, LocalDate to, String reason) {
        Api.Response asked = Api.as(port, "reporter.caobang")
                .post(
                        "/api/v1/tasks/" + task + "/rebaselines",
                        "{\"deadline\": \"" + to + "\", \"reason\": \"" + reason + "\"}");
        assertThat(asked.status()).as(asked.body()).isEqualTo(201);
        Api.Response approved = Api.as(port, "leader.caobang")
                .post(
                        "/api/v1/tasks/" + task + "/rebaselines/"
                                + asked.json().path("id").asLong() + "/approve",
                        "");
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
    }

    @Test
    void aTaskMovedTwiceShowsBothDeadlinesAndEveryChangeInPublic() {
        LocalDate today = tasks.today();
        LocalDate original = today.plusDays(10);
        long n = System.nanoTime();
        Api.Response created = Api.as(port, "steering").post("/api/v1/tasks", """
                {"title": "Commune clinic %d", "description": "Build it", "resolution": "72-nq-tw",
                 "solutionGroup": "72-S02", "leadUnit": "CAOBANG-C01", "responsiblePerson": "Commune chair",
                 "approver": "CAOBANG", "startOn": "%s", "deadline": "%s", "expectedResult": "Clinic open",
                 "kind": "PROJECT"}
                """.formatted(n, today, original));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().path("id").asLong();
        String first = "Capital arrived late " + n;
        String second = "Site handed over late " + n;
        moveDeadline(id, original.plusDays(30), first);
        moveDeadline(id, original.plusDays(75), second);

        Publication p = publications.publish(PublicationKind.MANUAL, today);
        Api anyone = Api.anonymous(port);
        JsonNode task = null;
        for (JsonNode t :
                anyone.get("/api/v1/public/publications/" + p.id()).json().path("tasks")) {
            if (t.path("id").asLong() == id) {
                task = t;
            }
        }
        assertThat(task).isNotNull();
        assertThat(task.path("deadline").asString())
                .isEqualTo(original.plusDays(75).toString());
        assertThat(task.path("originalDeadline").asString()).isEqualTo(original.toString());
        assertThat(task.path("rebaselineCount").asInt()).isEqualTo(2);
        assertThat(task.path("rebaselineDays").asInt()).isEqualTo(75);

        JsonNode log = anyone.get("/api/v1/public/publications/" + p.id() + "/rebaselines?size=500")
                .json();
        assertThat(log.path("total").asLong()).isEqualTo(log.path("items").size());
        java.util.List<JsonNode> mine = new java.util.ArrayList<>();
        log.path("items").forEach(r -> {
            if (r.path("task").asLong() == id) {
                mine.add(r);
            }
        });
        assertThat(mine).hasSize(2);
        assertThat(mine.get(0).path("reason").asString()).isEqualTo(first);
        assertThat(mine.get(0).path("days").asInt()).isEqualTo(30);
        assertThat(mine.get(1).path("oldDeadline").asString())
                .isEqualTo(original.plusDays(30).toString());
        assertThat(mine.get(1).path("requestedBy").asString()).isEqualTo("reporter.caobang");
        assertThat(mine.get(1).path("approvedBy").asString()).isEqualTo("leader.caobang");

        String files = "/api/v1/public/publications/" + p.id() + "/files/";
        String tasksCsv = anyone.get(files + "tasks.csv").body();
        assertThat(tasksCsv.lines().findFirst().orElseThrow()).contains("original_deadline", "rebaseline_count");
        assertThat(tasksCsv.lines()
                        .filter(l -> l.startsWith(id + ","))
                        .findFirst()
                        .orElseThrow())
                .contains("," + original + ",2,75,");
        String rebaselinesCsv = anyone.get(files + "rebaselines.csv").body();
        assertThat(rebaselinesCsv).contains(first, second, "reporter.caobang", "leader.caobang");
        assertThat(anyone.get(files + "data-dictionary.md").body())
                .contains("## rebaselines.csv", "| original_deadline |", "| rebaseline_count |");

        String unit =
                anyone.get("/public/p/" + p.id() + "/en/unit-CAOBANG-C01.html").body();
        assertThat(unit).contains("originally " + original, "deadline moved 2 times, 75 days in all", first, second);
        assertThat(unit)
                .containsPattern(
                        "id=\"rebaselined\"><a href=\"rebaselines.html\">tasks here and in the units under it: 1; moves in all: 2");
        assertThat(anyone.get("/public/p/" + p.id() + "/en/unit-CAOBANG.html").body())
                .contains("id=\"rebaselined\"");
        assertThat(anyone.get("/public/p/" + p.id() + "/ru/unit-CAOBANG-C01.html")
                        .body())
                .contains("изначально " + original, "переносов срока: 2, всего на 75 дн.");
        String page = anyone.get("/public/p/" + p.id() + "/en/rebaselines.html").body();
        assertThat(page).contains(first, second, "data-task=\"" + id + "\"");
        assertThat(anyone.get("/public/p/" + p.id() + "/en/changes.html").body())
                .contains("rebaselines.html");
    }
}
