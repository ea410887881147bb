package org.mandate.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.mandate.MandateIntegrationTest;
import org.mandate.publication.Publication;
import org.mandate.publication.PublicationKind;
import org.mandate.publication.PublicationManagement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Headers and cookies on every kind of answer; redirects never take the Host header's word. */
@MandateIntegrationTest
class SecurityHeadersIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    PublicationManagement publications;

    private final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void everyAnswerCarriesThePolicyHeaders() throws Exception {
        Publication p = publications.publish(PublicationKind.MANUAL, LocalDate.now());
        String page = "/public/p/" + p.id() + "/en/index.html";
        for (String path : new String[] {
            "/",
            "/login",
            "/tasks",
            "/api/v1/public/publications",
            "/api/v1/tasks",
            page,
            page,
            "/css/mandate.css",
            "/nowhere"
        }) {
            HttpResponse<String> r = get(path);
            var h = r.headers();
            assertThat(h.firstValue("Content-Security-Policy"))
                    .as(path)
                    .hasValueSatisfying(v -> assertThat(v)
                            .contains("script-src 'self'", "frame-ancestors 'none'", "object-src 'none'")
                            .doesNotContain("unsafe-eval")
                            .doesNotContain("script-src 'self' 'unsafe-inline'"));
            assertThat(h.firstValue("Referrer-Policy")).as(path).hasValue("strict-origin-when-cross-origin");
            assertThat(h.firstValue("Permissions-Policy"))
                    .as(path)
                    .hasValueSatisfying(v -> assertThat(v).contains("camera=()", "geolocation=()"));
            assertThat(h.firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
            // Plain HTTP here: HSTS only over TLS.
            assertThat(h.firstValue("Strict-Transport-Security")).as(path).isEmpty();
        }
    }

    @Test
    void theSessionCookieIsSameSiteLaxAndHttpOnly() throws Exception {
        HttpResponse<String> r = get("/login");
        String cookie = r.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("SESSION="))
                .findFirst()
                .orElseThrow();
        assertThat(cookie).containsIgnoringCase("SameSite=Lax").containsIgnoringCase("HttpOnly");
    }

    @Test
    void redirectsAreRelativeWhateverTheHostHeaderSays() throws Exception {
        for (String path : new String[] {"/tasks", "/account", "/admin/users"}) {
            String answer = raw("GET " + path + " HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n");
            assertThat(answer).startsWith("HTTP/1.1 302");
            String location = answer.lines()
                    .filter(l -> l.regionMatches(true, 0, "Location:", 0, 9))
                    .findFirst()
                    .orElseThrow()
                    .substring(9)
                    .strip();
            assertThat(location).isEqualTo("/login").doesNotContain("evil");
        }
        // After logging in, back to the page asked for: only its path, never a host.
        assertThat(org.mandate.identity.SecurityConfigAccess.pathAndQuery("http://evil.example//evil.example/x?a=1"))
                .isEqualTo("/evil.example/x?a=1");
    }

    private String raw(String request) throws Exception {
        try (Socket s = new Socket("localhost", port)) {
            OutputStream out = s.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }
}
