package org.mandate.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mandate.Api;
import org.mandate.MandateIntegrationTest;
import org.mandate.PageSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Accounts and tokens as ASVS level 2 asks: password policy, throttled logins, sessions and tokens ended. */
@MandateIntegrationTest
class AccountSecurityIntegrationTests {

    static final String GOOD = "Kế-hoạch-tỉnh-2025";
    private static final AtomicInteger SEQ = new AtomicInteger();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    LoginThrottle throttle;

    Api admin;

    @BeforeEach
    void setUp() {
        throttle.forgetAll();
        admin = Api.as(port, "admin");
    }

    @AfterEach
    void forgetFailures() {
        // All tests share one address (localhost): leave nothing locked for the next test class.
        throttle.forgetAll();
    }

    private String newReporter(String password) {
        String username = "sec.user" + SEQ.incrementAndGet() + "-" + System.nanoTime() % 100000;
        Api.Response created = admin.post("/api/v1/users", """
                {"username": "%s", "password": "%s", "role": "REPORTER", "scopeUnit": "CAOBANG"}
                """.formatted(username, password));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return username;
    }

    @Test
    void passwordsFollowThePolicyAndAnyLengthInCharactersWorks() {
        Api.Response shortOne =
                admin.post("/api/v1/users", "{\"username\":\"sec.short\",\"password\":\"abc12\",\"role\":\"ADMIN\"}");
        assertThat(shortOne.status()).isEqualTo(400);
        assertThat(shortOne.errorFields()).containsExactly("password");
        assertThat(shortOne.body()).contains("12");

        Api.Response common = admin.post(
                "/api/v1/users", "{\"username\":\"sec.common\",\"password\":\"1qaz2wsx3edc\",\"role\":\"ADMIN\"}");
        assertThat(common.status()).isEqualTo(400);
        assertThat(common.errorFields()).containsExactly("password");
        assertThat(common.body()).contains("common");
        Api.Response ownName = admin.post(
                "/api/v1/users", "{\"username\":\"sec.ownname1\",\"password\":\"SEC.OWNNAME1\",\"role\":\"ADMIN\"}");
        assertThat(ownName.errorFields()).containsExactly("password");

        // 40 Vietnamese letters are 80-120 bytes: more than BCrypt reads. Hashed whole, never a 500.
        String vietnamese = "ĐườngĐếnTươngLaiCủaChúngTaLàMộtHànhTrìnhDàiĐầyThửThách";
        assertThat(vietnamese.length()).isGreaterThanOrEqualTo(40);
        String user = newReporter(vietnamese);
        assertThat(Api.as(port, user, vietnamese).get("/api/v1/me").status()).isEqualTo(200);
        // Same first 72 bytes, different end: refused (a truncating hash would let it in).
        String sameStart = vietnamese.substring(0, vietnamese.length() - 1) + "X";
        assertThat(Api.as(port, user, sameStart).get("/api/v1/me").status()).isEqualTo(401);

        Api.Response tooLong = admin.patch("/api/v1/users/" + user, "{\"password\":\"" + "ệ".repeat(300) + "\"}");
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.errorFields()).containsExactly("password");
        assertThat(admin.patch("/api/v1/users/" + user, "{\"password\":\"demo\"}")
                        .errorFields())
                .containsExactly("password");

        // The demo accounts keep "demo": seeded by the system, not set by a person.
        assertThat(Api.as(port, "reporter.caobang").get("/api/v1/me").status()).isEqualTo(200);
    }

    @Test
    void wrongPasswordsInARowAreThrottledWithGrowingDelaysThenRecover() throws Exception {
        String user = newReporter(GOOD);
        Api wrong = Api.as(port, user, "not-the-password");
        Api right = Api.as(port, user, GOOD);
        for (int i = 0; i < 6; i++) {
            assertThat(wrong.get("/api/v1/me").status()).isEqualTo(401);
        }
        // Locked for 1 s: the right password is refused too, with a problem details saying when to retry.
        Api.Response refused = right.get("/api/v1/me");
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().path("detail").asString()).contains("Try again in 1 seconds");
        for (int i = 0; i < 20; i++) {
            assertThat(wrong.get("/api/v1/me").status()).isEqualTo(429);
        }
        Thread.sleep(1100);
        // One more failure after the lock: now locked twice as long.
        assertThat(wrong.get("/api/v1/me").status()).isEqualTo(401);
        Api.Response longer = right.get("/api/v1/me");
        assertThat(longer.status()).isEqualTo(429);
        assertThat(longer.json().path("retryAfterSeconds").asLong()).isEqualTo(2);
        Thread.sleep(2100);
        assertThat(right.get("/api/v1/me").status()).isEqualTo(200);
        // A success forgets the account's failures.
        assertThat(wrong.get("/api/v1/me").status()).isEqualTo(401);
        assertThat(right.get("/api/v1/me").status()).isEqualTo(200);

        String trail = admin.get("/api/v1/audit?entityType=login&entityId=" + user + "&size=100")
                .body();
        assertThat(trail).contains("login-failed", "login-throttled", "login-succeeded");
    }

    @Test
    void theLoginFormSaysWhenItIsThrottled() {
        String user = newReporter(GOOD);
        PageSession browser = new PageSession(port);
        for (int i = 0; i < 6; i++) {
            assertThat(browser.login(user, "nope-nope-nope").location()).endsWith("/login?error");
        }
        PageSession.Page locked = browser.login(user, GOOD);
        assertThat(locked.status()).isEqualTo(302);
        assertThat(locked.location()).startsWith("/login?throttled=");
        assertThat(browser.get(locked.location()).body()).contains("Too many failed logins");
        assertThat(browser.get("/account").location()).endsWith("/login");
    }

    @Test
    void manyFailuresFromOneAddressThrottleEveryLoginFromIt() {
        // Wrong tokens and wrong passwords for many names count against the address (the test profile allows
        // more free failures per address than production, so that no other test class is ever locked out).
        int free = throttle.addressFreeFailures();
        for (int i = 0; i < free - 3; i++) {
            assertThat(Api.withToken(port, "mdt_wrong" + i).get("/api/v1/me").status())
                    .isEqualTo(401);
        }
        for (int i = 0; i < 3; i++) {
            assertThat(Api.as(port, "nobody" + i + "-" + System.nanoTime(), "guess-guess-guess")
                            .get("/api/v1/me")
                            .status())
                    .isEqualTo(401);
        }
        assertThat(Api.withToken(port, "mdt_one-more").get("/api/v1/me").status())
                .isEqualTo(401);
        // Past the free failures of the address, a fresh name, a demo account and any token from it are refused.
        Api.Response refused = Api.withToken(port, "mdt_wrong").get("/api/v1/me");
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(Api.as(port, "fresh-name", "guess").get("/api/v1/me").status())
                .isEqualTo(429);
        assertThat(Api.as(port, "steering").get("/api/v1/me").status()).isEqualTo(429);
    }

    @Test
    void changingThePasswordEndsPageSessionsAndTokens() {
        String user = newReporter(GOOD);
        PageSession browser = new PageSession(port);
        assertThat(browser.login(user, GOOD).location()).isEqualTo("/");
        assertThat(browser.get("/account").status()).isEqualTo(200);
        String token = Api.as(port, user, GOOD)
                .post("/api/v1/tokens", "{\"name\":\"sync\"}")
                .json()
                .path("token")
                .asString();
        assertThat(Api.withToken(port, token).get("/api/v1/me").status()).isEqualTo(200);

        assertThat(admin.patch("/api/v1/users/" + user, "{\"password\":\"" + GOOD + "-new\"}")
                        .status())
                .isEqualTo(200);
        PageSession.Page after = browser.get("/account");
        assertThat(after.status()).isEqualTo(302);
        assertThat(after.location()).isEqualTo("/login?expired");
        assertThat(browser.get("/account").location()).endsWith("/login");
        assertThat(Api.withToken(port, token).get("/api/v1/me").status()).isEqualTo(401);
        assertThat(Api.as(port, user, GOOD).get("/api/v1/me").status()).isEqualTo(401);
        assertThat(Api.as(port, user, GOOD + "-new").get("/api/v1/me").status()).isEqualTo(200);
        assertThat(browser.login(user, GOOD + "-new").location()).isEqualTo("/account?continue");
        assertThat(browser.get("/account").status()).isEqualTo(200);
    }

    @Test
    void disablingAnAccountEndsPageSessionsAndTokens() {
        String user = newReporter(GOOD);
        PageSession browser = new PageSession(port);
        browser.login(user, GOOD);
        assertThat(browser.get("/tasks").status()).isEqualTo(200);
        String token = Api.as(port, user, GOOD)
                .post("/api/v1/tokens", "{\"name\":\"sync\"}")
                .json()
                .path("token")
                .asString();

        assertThat(admin.patch("/api/v1/users/" + user, "{\"enabled\":false}").status())
                .isEqualTo(200);
        assertThat(browser.get("/tasks").location()).isEqualTo("/login?expired");
        assertThat(Api.withToken(port, token).get("/api/v1/me").status()).isEqualTo(401);
        assertThat(Api.as(port, user, GOOD).get("/api/v1/me").status()).isEqualTo(401);

        // Enabled again: the password works, the old token stays revoked.
        admin.patch("/api/v1/users/" + user, "{\"enabled\":true}");
        assertThat(Api.as(port, user, GOOD).get("/api/v1/me").status()).isEqualTo(200);
        assertThat(Api.withToken(port, token).get("/api/v1/me").status()).isEqualTo(401);
    }

    @Test
    void tokensHaveAScopeAnExpiryAndALastUseAndCannotMakeTokens() {
        String user = newReporter(GOOD);
        Api owner = Api.as(port, user, GOOD);
        Api.Response read = owner.post(
                "/api/v1/tokens",
                "{\"name\":\"dashboard reader\",\"scope\":\"READ\",\"expiresOn\":\"%s\"}"
                        .formatted(LocalDate.now().plusDays(30)));
        assertThat(read.status()).as(read.body()).isEqualTo(201);
        assertThat(read.json().path("scope").asString()).isEqualTo("READ");
        long readId = read.json().path("id").asLong();
        Api reader = Api.withToken(port, read.json().path("token").asString());
        assertThat(reader.get("/api/v1/tasks?orgUnit=CAOBANG").status()).isEqualTo(200);
        Api.Response write =
                reader.post("/api/v1/bottlenecks", "{\"title\":\"x\",\"type\":\"LAND\",\"raisedBy\":\"CAOBANG\"}");
        assertThat(write.status()).isEqualTo(403);
        assertThat(write.body()).contains("READ");

        // Defaults: WRITE, 90 days.
        Api.Response rw = owner.post("/api/v1/tokens", "{\"name\":\"sync\"}");
        assertThat(rw.json().path("scope").asString()).isEqualTo("WRITE");
        assertThat(LocalDate.parse(rw.json().path("expiresOn").asString()))
                .isAfter(LocalDate.now().plusDays(80));
        Api writer = Api.withToken(port, rw.json().path("token").asString());
        assertThat(writer.get("/api/v1/me").status()).isEqualTo(200);

        // A token never creates tokens, whatever its scope.
        assertThat(writer.post("/api/v1/tokens", "{\"name\":\"child\"}").status())
                .isEqualTo(403);
        assertThat(reader.post("/api/v1/tokens", "{\"name\":\"child\"}").status())
                .isEqualTo(403);

        assertThat(owner.post("/api/v1/tokens", "{\"name\":\"past\",\"expiresOn\":\"2020-01-01\"}")
                        .errorFields())
                .containsExactly("expiresOn");
        assertThat(owner.post("/api/v1/tokens", "{\"name\":\"far\",\"expiresOn\":\"2999-01-01\"}")
                        .errorFields())
                .containsExactly("expiresOn");

        // Used: last use written.
        JsonNode listed = owner.get("/api/v1/tokens").json();
        assertThat(listed.size()).isEqualTo(2);
        for (JsonNode t : listed) {
            assertThat(t.path("lastUsedAt").isNull()).as(t.toString()).isFalse();
            assertThat(t.path("name").asString()).isNotBlank();
        }

        // Expired yesterday: refused.
        jdbc.sql("update identity_api_token set expires_on = :d where id = :id")
                .param("d", java.sql.Date.valueOf(LocalDate.now().minusDays(2)))
                .param("id", readId)
                .update();
        assertThat(reader.get("/api/v1/me").status()).isEqualTo(401);
        assertThat(owner.get("/api/v1/tokens").body()).contains("\"expired\":true");

        // Admins list and revoke anyone's tokens; others neither see nor revoke them.
        JsonNode byAdmin = admin.get("/api/v1/tokens?user=" + user).json();
        assertThat(byAdmin.size()).isEqualTo(2);
        long rwId = rw.json().path("id").asLong();
        assertThat(Api.as(port, "reporter.caobang")
                        .get("/api/v1/tokens?user=" + user)
                        .status())
                .isEqualTo(403);
        assertThat(Api.as(port, "reporter.caobang")
                        .delete("/api/v1/tokens/" + rwId)
                        .status())
                .isEqualTo(404);
        assertThat(admin.delete("/api/v1/tokens/" + rwId).status()).isEqualTo(204);
        assertThat(writer.get("/api/v1/me").status()).isEqualTo(401);
    }

    @Test
    void theAccountPageListsTokensWithScopeExpiryAndLastUse() {
        String user = newReporter(GOOD);
        PageSession browser = new PageSession(port);
        browser.login(user, GOOD);
        browser.get("/account");
        PageSession.Page created = browser.post(
                "/account/tokens",
                Map.of(
                        "name",
                        "weekly export",
                        "scope",
                        "READ",
                        "expiresOn",
                        LocalDate.now().plusDays(7).toString()));
        assertThat(created.status()).isEqualTo(200);
        assertThat(created.body()).contains("mdt_", "weekly export", "Read only", "Never");
        for (String lang : new String[] {"vi", "en", "fr", "ru"}) {
            PageSession.Page page = browser.get("/account?lang=" + lang);
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.body()).doesNotContain("??account.");
        }
        PageSession.Page bad = browser.post("/account/tokens", Map.of("name", "old", "expiresOn", "2001-01-01"));
        assertThat(bad.status()).isEqualTo(200);
        assertThat(bad.body()).contains("role=\"alert\"");
    }
}
