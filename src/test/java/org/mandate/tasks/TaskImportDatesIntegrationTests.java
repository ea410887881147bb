package org.mandate.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.mandate.Api;
import org.mandate.MandateIntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Task import reads dates as people write them: 31/12/2026 as well as 2026-12-31. */
@MandateIntegrationTest
class TaskImportDatesIntegrationTests {

    @LocalServerPort
    int port;

    @Test
    void dayFirstAndIsoDatesAreBothRead() {
        Api steering = Api.as(port, "steering");
        String title = TaskApiIntegrationTests.unique("Dated import");
        String csv = "title,description,resolution,solutionGroup,leadUnit,responsiblePerson,approver,startOn,deadline,"
                + "expectedResult,kind\n"
                + title + " A,d,72-nq-tw,72-S02,CAOBANG,p,CAOBANG,05/01/2026,31/12/2026,r,OTHER\n"
                + title + " B,d,72-nq-tw,72-S02,CAOBANG,p,CAOBANG,2026-01-05,2026-12-31,r,OTHER\n";
        var imported = steering.postBytes("/api/v1/tasks/import", "text/csv", csv.getBytes());
        assertThat(imported.status()).as(imported.body()).isEqualTo(201);
        for (JsonNode id : imported.json().path("ids")) {
            JsonNode t = steering.get("/api/v1/tasks/" + id.asLong()).json();
            assertThat(t.path("startOn").asString()).isEqualTo("2026-01-05");
            assertThat(t.path("deadline").asString()).isEqualTo("2026-12-31");
        }
        // Month first is not a day-first date: refused, naming row and column.
        var us = steering.postBytes(
                "/api/v1/tasks/import",
                "text/csv",
                csv.replace("31/12/2026", "12/31/2026").getBytes());
        assertThat(us.status()).isEqualTo(400);
        assertThat(us.errorFields()).containsExactly("row 2: deadline");
    }
}
