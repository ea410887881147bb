package org.mandate.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mandate.Api;
import org.mandate.MandateIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@MandateIntegrationTest
class TaskApiIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    TaskManagement tasks;

    @Test
    void notFoundSaysWhatInTheReadersLanguageAndTheIdAsGiven() {
        Api steering = Api.as(port, "steering");
        for (String[] c : new String[][] {
            {"en", "No task \"99999\"."},
            {"vi", "Không tìm thấy nhiệm vụ \"99999\"."},
            {"fr", "Introuvable : tâche « 99999 »."},
            {"ru", "Не найдено: задача «99999»."}
        }) {
            Api.Response r = steering.in(c[0]).get("/api/v1/tasks/99999");
            assertThat(r.status()).isEqualTo(404);
            assertThat(r.json().path("detail").asString()).as(c[0]).isEqualTo(c[1]);
        }
    }

    static String unique(String prefix) {
        return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    static String taskJson(String title, String leadUnit, LocalDate start, LocalDate deadline, String expected) {
        return """
                {"title": "%s", "description": "Draft and issue the provincial plan", "resolution": "72-nq-tw",
                 "solutionGroup": "72-S02", "leadUnit": "%s", "responsiblePerson": "Nguyen Van A",
                 "approver": "CAOBANG", "startOn": "%s", "deadline": "%s", %s "kind": "POLICY",
                 "budgetPlanned": 1000000, "budgetAllocated": 500000, "budgetDisbursed": 100000}
                """.formatted(
                title, leadUnit, start, deadline, expected == null ? "" : "\"expectedResult\": \"" + expected + "\",");
    }

    @Test
    void aTaskMissingAClarityStaysDraftThenCascadesAndRollsUp() {
        Api steering = Api.as(port, "steering");
        Api reporter = Api.as(port, "reporter.caobang");
        LocalDate today = tasks.today();
        String title = unique("Primary care plan");
        var created = steering.post("/api/v1/tasks", taskJson(title, "CAOBANG", today, today.plusDays(60), null));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode task = created.json();
        assertThat(task.path("status").asString()).isEqualTo("DRAFT");
        assertThat(task.path("missingClarities").toString()).contains("RESULT");
        long id = task.path("id").asLong();

        var refused = steering.patch("/api/v1/tasks/" + id, "{\"status\": \"NOT_STARTED\"}");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.errorFields()).containsExactly("expectedResult");

        var overdueStatus = steering.patch("/api/v1/tasks/" + id, "{\"status\": \"OVERDUE\"}");
        assertThat(overdueStatus.status()).isEqualTo(400);
        assertThat(overdueStatus.errorFields()).contains("status");

        var started = steering.patch(
                "/api/v1/tasks/" + id,
                "{\"expectedResult\": \"Plan issued by the provincial committee\", \"status\": \"NOT_STARTED\"}");
        assertThat(started.status()).as(started.body()).isEqualTo(200);
        assertThat(started.json().path("status").asString()).isEqualTo("NOT_STARTED");
        long version = started.json().path("version").asLong();

        // Cao Bang's reporter splits it for two communes.
        long c1 = split(reporter, id, "CAOBANG-C01", today);
        long c2 = split(reporter, id, "CAOBANG-C02", today);
        assertThat(reporter.get("/api/v1/tasks?parent=" + id)
                        .json()
                        .path("total")
                        .asLong())
                .isEqualTo(2);

        // Another province's reporter is refused.
        var moh = Api.as(port, "reporter.moh");
        assertThat(moh.post("/api/v1/tasks/" + c1 + "/updates", "{\"progress\": 10}")
                        .status())
                .isEqualTo(403);
        assertThat(moh.post("/api/v1/tasks", taskJson(unique("x"), "CAOBANG-C01", today, today, "y"))
                        .status())
                .isEqualTo(403);

        var update = reporter.post("/api/v1/tasks/" + c1 + "/updates", "{\"progress\": 60, \"note\": \"half way\"}");
        assertThat(update.status()).as(update.body()).isEqualTo(201);
        assertThat(update.json().path("status").asString()).isEqualTo("ON_TRACK");
        assertThat(reporter.post("/api/v1/tasks/" + c2 + "/updates", "{\"progress\": 20}")
                        .status())
                .isEqualTo(201);
        assertThat(reporter.get("/api/v1/tasks/" + id).json().path("progress").asInt())
                .isEqualTo(40);
        assertThat(reporter.get("/api/v1/tasks/" + c1 + "/updates").json().size())
                .isEqualTo(1);

        // A stale version is refused with 409.
        var stale = steering.patch("/api/v1/tasks/" + id, "{\"title\": \"new\", \"version\": " + (version - 1) + "}");
        assertThat(stale.status()).isEqualTo(409);

        // Done needs a stated result.
        var noResult = reporter.post("/api/v1/tasks/" + c2 + "/updates", "{\"progress\": 100, \"status\": \"DONE\"}");
        assertThat(noResult.status()).isEqualTo(400);
        assertThat(noResult.errorFields()).contains("note");
        var done = reporter.post(
                "/api/v1/tasks/" + c2 + "/updates",
                "{\"progress\": 100, \"status\": \"DONE\", \"note\": \"Plan adopted by the commune\"}");
        assertThat(done.json().path("status").asString()).isEqualTo("DONE");
        assertThat(reporter.get("/api/v1/tasks/" + id).json().path("progress").asInt())
                .isEqualTo(80);

        // A bottleneck blocks the first commune's task.
        var raised = reporter.post("/api/v1/bottlenecks", """
                {"title": "%s", "type": "CAPITAL", "raisedBy": "CAOBANG-C01", "owner": "CAOBANG",
                 "blockedTasks": [%d], "severity": "HIGH"}
                """.formatted(unique("Capital not allocated"), c1));
        assertThat(raised.status()).as(raised.body()).isEqualTo(201);
        assertThat(reporter.get("/api/v1/tasks/" + c1).json().path("blocked").asBoolean())
                .isTrue();
        long b = raised.json().path("id").asLong();
        var escalated = reporter.post("/api/v1/bottlenecks/" + b + "/escalate", "{\"note\": \"needs central funds\"}");
        assertThat(escalated.status()).as(escalated.body()).isEqualTo(200);
        assertThat(escalated.json().path("owner").asString()).isEqualTo("TW");
        assertThat(escalated.json().path("escalationLevel").asInt()).isEqualTo(1);
        // Now the steering committee owns it: the province can no longer resolve it.
        assertThat(reporter.post("/api/v1/bottlenecks/" + b + "/resolve", "{\"note\": \"x\"}")
                        .status())
                .isEqualTo(403);
        var resolved = steering.post("/api/v1/bottlenecks/" + b + "/resolve", "{\"note\": \"Capital allocated\"}");
        assertThat(resolved.json().path("status").asString()).isEqualTo("RESOLVED");
        assertThat(reporter.get("/api/v1/tasks/" + c1).json().path("blocked").asBoolean())
                .isFalse();
    }

    private long split(Api api, long parent, String unit, LocalDate today) {
        var r = api.post(
                "/api/v1/tasks", """
                {"title": "%s", "description": "Commune part", "parent": %d, "leadUnit": "%s",
                 "responsiblePerson": "Commune chair", "approver": "CAOBANG", "startOn": "%s", "deadline": "%s",
                 "expectedResult": "Commune plan adopted", "kind": "POLICY"}
                """.formatted(unique("Commune plan"), parent, unit, today, today.plusDays(30)));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.json().path("resolution").asString()).isEqualTo("72-nq-tw");
        return r.json().path("id").asLong();
    }

    @Test
    void aTaskTurnsOverdueAfterItsDeadlineWithoutAnyoneTouchingIt() {
        Api steering = Api.as(port, "steering");
        LocalDate today = tasks.today();
        var created = steering.post(
                "/api/v1/tasks", taskJson(unique("Due today"), "CAOBANG", today.minusDays(10), today, "Report sent"));
        long id = created.json().path("id").asLong();
        assertThat(created.json().path("status").asString()).isEqualTo("NOT_STARTED");

        tasks.markOverdue(today.plusDays(1));
        Task later = tasks.find(id).orElseThrow();
        assertThat(later.overdueSince()).isEqualTo(today.plusDays(1));

        var past = steering.post(
                "/api/v1/tasks",
                taskJson(unique("Due yesterday"), "CAOBANG", today.minusDays(10), today.minusDays(1), "Sent"));
        assertThat(past.json().path("status").asString()).isEqualTo("OVERDUE");
        assertThat(past.json().path("daysOverdue").asLong()).isEqualTo(1);
        long pastId = past.json().path("id").asLong();
        assertThat(steering.get("/api/v1/tasks?orgUnit=CAOBANG&overdue=true&size=500")
                        .body())
                .contains("\"id\":" + pastId);

        // Moving the deadline needs a reason and the approver's consent.
        var direct = steering.patch("/api/v1/tasks/" + pastId, "{\"deadline\": \"" + today.plusDays(30) + "\"}");
        assertThat(direct.status()).isEqualTo(400);
        assertThat(direct.errorFields()).containsExactly("deadline");
        Api reporter = Api.as(port, "reporter.caobang");
        var request = reporter.post(
                "/api/v1/tasks/" + pastId + "/rebaselines",
                "{\"deadline\": \"" + today.plusDays(30) + "\", \"reason\": \"Capital arrived late\"}");
        assertThat(request.status()).as(request.body()).isEqualTo(201);
        long rid = request.json().path("id").asLong();
        assertThat(reporter.post("/api/v1/tasks/" + pastId + "/rebaselines/" + rid + "/approve", "")
                        .status())
                .isEqualTo(403);
        var approved =
                Api.as(port, "leader.caobang").post("/api/v1/tasks/" + pastId + "/rebaselines/" + rid + "/approve", "");
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(approved.json().path("status").asString()).isEqualTo("NOT_STARTED");
        assertThat(approved.json().path("rebaselineCount").asInt()).isEqualTo(1);
        assertThat(approved.json().path("rebaselineDays").asInt()).isEqualTo(31);
        assertThat(approved.json().path("originalDeadline").asString())
                .isEqualTo(today.minusDays(1).toString());
    }

    @Test
    void anImportWithOneBadRowWritesNothingAndNamesTheRow() {
        Api steering = Api.as(port, "steering");
        LocalDate today = tasks.today();
        long parent = steering.post(
                        "/api/v1/tasks",
                        taskJson(unique("Import parent"), "CAOBANG", today, today.plusDays(90), "Done"))
                .json()
                .path("id")
                .asLong();
        String csv =
                "title,description,parent,leadUnit,responsiblePerson,approver,startOn,deadline,expectedResult,kind\n"
                        + "Row one,desc," + parent + ",CAOBANG-C01,A,CAOBANG," + today + "," + today.plusDays(5)
                        + ",R,REPORT\n"
                        + "Row two,desc," + parent + ",CAOBANG-C02,B,CAOBANG," + today + ",31/13/2026,R,REPORT\n";
        var bad = steering.postBytes("/api/v1/tasks/import", "text/csv", csv.getBytes());
        assertThat(bad.status()).as(bad.body()).isEqualTo(400);
        assertThat(bad.errorFields()).containsExactly("row 3: deadline");
        assertThat(steering.get("/api/v1/tasks?parent=" + parent)
                        .json()
                        .path("total")
                        .asLong())
                .isZero();

        String good = csv.replace("31/13/2026", today.plusDays(9).toString());
        var ok = steering.postBytes("/api/v1/tasks/import", "text/csv", good.getBytes());
        assertThat(ok.status()).as(ok.body()).isEqualTo(201);
        assertThat(steering.get("/api/v1/tasks?parent=" + parent)
                        .json()
                        .path("total")
                        .asLong())
                .isEqualTo(2);

        var export = steering.get("/api/v1/tasks/export.csv?parent=" + parent);
        assertThat(export.status()).isEqualTo(200);
        assertThat(export.body()).contains("Row one", "Row two", "CAOBANG-C02");
        var xlsx = steering.get("/api/v1/tasks/export.xlsx?parent=" + parent);
        assertThat(xlsx.status()).isEqualTo(200);
        // The exported workbook imports again (as new tasks): the round trip works.
        var again = steering.postBytes("/api/v1/tasks/import", TaskSpreadsheetsAccess.XLSX, xlsx.bytes());
        assertThat(again.status()).as(again.body()).isEqualTo(201);
        assertThat(steering.get("/api/v1/tasks?parent=" + parent)
                        .json()
                        .path("total")
                        .asLong())
                .isEqualTo(4);
    }

    @Test
    void aTaskWaitingForAnUnfinishedPrerequisiteShowsAsBlocked() {
        Api steering = Api.as(port, "steering");
        LocalDate today = tasks.today();
        long first = steering.post(
                        "/api/v1/tasks", taskJson(unique("Decree first"), "BTP", today, today.plusDays(10), "Decree"))
                .json()
                .path("id")
                .asLong();
        long second = steering.post(
                        "/api/v1/tasks", taskJson(unique("Then circular"), "BTP", today, today.plusDays(20), "Circ"))
                .json()
                .path("id")
                .asLong();
        var linked = steering.patch("/api/v1/tasks/" + second, "{\"dependsOn\": [" + first + "]}");
        assertThat(linked.status()).as(linked.body()).isEqualTo(200);
        assertThat(linked.json().path("blocked").asBoolean()).isTrue();
        var cycle = steering.patch("/api/v1/tasks/" + first, "{\"dependsOn\": [" + second + "]}");
        assertThat(cycle.status()).isEqualTo(400);
        assertThat(cycle.errorFields()).containsExactly("dependsOn");
        var early = steering.post(
                "/api/v1/tasks/" + second + "/updates", "{\"progress\": 100, \"status\": \"DONE\", \"note\": \"x\"}");
        assertThat(early.status()).isEqualTo(409);
        var done = steering.post(
                "/api/v1/tasks/" + first + "/updates",
                "{\"progress\": 100, \"status\": \"DONE\", \"note\": \"Issued\"}");
        assertThat(done.status()).as(done.body()).isEqualTo(201);
        assertThat(steering.get("/api/v1/tasks/" + second)
                        .json()
                        .path("blocked")
                        .asBoolean())
                .isFalse();
    }

    @Autowired
    org.mandate.shared.CacheGenerations generations;

    @Autowired
    Tasks repository;

    @Autowired
    org.mandate.orgunits.OrgUnitManagement orgUnits;

    @Autowired
    org.mandate.resolutions.ResolutionManagement resolutions;

    @Autowired
    org.springframework.context.ApplicationEventPublisher publisher;

    @Test
    void aTaskWithoutAnUpdateWithinTheReportingCycleIsStale() {
        Api steering = Api.as(port, "steering");
        LocalDate today = tasks.today();
        long id = steering.post(
                        "/api/v1/tasks", taskJson(unique("Quiet task"), "CAOBANG-C07", today, today.plusDays(90), "R"))
                .json()
                .path("id")
                .asLong();
        assertThat(tasks.get(id).stale()).isFalse();
        // Seen from a day past the reporting cycle, nobody has reported on it.
        java.time.Clock later = java.time.Clock.fixed(
                today.plusDays(tasks.staleDays() + 1)
                        .atStartOfDay(java.time.ZoneOffset.UTC)
                        .toInstant(),
                java.time.ZoneOffset.UTC);
        TaskManagement inAMonth = new TaskManagement(
                repository,
                orgUnits,
                resolutions,
                publisher,
                later,
                tasks.staleDays(),
                new TaskCountsCache(generations));
        assertThat(inAMonth.get(id).stale()).isTrue();
        assertThat(inAMonth.countStale("CAOBANG-C07", true)).isPositive();
    }
}
