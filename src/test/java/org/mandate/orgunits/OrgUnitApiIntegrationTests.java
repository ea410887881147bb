package org.mandate.orgunits;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.mandate.Api;
import org.mandate.MandateIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@MandateIntegrationTest
class OrgUnitApiIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    OrgUnitManagement orgUnits;

    private static java.util.List<String> demoCodes(Api.Response page) {
        java.util.List<String> codes = new java.util.ArrayList<>();
        page.json().path("items").forEach(u -> codes.add(u.path("code").asString()));
        return codes.stream()
                .filter(c -> !c.startsWith("MX-") && !c.startsWith("CAOBANG-T"))
                .toList();
    }

    @Test
    void theDemoTreeHasTheNationalStructure() {
        Api anyone = Api.anonymous(port);
        assertThat(anyone.get("/api/v1/org-units?level=PROVINCE&size=100")
                        .json()
                        .path("total")
                        .asInt())
                .isEqualTo(34);
        assertThat(anyone.get("/api/v1/org-units?level=MINISTRY&size=100")
                        .json()
                        .path("total")
                        .asInt())
                .isEqualTo(17);
        // Other tests of this context add units under Cao Bang (codes CAOBANG-T.. and MX-..): count the demo's own.
        assertThat(demoCodes(anyone.get("/api/v1/org-units?parent=CAOBANG&level=COMMUNE&size=100")))
                .hasSize(56);
        assertThat(demoCodes(anyone.get("/api/v1/org-units?orgUnit=CAOBANG&size=200")))
                .hasSize(1 + 4 + 56);
        Api.Response caoBang = anyone.get("/api/v1/org-units/CAOBANG");
        assertThat(caoBang.json().path("names").path("vi").asString()).isEqualTo("Cao Bằng");
        assertThat(caoBang.json().path("names").path("ru").asString()).isNotBlank();
        assertThat(caoBang.json().path("parent").asString()).isEqualTo("TW");
    }

    @Test
    void subtreeMembershipFollowsTheClosureTable() {
        assertThat(orgUnits.isWithin("CAOBANG-C01", "CAOBANG")).isTrue();
        assertThat(orgUnits.isWithin("CAOBANG-C01", "TW")).isTrue();
        assertThat(orgUnits.isWithin("CAOBANG", "CAOBANG")).isTrue();
        assertThat(orgUnits.isWithin("HANOI", "CAOBANG")).isFalse();
        assertThat(orgUnits.ancestors("CAOBANG-C01")).extracting(OrgUnit::code).containsExactly("TW", "CAOBANG");
    }

    @Test
    void aCaoBangReporterCannotChangeAnotherProvince() {
        Api reporter = Api.as(port, "reporter.caobang");
        assertThat(reporter.patch("/api/v1/org-units/HANOI", "{\"leader\":\"x\"}")
                        .status())
                .isEqualTo(403);
        Api leader = Api.as(port, "leader.caobang");
        Api.Response refused = leader.patch("/api/v1/org-units/HANOI", "{\"leader\":\"x\"}");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(leader.post(
                                "/api/v1/org-units",
                                "{\"code\":\"HANOI-TEST1\",\"names\":{\"vi\":\"X\"},\"level\":\"COMMUNE\",\"parent\":\"HANOI\"}")
                        .status())
                .isEqualTo(403);
    }

    @Test
    void aLeaderChangesUnitsInsideTheProvinceAndTheTrailKeepsBeforeAndAfter() {
        Api leader = Api.as(port, "leader.caobang");
        Api.Response created = leader.post(
                "/api/v1/org-units",
                "{\"code\":\"CAOBANG-T01\",\"names\":{\"vi\":\"Xã thử\",\"en\":\"Test commune\"},\"level\":\"COMMUNE\",\"parent\":\"CAOBANG\",\"leader\":\"A\"}");
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().path("depth").asInt()).isEqualTo(2);
        assertThat(orgUnits.isWithin("CAOBANG-T01", "CAOBANG")).isTrue();

        Api.Response updated = leader.patch("/api/v1/org-units/CAOBANG-T01", "{\"leader\":\"B\",\"version\":0}");
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.json().path("version").asLong()).isEqualTo(1);

        Api.Response stale = leader.patch("/api/v1/org-units/CAOBANG-T01", "{\"leader\":\"C\",\"version\":0}");
        assertThat(stale.status()).isEqualTo(409);

        Api.Response trail = Api.as(port, "admin").get("/api/v1/audit?entityType=org-unit&entityId=CAOBANG-T01");
        assertThat(trail.json().path("total").asInt()).isEqualTo(2);
        assertThat(trail.json().path("items").get(0).path("actor").asString()).isEqualTo("leader.caobang");
        assertThat(trail.json().path("items").get(0).path("before").asString()).contains("\"leader\":\"A\"");
        assertThat(trail.json().path("items").get(0).path("after").asString()).contains("\"leader\":\"B\"");
        assertThat(Api.as(port, "leader.caobang").get("/api/v1/audit").status()).isEqualTo(403);
    }

    @Test
    void badInputIsA400NamingTheField() {
        Api steering = Api.as(port, "steering");
        Api.Response badEnum =
                steering.post("/api/v1/org-units", "{\"code\":\"X1\",\"names\":{\"vi\":\"X\"},\"level\":\"TOWN\"}");
        assertThat(badEnum.status()).isEqualTo(400);
        assertThat(badEnum.errorFields()).containsExactly("level");

        Api.Response missing = steering.post(
                "/api/v1/org-units", "{\"code\":\"bad code\",\"level\":\"COMMUNE\",\"parent\":\"NOWHERE\"}");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.errorFields()).contains("code", "names.vi", "parent");

        Api.Response wrongLevel = steering.post(
                "/api/v1/org-units",
                "{\"code\":\"X2\",\"names\":{\"vi\":\"X\"},\"level\":\"PROVINCE\",\"parent\":\"CAOBANG\"}");
        assertThat(wrongLevel.errorFields()).containsExactly("level");

        Api.Response tooLong = steering.patch("/api/v1/org-units/CAOBANG", "{\"leader\":\"" + "x".repeat(301) + "\"}");
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.errorFields()).containsExactly("leader");

        Api.Response notJson = steering.post("/api/v1/org-units", "{not json");
        assertThat(notJson.status()).isEqualTo(400);

        assertThat(steering.get("/api/v1/org-units?level=TOWN").errorFields()).containsExactly("level");
        // Paging is clamped: size 0 is one row, never an error.
        assertThat(steering.get("/api/v1/org-units?size=0").json().path("size").asInt())
                .isEqualTo(1);
        assertThat(steering.get("/api/v1/org-units/NOPE").status()).isEqualTo(404);
        assertThat(steering.post(
                                "/api/v1/org-units",
                                "{\"code\":\"CAOBANG\",\"names\":{\"vi\":\"X\"},\"level\":\"PROVINCE\",\"parent\":\"TW\"}")
                        .status())
                .isEqualTo(409);
    }

    @Test
    void requestsNoControllerTakesStillGetProblemDetails() {
        Api steering = Api.as(port, "steering");
        Api.Response unknownPath = steering.get("/api/v1/no-such-thing");
        assertThat(unknownPath.status()).isEqualTo(404);
        assertThat(unknownPath.contentType()).startsWith("application/problem+json");

        Api.Response wrongMethod = steering.delete("/api/v1/org-units/CAOBANG");
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(wrongMethod.contentType()).startsWith("application/problem+json");

        Api.Response wrongBodyType = steering.postBytes("/api/v1/tasks/import", "application/json", "{}".getBytes());
        assertThat(wrongBodyType.status()).isEqualTo(415);
        assertThat(wrongBodyType.contentType()).startsWith("application/problem+json");
        assertThat(wrongBodyType.json().path("detail").asString()).isNotBlank();
    }

    @Test
    void writesNeedALogin() {
        Api.Response anonymous = Api.anonymous(port).patch("/api/v1/org-units/CAOBANG", "{\"leader\":\"x\"}");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.contentType()).startsWith("application/problem+json");
        assertThat(Api.as(port, "admin", "wrong").get("/api/v1/me").status()).isEqualTo(401);
    }
}
