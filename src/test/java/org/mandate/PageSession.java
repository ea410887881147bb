package org.mandate;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser's page session without a browser: cookies kept, redirects not followed, the CSRF token read from
 * the last page and sent with every form. For tests of form login, sessions and what pages answer.
 */
public final class PageSession {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    private final HttpClient http;
    private final int port;
    private String csrf;

    public PageSession(int port) {
        this.port = port;
        this.http = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** A page answer: status, {@code Location} (for redirects) and the body. */
    public record Page(int status, String location, String body, HttpResponse<String> raw) {}

    public Page get(String path) {
        Page page = send(HttpRequest.newBuilder(uri(path))
                .header("Accept-Language", "en")
                .GET());
        Matcher m = CSRF.matcher(page.body());
        if (m.find()) {
            csrf = m.group(1);
        }
        return page;
    }

    /** Posts a form with the CSRF token of the last page read (the login page is read first if none was). */
    public Page post(String path, Map<String, String> fields) {
        if (csrf == null) {
            get("/login?lang=en");
        }
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.put("_csrf", csrf);
        String form = all.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept-Language", "en")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    /** Form login; returns the answer (a redirect to "/" on success, to "/login?..." otherwise). */
    public Page login(String username, String password) {
        get("/login?lang=en");
        Page answer = post("/login", Map.of("username", username, "password", password));
        // The session id changes at login (fixation protection): read a fresh CSRF token for what follows.
        csrf = null;
        return answer;
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private Page send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Page(r.statusCode(), r.headers().firstValue("Location").orElse(null), r.body(), r);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
