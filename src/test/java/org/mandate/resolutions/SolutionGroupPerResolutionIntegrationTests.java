package org.mandate.resolutions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mandate.Api;
import org.mandate.MandateIntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Solution-group codes are unique within their resolution: two resolutions each have their own G1. */
@MandateIntegrationTest
class SolutionGroupPerResolutionIntegrationTests {

    @LocalServerPort
    int port;

    private String resolution(Api steering) {
        String n = UUID.randomUUID().toString().substring(0, 6);
        String slug = "t" + n + "-nq-tw";
        var r = steering.post("/api/v1/resolutions", """
                {"slug": "%s", "number": "%s-NQ/TW", "titles": {"vi": "Thử %s"}}
                """.formatted(slug, n, n));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        var g = steering.post(
                "/api/v1/resolutions/" + slug + "/solution-groups", "{\"code\":\"G1\",\"titles\":{\"vi\":\"Nhóm 1\"}}");
        assertThat(g.status()).as(g.body()).isEqualTo(201);
        return slug;
    }

    private long task(Api steering, String slug) {
        LocalDate today = LocalDate.now();
        var r = steering.post("/api/v1/tasks", """
                {"title": "G1 task of %s", "description": "d", "resolution": "%s", "solutionGroup": "G1",
                 "leadUnit": "CAOBANG", "responsiblePerson": "p", "approver": "TW", "startOn": "%s",
                 "deadline": "%s", "expectedResult": "r", "kind": "OTHER"}
                """.formatted(slug, slug, today, today.plusDays(30)));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.json().path("solutionGroup").asString()).isEqualTo("G1");
        return r.json().path("id").asLong();
    }

    private static List<Long> ids(JsonNode page) {
        return page.path("items").findValues("id").stream()
                .map(JsonNode::asLong)
                .toList();
    }

    @Test
    void twoResolutionsEachHaveTheirOwnG1AndTheFilterKeepsTheirTasksApart() {
        Api steering = Api.as(port, "steering");
        String first = resolution(steering);
        String second = resolution(steering);
        // Still unique within one resolution.
        assertThat(steering.post(
                                "/api/v1/resolutions/" + first + "/solution-groups",
                                "{\"code\":\"G1\",\"titles\":{\"vi\":\"Nhóm 1 lần nữa\"}}")
                        .status())
                .isEqualTo(409);

        long a = task(steering, first);
        long b = task(steering, second);

        assertThat(ids(steering.get("/api/v1/tasks?resolution=" + first + "&solutionGroup=G1")
                        .json()))
                .containsExactly(a);
        assertThat(ids(steering.get("/api/v1/tasks?solutionGroup=" + second + "/G1")
                        .json()))
                .containsExactly(b);
        // A bare G1 is ambiguous now: refused with a message naming the field, not a mix of both.
        var ambiguous = steering.get("/api/v1/tasks?solutionGroup=G1");
        assertThat(ambiguous.status()).isEqualTo(400);
        assertThat(ambiguous.errorFields()).containsExactly("solutionGroup");
        assertThat(ambiguous.body()).contains(first).contains(second);

        // A bare code that only one resolution has still works as before.
        assertThat(steering.get("/api/v1/tasks?solutionGroup=72-S02")
                        .json()
                        .path("total")
                        .asLong())
                .isEqualTo(steering.get("/api/v1/tasks?resolution=72-nq-tw&solutionGroup=72-S02")
                        .json()
                        .path("total")
                        .asLong())
                .isPositive();

        // A group of another resolution is refused on a task.
        var wrong = steering.patch("/api/v1/tasks/" + a, "{\"solutionGroup\": \"72-S02\"}");
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.errorFields()).containsExactly("solutionGroup");

        // Imports name the resolution beside the group.
        String csv = "title,description,resolution,solutionGroup,leadUnit,responsiblePerson,approver,startOn,"
                + "deadline,expectedResult,kind\n"
                + "Imported G1,d," + second + ",G1,CAOBANG,p,TW,2026-01-05,2026-12-31,r,OTHER\n";
        var imported = steering.postBytes("/api/v1/tasks/import", "text/csv", csv.getBytes());
        assertThat(imported.status()).as(imported.body()).isEqualTo(201);
        assertThat(ids(steering.get("/api/v1/tasks?resolution=" + second + "&solutionGroup=G1")
                        .json()))
                .hasSize(2)
                .contains(b);

        // Appraisal targets name the resolution with the group: solution-group:<slug>/G1.
        var named = steering.post(
                "/api/v1/appraisals",
                "{\"target\":\"solution-group:" + first + "/G1\",\"expert\":\"expert\",\"unit\":\"TW\"}");
        assertThat(named.status()).as(named.body()).isEqualTo(201);
        var bare = steering.post(
                "/api/v1/appraisals", "{\"target\":\"solution-group:G1\",\"expert\":\"expert\",\"unit\":\"TW\"}");
        assertThat(bare.status()).isEqualTo(400);
        assertThat(bare.errorFields()).containsExactly("target");
    }
}
