package org.mandate.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mandate.Api;
import org.mandate.MandateIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Requests a hostile client sends: each gets a 4xx problem details and leaves the server answering. */
@MandateIntegrationTest
class HostileInputIntegrationTests {

    static final long MAX_MONEY = 1_000_000_000_000_000L;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    static String unique(String prefix) {
        return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    static String task(String title, String budget) {
        LocalDate today = LocalDate.now();
        return """
                {"title": "%s", "description": "Hostile input", "resolution": "72-nq-tw",
                 "solutionGroup": "72-S02", "leadUnit": "CAOBANG", "responsiblePerson": "Nguyen Van A",
                 "approver": "CAOBANG", "startOn": "%s", "deadline": "%s", "expectedResult": "Done",
                 "kind": "POLICY", "status": "NOT_STARTED",
                 "budgetPlanned": %s, "budgetAllocated": %s, "budgetDisbursed": 0}
                """.formatted(title, today, today.plusDays(30), budget, budget);
    }

    static void assertProblem(Api.Response r, int status) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.contentType()).as(r.body()).startsWith("application/problem+json");
        assertThat(r.json().path("status").asInt()).isEqualTo(status);
        assertThat(r.json().path("title").asString()).isNotBlank();
    }

    @Test
    void moneyHasAMaximumAndItsSumsCannotOverflow() {
        Api steering = Api.as(port, "steering");
        var tooMuch = steering.post("/api/v1/tasks", task(unique("Too rich"), "9223372036854775807"));
        assertProblem(tooMuch, 400);
        assertThat(tooMuch.errorFields()).contains("budgetPlanned", "budgetAllocated");
        var beyondLong = steering.post("/api/v1/tasks", task(unique("Beyond long"), "9223372036854775808"));
        assertProblem(beyondLong, 400);
        assertThat(beyondLong.errorFields()).containsExactly("budgetPlanned");

        var atMax = steering.post("/api/v1/tasks", task(unique("At the maximum"), String.valueOf(MAX_MONEY)));
        assertThat(atMax.status()).as(atMax.body()).isEqualTo(201);
        // Rows stored before the maximum existed: two at Long.MAX_VALUE would overflow a sum of longs.
        long legacy = atMax.json().path("id").asLong();
        jdbc.sql("update task set budget_planned = 9223372036854775807, budget_allocated = 9223372036854775807"
                        + " where id = :id")
                .param("id", legacy)
                .update();
        var second = steering.post("/api/v1/tasks", task(unique("Second"), String.valueOf(MAX_MONEY)));
        assertThat(second.status()).as(second.body()).isEqualTo(201);
        jdbc.sql("update task set budget_planned = 9223372036854775807 where id = :id")
                .param("id", second.json().path("id").asLong())
                .update();
        steering.patch("/api/v1/tasks/" + legacy, "{\"title\": \"" + unique("Legacy") + "\"}");

        var summary = steering.get("/api/v1/dashboard/summary?resolution=72-nq-tw");
        assertThat(summary.status()).as(summary.body()).isEqualTo(200);
        assertThat(summary.json().path("budgetPlanned").decimalValue())
                .isGreaterThan(new java.math.BigDecimal("18446744073709551613"));
        assertThat(steering.get("/api/v1/tasks/counts?resolution=72-nq-tw").status())
                .isEqualTo(200);
        assertThat(steering.get("/dashboard?resolution=72-nq-tw").status()).isEqualTo(200);
        assertThat(Api.as(port, "leader.caobang").get("/dashboard").status()).isEqualTo(200);
        assertThat(steering.get("/tasks/" + legacy).status()).isEqualTo(200);
        var published = steering.post("/api/v1/publications", "");
        assertThat(published.status()).as(published.body()).isEqualTo(201);
        jdbc.sql("update task set budget_planned = :max, budget_allocated = :max where id in (:ids)")
                .param("max", MAX_MONEY)
                .param("ids", java.util.List.of(legacy, second.json().path("id").asLong()))
                .update();
    }
}
