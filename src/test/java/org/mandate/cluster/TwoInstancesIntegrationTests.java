package org.mandate.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mandate.Api;
import org.mandate.Application;
import org.mandate.indicators.Fixtures;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Two instances of Mandate over one PostgreSQL database, as behind a round-robin proxy: two application
 * contexts on two ports in this JVM. What one instance commits, the other serves at once (caches), the
 * publication chain stays linear when both publish at the same time, a session started on one is served by
 * the other, and a scheduled job runs once. PostgreSQL only (the {@code postgres} Maven profile): H2 is
 * one process.
 */
class TwoInstancesIntegrationTests {

    private static ConfigurableApplicationContext a;
    private static ConfigurableApplicationContext b;
    private static int portA;
    private static int portB;

    @BeforeAll
    static void startTwoInstances() {
        Assumptions.assumeTrue(
                System.getProperty("spring.datasource.url", "").startsWith("jdbc:postgresql"),
                "two instances need one shared database: PostgreSQL");
        a = start("a");
        b = start("b");
        portA = ((WebServerApplicationContext) a).getWebServer().getPort();
        portB = ((WebServerApplicationContext) b).getWebServer().getPort();
    }

    private static ConfigurableApplicationContext start(String name) {
        return new SpringApplicationBuilder(Application.class)
                .profiles("demo", "test")
                .properties("server.port=0", "mandate.cache.generations=database", "spring.main.banner-mode=off")
                .run();
    }

    @AfterAll
    static void stop() {
        if (b != null) {
            b.close();
        }
        if (a != null) {
            a.close();
        }
    }

    @Test
    void aTaskCreatedOnOneIsCountedOnTheOtherAtOnce() {
        String summary = "/api/v1/dashboard/summary?orgUnit=CAOBANG";
        long before =
                Api.as(portB, "steering").get(summary).json().path("tasks").asLong();
        // Asked twice: the second answer comes from B's cache.
        assertThat(Api.as(portB, "steering").get(summary).json().path("tasks").asLong())
                .isEqualTo(before);

        LocalDate today = LocalDate.now();
        Api.Response created = Api.as(portA, "steering")
                .post("/api/v1/tasks", """
                {"title": "Two instances %s", "description": "Counted everywhere", "resolution": "72-nq-tw",
                 "solutionGroup": "72-S02", "leadUnit": "CAOBANG", "responsiblePerson": "Nguyen Van A",
                 "approver": "CAOBANG", "startOn": "%s", "deadline": "%s", "kind": "POLICY",
                 "expectedResult": "A plan"}
                """.formatted(Fixtures.unique(), today, today.plusDays(60)));
        assertThat(created.status()).as(created.body()).isEqualTo(201);

        assertThat(Api.as(portB, "steering").get(summary).json().path("tasks").asLong())
                .isEqualTo(before + 1);
    }

    @Test
    void aValuePostedToOneChangesTheOthersAnalyticsAtOnce() {
        Api steeringA = Api.as(portA, "steering");
        String resolution = Fixtures.resolution(steeringA);
        String indicator = Fixtures.indicator(steeringA, "CASES", "WEEKLY", "SUM", resolution, "");
        String week = Fixtures.thisWeek().toString();
        String analytics = "/api/v1/analytics?indicator=" + indicator + "&period=" + week + "&orgUnit=CAOBANG";
        Api steeringB = Api.as(portB, "steering");
        assertThat(steeringB.get(analytics).json().path("value").isNull()).isTrue();
        assertThat(steeringB.get(analytics).json().path("value").isNull()).isTrue();

        Api.Response saved = Api.as(portA, "reporter.caobang-c01")
                .post("/api/v1/data-values", "[" + Fixtures.value(indicator, "CAOBANG-C01", week, "12") + "]");
        assertThat(saved.status()).as(saved.toString()).isEqualTo(200);

        assertThat(steeringB.get(analytics).json().path("value").asDouble()).isEqualTo(12.0);
        Api.Response more = Api.as(portB, "reporter.caobang")
                .post("/api/v1/data-values", "[" + Fixtures.value(indicator, "CAOBANG-C02", week, "5") + "]");
        assertThat(more.status()).as(more.toString()).isEqualTo(200);
        assertThat(steeringA.get(analytics).json().path("value").asDouble()).isEqualTo(17.0);
    }

    @Test
    void twentyConcurrentPublicationsOverBothInstancesMakeOneLinearChain() throws Exception {
        JdbcClient jdbc = a.getBean(JdbcClient.class);
        long before =
                jdbc.sql("select count(*) from publication").query(Long.class).single();
        ExecutorService pool = Executors.newFixedThreadPool(20);
        List<Future<Api.Response>> calls = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            int port = i % 2 == 0 ? portA : portB;
            calls.add(pool.submit(() -> Api.as(port, "steering").post("/api/v1/publications", "{}")));
        }
        int published = 0;
        for (Future<Api.Response> call : calls) {
            Api.Response r = call.get();
            // Each either publishes or is told that another publication is in progress: never anything else.
            assertThat(r.status()).as(r.body()).isIn(201, 409);
            if (r.status() == 201) {
                published++;
            } else {
                assertThat(r.contentType()).startsWith("application/problem+json");
            }
        }
        pool.shutdown();
        assertThat(published).isPositive();

        long after =
                jdbc.sql("select count(*) from publication").query(Long.class).single();
        assertThat(after - before).isEqualTo(published);
        long distinctPredecessors = jdbc.sql("select count(distinct coalesce(previous_digest, '')) from publication")
                .query(Long.class)
                .single();
        assertThat(distinctPredecessors).isEqualTo(after);
        long latest =
                jdbc.sql("select max(id) from publication").query(Long.class).single();
        for (int port : new int[] {portA, portB}) {
            JsonNode verified = Api.anonymous(port)
                    .get("/api/v1/public/publications/" + latest + "/verify")
                    .json();
            assertThat(verified.path("valid").asBoolean())
                    .as(verified.toString())
                    .isTrue();
            assertThat(verified.path("checked").asLong()).isEqualTo(after);
            // Both instances name the same latest publication at once.
            assertThat(Api.anonymous(port)
                            .get("/api/v1/public/publications?size=1")
                            .json()
                            .path("items")
                            .get(0)
                            .path("id")
                            .asLong())
                    .isEqualTo(latest);
        }
    }

    @Test
    void aSessionStartedOnOneIsServedByTheOther() throws Exception {
        Browser browser = new Browser();
        browser.login(portA, "leader.caobang");
        HttpResponse<String> onB = browser.get(portB, "/tasks");
        assertThat(onB.statusCode()).isEqualTo(200);
        assertThat(onB.body()).contains("leader.caobang");

        // The form token of B's page is good on A: it is the session's, not the instance's.
        String csrf = csrf(browser.get(portB, "/tasks").body());
        HttpResponse<String> logout = browser.post(portA, "/logout", "_csrf=" + enc(csrf));
        assertThat(logout.statusCode()).isEqualTo(302);
        HttpResponse<String> afterLogout = browser.get(portB, "/tasks");
        assertThat(afterLogout.statusCode()).isEqualTo(302);
        assertThat(afterLogout.headers().firstValue("Location").orElse("")).contains("/login");
    }

    @Test
    void ratingsSpreadOverBothInstancesHitTheLimitAtTheConfiguredCount() throws Exception {
        int capacity = a.getEnvironment().getProperty("mandate.feedback.rate-limit.capacity", Integer.class, 10);
        String client = "10.77." + (System.nanoTime() % 250) + ".9";
        HttpClient http = HttpClient.newHttpClient();
        for (int i = 1; i <= capacity; i++) {
            HttpResponse<String> r = rate(http, i % 2 == 0 ? portA : portB, client, "CAOBANG-C%02d".formatted(i));
            assertThat(r.statusCode()).as("rating %d: %s", i, r.body()).isEqualTo(202);
        }
        // One over the limit, on either instance: refused, with when to try again.
        for (int port : new int[] {portA, portB}) {
            HttpResponse<String> r = rate(http, port, client, "CAOBANG-C%02d".formatted(capacity + 1));
            assertThat(r.statusCode()).isEqualTo(429);
            assertThat(Long.parseLong(r.headers().firstValue("Retry-After").orElseThrow()))
                    .isPositive();
        }
    }

    private static HttpResponse<String> rate(HttpClient http, int port, String client, String unit)
            throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/public/feedback"))
                        .header("Content-Type", "application/json")
                        .header("X-Forwarded-For", client)
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"target\":\"unit:" + unit + "\",\"rating\":4,\"respondentType\":\"CITIZEN\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aScheduledJobRunsOnceAcrossInstances() throws Exception {
        JdbcClient jdbc = a.getBean(JdbcClient.class);
        long before = jdbc.sql("select count(*) from publication where kind = 'MONTHLY'")
                .query(Long.class)
                .single();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Callable<Object>> jobs = List.of(monthlyJob(a), monthlyJob(b));
        for (Future<Object> f : pool.invokeAll(jobs)) {
            f.get();
        }
        pool.shutdown();
        long after = jdbc.sql("select count(*) from publication where kind = 'MONTHLY'")
                .query(Long.class)
                .single();
        assertThat(after - before).isEqualTo(1);
    }

    /** The monthly publication job as the scheduler calls it: through its ShedLock proxy. */
    private static Callable<Object> monthlyJob(ConfigurableApplicationContext context) throws Exception {
        Object schedule = context.getBean("publicationSchedule");
        Method monthly = schedule.getClass().getDeclaredMethod("monthly");
        monthly.setAccessible(true);
        return () -> monthly.invoke(schedule);
    }

    private static String csrf(String html) {
        Matcher m = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(html);
        assertThat(m.find()).as("a form with a CSRF token").isTrue();
        return m.group(1);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** A browser's cookie jar, by hand: one session cookie sent to whichever instance. */
    private static final class Browser {
        private final HttpClient http = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        private String session;

        void login(int port, String username) throws IOException, InterruptedException {
            String token = csrf(get(port, "/login").body());
            HttpResponse<String> r =
                    post(port, "/login", "username=" + enc(username) + "&password=demo&_csrf=" + enc(token));
            assertThat(r.statusCode()).isEqualTo(302);
            assertThat(r.headers().firstValue("Location").orElse("")).doesNotContain("error");
        }

        HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
            return send(HttpRequest.newBuilder(uri(port, path)).GET());
        }

        HttpResponse<String> post(int port, String path, String form) throws IOException, InterruptedException {
            return send(HttpRequest.newBuilder(uri(port, path))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)));
        }

        private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
            request.header("Accept", "text/html");
            if (session != null) {
                request.header("Cookie", "SESSION=" + session);
            }
            HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            for (String c : r.headers().allValues("Set-Cookie")) {
                if (c.startsWith("SESSION=")) {
                    session = c.substring("SESSION=".length(), c.indexOf(';'));
                }
            }
            return r;
        }

        private static URI uri(int port, String path) {
            return URI.create("http://localhost:" + port + path);
        }
    }
}
