package org.mandate.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.mandate.Api;
import org.mandate.MandateIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Status and progress agree over HTTP: a parent follows its sub-tasks; done late says by how much. */
@MandateIntegrationTest
class TaskStatusIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    TaskManagement tasks;

    private long create(Api api, Long parent, String lead, LocalDate start, LocalDate deadline) {
        String json = """
                {"title": "%s", "description": "Status rules check", %s "leadUnit": "%s",
                 "responsiblePerson": "Nguyen Van B", "approver": "CAOBANG", "startOn": "%s", "deadline": "%s",
                 "expectedResult": "Plan adopted", "kind": "POLICY"}
                """.formatted(
                        TaskApiIntegrationTests.unique("Status rules"),
                        parent == null
                                ? "\"resolution\": \"72-nq-tw\", \"solutionGroup\": \"72-S02\","
                                : "\"parent\": " + parent + ",",
                        lead,
                        start,
                        deadline);
        var r = api.post("/api/v1/tasks", json);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().path("id").asLong();
    }

    @Test
    void aParentTakesItsStatusFromItsSubTasksAndIsDoneWhenAllAre() {
        Api steering = Api.as(port, "steering");
        Api reporter = Api.as(port, "reporter.caobang");
        LocalDate today = tasks.today();
        long parent = create(steering, null, "CAOBANG", today.minusDays(10), today.plusDays(60));
        long a = create(reporter, parent, "CAOBANG-C01", today.minusDays(10), today.plusDays(30));
        long b = create(reporter, parent, "CAOBANG-C02", today.minusDays(10), today.plusDays(30));
        assertThat(steering.get("/api/v1/tasks/" + parent).json().path("status").asString())
                .isEqualTo("NOT_STARTED");

        // A sub-task at 49 % is on track, and so is its parent (no longer "not started" at 25 %).
        var moved = reporter.post("/api/v1/tasks/" + a + "/updates", "{\"progress\": 49}");
        assertThat(moved.json().path("status").asString()).isEqualTo("ON_TRACK");
        JsonNode p = steering.get("/api/v1/tasks/" + parent).json();
        assertThat(p.path("status").asString()).isEqualTo("ON_TRACK");
        assertThat(p.path("progress").asInt()).isEqualTo(25);

        // "Not started" beside a progress above 0 is refused, naming the field.
        var contradiction =
                reporter.post("/api/v1/tasks/" + b + "/updates", "{\"progress\": 30, \"status\": \"NOT_STARTED\"}");
        assertThat(contradiction.status()).isEqualTo(400);
        assertThat(contradiction.errorFields()).containsExactly("status");

        // A parent's status is not typed in: it follows the sub-tasks.
        var typed =
                steering.post("/api/v1/tasks/" + parent + "/updates", "{\"progress\": 10, \"status\": \"AT_RISK\"}");
        assertThat(typed.status()).isEqualTo(400);
        assertThat(typed.errorFields()).containsExactly("status");
        assertThat(steering.patch("/api/v1/tasks/" + parent, "{\"status\": \"AT_RISK\"}")
                        .status())
                .isEqualTo(400);

        // One sub-task at risk puts the parent at risk.
        reporter.post("/api/v1/tasks/" + b + "/updates", "{\"progress\": 10, \"status\": \"AT_RISK\"}");
        assertThat(steering.get("/api/v1/tasks/" + parent).json().path("status").asString())
                .isEqualTo("AT_RISK");

        // Both done: the parent is done, at 100 %, and can no longer be split.
        for (long id : new long[] {a, b}) {
            var done = reporter.post(
                    "/api/v1/tasks/" + id + "/updates",
                    "{\"progress\": 100, \"status\": \"DONE\", \"note\": \"Adopted\"}");
            assertThat(done.status()).as(done.body()).isEqualTo(201);
        }
        p = steering.get("/api/v1/tasks/" + parent).json();
        assertThat(p.path("status").asString()).isEqualTo("DONE");
        assertThat(p.path("progress").asInt()).isEqualTo(100);
        assertThat(p.path("completedOn").asString()).isEqualTo(today.toString());
        var split = steering.post("/api/v1/tasks", """
                {"title": "late split", "parent": %d, "leadUnit": "CAOBANG-C03"}
                """.formatted(parent));
        assertThat(split.status()).isEqualTo(400);
        assertThat(split.errorFields()).containsExactly("parent");
    }

    @Test
    void aTaskDoneAfterItsDeadlineSaysByHowManyDays() {
        Api steering = Api.as(port, "steering");
        LocalDate today = tasks.today();
        long id = create(steering, null, "CAOBANG", today.minusDays(30), today.minusDays(4));
        var done = steering.post(
                "/api/v1/tasks/" + id + "/updates", "{\"progress\": 100, \"status\": \"DONE\", \"note\": \"Issued\"}");
        assertThat(done.status()).as(done.body()).isEqualTo(201);
        assertThat(done.json().path("status").asString()).isEqualTo("DONE_LATE");
        assertThat(done.json().path("daysLate").asLong()).isEqualTo(4);
        String page = steering.get("/tasks/" + id).body();
        assertThat(page).contains("id=\"done-late\"").contains("hoàn thành chậm 4 ngày so với hạn");

        long onTime = create(steering, null, "CAOBANG", today.minusDays(30), today.plusDays(4));
        var early = steering.post(
                "/api/v1/tasks/" + onTime + "/updates",
                "{\"progress\": 100, \"status\": \"DONE\", \"note\": \"Issued\"}");
        assertThat(early.json().path("status").asString()).isEqualTo("DONE");
        assertThat(early.json().path("daysLate").asLong()).isZero();
    }

    @Test
    void aSubTaskTurningOverduePutsItsParentAtRisk() {
        Api steering = Api.as(port, "steering");
        LocalDate today = tasks.today();
        long parent = create(steering, null, "CAOBANG", today.minusDays(30), today.plusDays(60));
        long late = create(steering, parent, "CAOBANG-C01", today.minusDays(30), today.minusDays(1));
        create(steering, parent, "CAOBANG-C02", today.minusDays(30), today.plusDays(20));
        // The overdue job (daily and at start-up) re-derives the parents of the tasks it marks.
        tasks.markOverdue(today);
        assertThat(steering.get("/api/v1/tasks/" + late).json().path("status").asString())
                .isEqualTo("OVERDUE");
        assertThat(steering.get("/api/v1/tasks/" + parent).json().path("status").asString())
                .isEqualTo("AT_RISK");
    }
}
