package org.mandate;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small HTTP client for full-application tests: real requests to the running server. */
public final class Api {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newHttpClient();
    private final int port;
    private final String authorization;
    private final String language;

    private Api(int port, String authorization, String language) {
        this.port = port;
        this.authorization = authorization;
        this.language = language;
    }

    public static Api anonymous(int port) {
        return new Api(port, null, "en");
    }

    /** Logged in with HTTP Basic as a demo user (password "demo"). */
    public static Api as(int port, String username) {
        return as(port, username, "demo");
    }

    public static Api as(int port, String username, String password) {
        String basic = Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        return new Api(port, "Basic " + basic, "en");
    }

    /** The same caller asking in another language (Accept-Language). */
    public Api in(String language) {
        return new Api(port, authorization, language);
    }

    public static Api withToken(int port, String token) {
        return new Api(port, "Bearer " + token, "en");
    }

    public Response get(String path) {
        return send(builder(path).GET());
    }

    public Response post(String path, String json) {
        return send(builder(path).header("Content-Type", "application/json").POST(body(json)));
    }

    public Response put(String path, String json) {
        return send(builder(path).header("Content-Type", "application/json").PUT(body(json)));
    }

    public Response patch(String path, String json) {
        return send(builder(path).header("Content-Type", "application/json").method("PATCH", body(json)));
    }

    public Response delete(String path) {
        return send(builder(path).DELETE());
    }

    public Response postBytes(String path, String contentType, byte[] bytes) {
        return send(
                builder(path).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(bytes)));
    }

    public String url(String path) {
        return "http://localhost:" + port + path;
    }

    private HttpRequest.Builder builder(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url(path))).header("Accept-Language", language);
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return b;
    }

    private static HttpRequest.BodyPublisher body(String json) {
        return HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8);
    }

    private Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<byte[]> r = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Response(
                    r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A response: status, content type, body as text or JSON. */
    public record Response(int status, String contentType, byte[] bytes) {

        public String body() {
            return new String(bytes, StandardCharsets.UTF_8);
        }

        public JsonNode json() {
            return JSON.readTree(bytes);
        }

        /** The field names of a problem-details {@code errors} list. */
        public java.util.List<String> errorFields() {
            java.util.List<String> fields = new java.util.ArrayList<>();
            json().path("errors").forEach(e -> fields.add(e.path("field").asString()));
            return fields;
        }

        @Override
        public String toString() {
            return status + " " + body();
        }
    }
}
