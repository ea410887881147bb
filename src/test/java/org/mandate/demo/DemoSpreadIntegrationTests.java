package org.mandate.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mandate.Api;
import org.mandate.MandateIntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The demo data gives every province and ministry figures of its own, so rankings and grids show a spread. */
@MandateIntegrationTest
class DemoSpreadIntegrationTests {

    @LocalServerPort
    int port;

    @Test
    void everyProvinceAndMinistryHasSampleTasksThatDifferBetweenUnits() {
        Api steering = Api.as(port, "steering");
        List<String> units = new ArrayList<>();
        for (String level : new String[] {"PROVINCE", "MINISTRY"}) {
            steering.get("/api/v1/org-units?level=" + level + "&size=200")
                    .json()
                    .path("items")
                    .forEach(u -> units.add(u.path("code").asString()));
        }
        assertThat(units).hasSizeGreaterThanOrEqualTo(50);
        Set<String> statuses = new HashSet<>();
        Set<Long> disbursed = new HashSet<>();
        int rebaselined = 0;
        for (String unit : units) {
            // Other tests add tasks of their own to the shared database: count the sample ones.
            JsonNode page =
                    steering.get("/api/v1/tasks?orgUnit=" + unit + "&size=200").json();
            int samples = 0;
            for (JsonNode t : page.path("items")) {
                if (!t.path("title").asString().contains("sample data")) {
                    continue;
                }
                samples++;
                statuses.add(t.path("status").asString());
                rebaselined += t.path("rebaselineCount").asInt() > 0 ? 1 : 0;
                long allocated = t.path("budgetAllocated").asLong();
                if (allocated > 0) {
                    disbursed.add(100 * t.path("budgetDisbursed").asLong() / allocated);
                }
            }
            assertThat(samples).as(unit).isGreaterThanOrEqualTo(3);
        }
        assertThat(statuses).contains("DONE", "DONE_LATE", "OVERDUE", "ON_TRACK", "AT_RISK");
        assertThat(rebaselined).isGreaterThanOrEqualTo(units.size() / 3);
        assertThat(disbursed).hasSizeGreaterThan(20);
    }

    @Test
    void reportsOfRecentWeeksAreOnTimeLateOrMissingDependingOnTheUnit() {
        Api steering = Api.as(port, "steering");
        Set<String> timeliness = new HashSet<>();
        steering.get("/api/v1/reports?orgUnit=TW&size=200&state=APPROVED")
                .json()
                .path("items")
                .forEach(r -> timeliness.add(r.path("timeliness").asString()));
        assertThat(steering.get("/api/v1/reports?orgUnit=TW&size=1&state=APPROVED")
                        .json()
                        .path("total")
                        .asLong())
                .isGreaterThan(200);
        assertThat(steering.get("/api/v1/reports?orgUnit=TW&size=1&state=LATE")
                        .json()
                        .path("total")
                        .asLong())
                .isPositive();
        assertThat(timeliness).hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void theDemoPublishesTwiceSoThatTheChangesPageHasChanges() {
        JsonNode list = Api.anonymous(port).get("/api/v1/public/publications").json();
        JsonNode items = list.has("items") ? list.path("items") : list;
        assertThat(items.size()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void aUnitsPerformanceIsFixedByItsCode() {
        assertThat(DemoSpread.performance("HANOI")).isEqualTo(DemoSpread.performance("HANOI"));
        assertThat(DemoSpread.performance("HANOI")).isBetween(0.15, 0.95);
        Set<Double> values = new HashSet<>();
        for (String code : List.of("HANOI", "HCM", "CAOBANG", "BYT", "BCT", "DANANG")) {
            values.add(DemoSpread.performance(code));
        }
        assertThat(values).hasSize(6);
    }
}
