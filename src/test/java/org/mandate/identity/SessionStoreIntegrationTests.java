package org.mandate.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.mandate.MandateIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Staff sessions live in the database: signing in writes a row with the person's name, signing out removes
 * it, and a session whose stored attributes no longer read back sends the browser to the login page
 * instead of failing.
 */
@MandateIntegrationTest
class SessionStoreIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void aSessionIsARowOfTheDatabaseAndADamagedOneSignsThePersonOut() throws Exception {
        String session = login("reporter.caobang");
        String id = new String(java.util.Base64.getDecoder().decode(session), StandardCharsets.US_ASCII);
        assertThat(jdbc.sql("select principal_name from spring_session where session_id = :id")
                        .param("id", id)
                        .query(String.class)
                        .single())
                .isEqualTo("reporter.caobang");
        assertThat(get("/tasks", session).statusCode()).isEqualTo(200);

        jdbc.sql("""
                update spring_session_attributes set attribute_bytes = :junk
                where session_primary_id = (select primary_id from spring_session where session_id = :id)
                """).param("junk", new byte[] {1, 2, 3}).param("id", id).update();
        HttpResponse<String> after = get("/tasks", session);
        assertThat(after.statusCode()).isEqualTo(302);
        assertThat(after.headers().firstValue("Location").orElse("")).contains("/login");
    }

    private String login(String username) throws Exception {
        HttpResponse<String> page = get("/login", null);
        String session = cookie(page);
        Matcher m = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(page.body());
        assertThat(m.find()).isTrue();
        String form = "username=" + username + "&password=demo&_csrf="
                + URLEncoder.encode(m.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> r = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Accept", "text/html")
                        .header("Cookie", "SESSION=" + session)
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(302);
        return cookie(r);
    }

    private HttpResponse<String> get(String path, String session) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "text/html");
        if (session != null) {
            b.header("Cookie", "SESSION=" + session);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The SESSION cookie's value, as Spring Session writes it (Base64 of the session id). */
    private static String cookie(HttpResponse<String> r) {
        String c = r.headers().allValues("Set-Cookie").stream()
                .filter(v -> v.startsWith("SESSION="))
                .findFirst()
                .orElseThrow();
        return c.substring("SESSION=".length(), c.indexOf(';'));
    }
}
