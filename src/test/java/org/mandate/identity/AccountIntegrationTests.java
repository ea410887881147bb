package org.mandate.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.mandate.Api;
import org.mandate.MandateIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@MandateIntegrationTest
class AccountIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void passwordsAreStoredHashed() {
        String hash = jdbc.sql("select password_hash from identity_user where username = 'steering'")
                .query(String.class)
                .single();
        assertThat(hash).startsWith("{bcrypt-sha256}$2").doesNotContain("demo");
    }

    @Test
    void aPersonalTokenAuthenticatesUntilRevoked() {
        Api reporter = Api.as(port, "reporter.caobang");
        Api.Response created = reporter.post("/api/v1/tokens", "{\"name\":\"spreadsheet sync\"}");
        assertThat(created.status()).isEqualTo(201);
        String token = created.json().path("token").asString();
        Api withToken = Api.withToken(port, token);
        Api.Response me = withToken.get("/api/v1/me");
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().path("scopeUnit").asString()).isEqualTo("CAOBANG");
        assertThat(withToken
                        .patch("/api/v1/org-units/HANOI", "{\"leader\":\"x\"}")
                        .status())
                .isEqualTo(403);

        long id = reporter.get("/api/v1/tokens").json().get(0).path("id").asLong();
        assertThat(reporter.delete("/api/v1/tokens/" + id).status()).isEqualTo(204);
        assertThat(withToken.get("/api/v1/me").status()).isEqualTo(401);
        assertThat(Api.withToken(port, "mdt_nonsense").get("/api/v1/me").status())
                .isEqualTo(401);
    }

    @Test
    void onlyAdminsManageAccountsAndTheTrailNeverHoldsPasswords() {
        Api admin = Api.as(port, "admin");
        Api.Response created = admin.post(
                "/api/v1/users",
                "{\"username\":\"reporter.hanoi\",\"password\":\"Quan-ly-du-an-2025!\",\"role\":\"REPORTER\",\"scopeUnit\":\"HANOI\"}");
        assertThat(created.status()).isEqualTo(201);
        assertThat(Api.as(port, "reporter.hanoi", "Quan-ly-du-an-2025!")
                        .get("/api/v1/me")
                        .status())
                .isEqualTo(200);
        assertThat(admin.get("/api/v1/audit?entityType=user&entityId=reporter.hanoi")
                        .body())
                .contains("HANOI")
                .doesNotContain("Quan-ly-du-an-2025!");

        assertThat(Api.as(port, "steering")
                        .post("/api/v1/users", "{\"username\":\"x1\",\"password\":\"abcd\",\"role\":\"ADMIN\"}")
                        .status())
                .isEqualTo(403);
        assertThat(admin.post(
                                "/api/v1/users",
                                "{\"username\":\"x2\",\"password\":\"Quan-ly-du-an-2025!\",\"role\":\"REPORTER\"}")
                        .errorFields())
                .containsExactly("scopeUnit");
        assertThat(admin.post("/api/v1/users", "{\"username\":\"X Y\",\"password\":\"a\",\"role\":\"KING\"}")
                        .errorFields())
                .containsExactly("role");
        assertThat(admin.post(
                                "/api/v1/users",
                                "{\"username\":\"X Y\",\"password\":\"a\",\"role\":\"REPORTER\",\"scopeUnit\":\"TW\"}")
                        .errorFields())
                .contains("username", "password");
    }
}
