package org.mandate.resolutions;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.mandate.Api;
import org.mandate.MandateIntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@MandateIntegrationTest
class ResolutionApiIntegrationTests {

    @LocalServerPort
    int port;

    @Test
    void theCatalogueHasTheFiveResolutionsWithTheirSolutionGroups() {
        Api anyone = Api.anonymous(port);
        JsonNode list = anyone.get("/api/v1/resolutions").json();
        assertThat(list.path("items").findValuesAsString("slug"))
                .contains("57-nq-tw", "59-nq-tw", "70-nq-tw", "71-nq-tw", "72-nq-tw");
        assertThat(anyone.get("/api/v1/resolutions/70-nq-tw")
                        .json()
                        .path("solutionGroups")
                        .size())
                .isEqualTo(10);
        assertThat(anyone.get("/api/v1/resolutions/71-nq-tw")
                        .json()
                        .path("solutionGroups")
                        .size())
                .isEqualTo(8);
        JsonNode r72 = anyone.get("/api/v1/resolutions/72-nq-tw").json();
        assertThat(r72.path("solutionGroups").size()).isEqualTo(9);
        assertThat(r72.path("issuedOn").asString()).isEqualTo("2025-09-08");
        assertThat(r72.path("number").asString()).isEqualTo("72-NQ/TW");
        JsonNode r70 = anyone.get("/api/v1/resolutions/70-nq-tw").json();
        assertThat(r70.path("solutionGroups").get(1).path("titles").path("en").asString())
                .startsWith("Invest strongly in transmission and storage");
        for (String lang : new String[] {"vi", "en", "fr", "ru"}) {
            assertThat(r70.path("titles").path(lang).asString()).isNotBlank();
            assertThat(r70.path("summary").path(lang).asString()).isNotBlank();
        }
        JsonNode reserve = r70.path("goals").get(0);
        assertThat(reserve.path("indicator").asString()).isEqualTo("R70_RESERVE_MARGIN");
        assertThat(reserve.path("targetValue").asDouble()).isEqualTo(15.0);
        assertThat(reserve.path("targetYear").asInt()).isEqualTo(2030);
    }

    @Test
    void steeringDefinesAResolutionWithGoalsAndGroups() {
        Api steering = Api.as(port, "steering");
        Api.Response created = steering.post(
                "/api/v1/resolutions",
                "{\"slug\":\"99-nq-tw\",\"number\":\"99-NQ/TW\",\"titles\":{\"vi\":\"Thử\",\"en\":\"Test\"},\"issuedOn\":\"2026-01-02\",\"issuer\":\"Bộ Chính trị\"}");
        assertThat(created.status()).isEqualTo(201);
        assertThat(steering.post(
                                "/api/v1/resolutions/99-nq-tw/solution-groups",
                                "{\"code\":\"99-S01\",\"titles\":{\"vi\":\"Nhóm 1\"}}")
                        .status())
                .isEqualTo(201);
        assertThat(steering.post(
                                "/api/v1/resolutions/99-nq-tw/goals",
                                "{\"code\":\"99-G1\",\"description\":{\"vi\":\"Mục tiêu\"},\"indicator\":\"X\",\"targetValue\":10,\"targetYear\":2030}")
                        .status())
                .isEqualTo(201);
        JsonNode r = steering.get("/api/v1/resolutions/99-nq-tw").json();
        assertThat(r.path("solutionGroups").size()).isEqualTo(1);
        assertThat(r.path("goals").size()).isEqualTo(1);

        Api.Response patched =
                steering.patch("/api/v1/resolutions/99-nq-tw", "{\"titles\":{\"fr\":\"Essai\"},\"version\":0}");
        assertThat(patched.status()).isEqualTo(200);
        assertThat(patched.json().path("titles").path("vi").asString()).isEqualTo("Thử");
        assertThat(patched.json().path("titles").path("fr").asString()).isEqualTo("Essai");
        assertThat(steering.patch("/api/v1/resolutions/99-nq-tw", "{\"issuer\":\"x\",\"version\":0}")
                        .status())
                .isEqualTo(409);
        assertThat(Api.as(port, "admin")
                        .get("/api/v1/audit?entityType=resolution&entityId=99-nq-tw")
                        .json()
                        .path("total")
                        .asInt())
                .isEqualTo(2);
    }

    @Test
    void onlyTheSteeringSecretariatDefinesResolutions() {
        String body = "{\"slug\":\"98-nq-tw\",\"number\":\"98\",\"titles\":{\"vi\":\"X\"}}";
        assertThat(Api.as(port, "leader.caobang")
                        .post("/api/v1/resolutions", body)
                        .status())
                .isEqualTo(403);
        assertThat(Api.as(port, "reporter.moh")
                        .post("/api/v1/resolutions/70-nq-tw/goals", "{}")
                        .status())
                .isEqualTo(403);
        assertThat(Api.as(port, "expert")
                        .patch("/api/v1/resolutions/70-nq-tw", "{\"issuer\":\"x\"}")
                        .status())
                .isEqualTo(403);
    }

    @Test
    void badInputNamesTheField() {
        Api steering = Api.as(port, "steering");
        assertThat(steering.post("/api/v1/resolutions", "{\"slug\":\"Bad Slug\",\"titles\":{}}")
                        .errorFields())
                .contains("slug", "number", "titles.vi");
        assertThat(steering.post("/api/v1/resolutions", "{\"slug\":\"x\",\"issuedOn\":\"yesterday\"}")
                        .errorFields())
                .containsExactly("issuedOn");
        assertThat(steering.post("/api/v1/resolutions/70-nq-tw/goals", "{\"code\":\"G\",\"targetValue\":\"abc\"}")
                        .errorFields())
                .containsExactly("targetValue");
        assertThat(steering.post(
                                "/api/v1/resolutions/70-nq-tw/goals",
                                "{\"code\":\"G9\",\"description\":{\"vi\":\"x\"},\"indicator\":\"I\",\"targetValue\":1,\"targetYear\":1900}")
                        .errorFields())
                .containsExactly("targetYear");
        assertThat(steering.post(
                                "/api/v1/resolutions/70-nq-tw/solution-groups",
                                "{\"code\":\"70-S01\",\"titles\":{\"vi\":\"dup\"}}")
                        .status())
                .isEqualTo(409);
        assertThat(steering.patch("/api/v1/resolutions/70-nq-tw", "{\"slug\":\"other\"}")
                        .errorFields())
                .containsExactly("slug");
        assertThat(steering.get("/api/v1/resolutions/nope").status()).isEqualTo(404);
    }
}
