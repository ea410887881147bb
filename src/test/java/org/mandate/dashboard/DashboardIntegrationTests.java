package org.mandate.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.mandate.Api;
import org.mandate.MandateIntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@MandateIntegrationTest
class DashboardIntegrationTests {

    @LocalServerPort
    int port;

    @Test
    void theSummaryAddsUpTasksMoneyBottlenecksAndIndicators() {
        Api leader = Api.as(port, "leader.caobang");
        JsonNode national =
                leader.get("/api/v1/dashboard/summary?resolution=70-nq-tw").json();
        JsonNode caoBang = leader.get("/api/v1/dashboard/summary?resolution=70-nq-tw&orgUnit=CAOBANG")
                .json();
        assertThat(national.path("tasks").asLong())
                .isGreaterThanOrEqualTo(caoBang.path("tasks").asLong());
        long byStatus = 0;
        for (JsonNode n : national.path("tasksByStatus")) {
            byStatus += n.asLong();
        }
        assertThat(byStatus).isEqualTo(national.path("tasks").asLong());
        assertThat(national.path("budgetAllocated").asLong())
                .isGreaterThanOrEqualTo(national.path("budgetDisbursed").asLong());
        JsonNode reserve = null;
        for (JsonNode i : national.path("indicators")) {
            if (i.path("code").asString().equals("R70_RESERVE_MARGIN")) {
                reserve = i;
            }
        }
        assertThat(reserve).isNotNull();
        assertThat(reserve.path("value").isNull()).isFalse();
        assertThat(leader.get("/api/v1/dashboard/summary?resolution=nope").status())
                .isEqualTo(404);
        assertThat(Api.anonymous(port).get("/api/v1/dashboard/summary").status())
                .isEqualTo(401);
        assertThat(leader.get("/dashboard?resolution=70-nq-tw").body()).contains("R70_RESERVE_MARGIN");
    }
}
