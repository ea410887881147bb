package org.mandate;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The bad-input corpus: every POST, PUT and PATCH operation of the OpenAPI document, sent (as admin, so that
 * authorisation hides nothing) wrong types per property, missing fields, huge and broken strings, deep
 * JSON, invalid UTF-8, huge and tiny numbers, impossible dates, unknown enums and ordinals, wrong media
 * types. Every answer must be a 4xx problem details, and no row of any table may change.
 */
@MandateIntegrationTest
class BadInputCorpusIntegrationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * Tables written by background jobs (scheduler locks), not by requests; and the feedback rate limit, which
     * counts every attempt before the input is read, bad ones included, so that a flood of bad ratings is
     * slowed like a flood of good ones.
     */
    private static final List<String> NOT_COMPARED =
            List.of("shedlock", "flyway_schema_history", "feedback_rate_limit");

    /**
     * Inputs that are not bad for their operation: the public feedback form's {@code website} is a honeypot
     * (anything there is accepted and silently dropped, by design); password length belongs to the account
     * policy (issue 13, accounts part), and a user's username is the path's, not the body's.
     */
    private static final List<String> EXEMPT = List.of(
            "POST /api/v1/public/feedback website = 100k characters",
            "POST /api/v1/users password = 100k characters",
            "PATCH /api/v1/users/{username} password = 100k characters",
            "PATCH /api/v1/users/{username} username = 100k characters");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String auth =
            "Basic " + Base64.getEncoder().encodeToString("admin:demo".getBytes(StandardCharsets.UTF_8));

    record Bad(String label, String contentType, byte[] body) {}

    record Failure(String operation, String input, int status, String contentType, String body) {
        @Override
        public String toString() {
            return operation + " <- " + input + ": " + status + " " + contentType + " "
                    + (body.length() > 300 ? body.substring(0, 300) : body);
        }
    }

    @Test
    void everyWriteOperationRefusesBadInputWithProblemDetailsAndChangesNoRow() throws Exception {
        JsonNode doc = JSON.readTree(send("GET", "/v3/api-docs", null, null).body());
        JsonNode schemas = doc.path("components").path("schemas");
        List<Failure> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        List<String> changed = new ArrayList<>();
        int operations = 0;
        List<java.util.concurrent.Callable<Void>> requests = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : doc.path("paths").properties()) {
            for (String method : List.of("post", "put", "patch")) {
                JsonNode op = path.getValue().path(method);
                // An operation that takes no body reads none: bad bodies cannot reach it.
                if (op.isMissingNode() || op.path("requestBody").isMissingNode()) {
                    continue;
                }
                operations++;
                String uri = concrete(path.getKey());
                String name = method.toUpperCase() + " " + path.getKey();
                for (Bad bad : inputs(op, schemas)) {
                    if (EXEMPT.contains(name + " " + bad.label())) {
                        continue;
                    }
                    requests.add(() -> {
                        HttpResponse<byte[]> r = send(method.toUpperCase(), uri, bad.contentType(), bad.body());
                        String type = r.headers().firstValue("Content-Type").orElse("");
                        String body = new String(r.body(), StandardCharsets.UTF_8);
                        if (r.statusCode() < 400 || r.statusCode() >= 500 || !isProblem(type, body, r.statusCode())) {
                            failures.add(new Failure(name, bad.label(), r.statusCode(), type, body));
                        }
                        return null;
                    });
                }
            }
        }
        // Four clients at once: the corpus stays well under two minutes; every request must fail anyway.
        Map<String, Long> before = rowCounts();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            for (var f : pool.invokeAll(requests)) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        Map<String, Long> after = rowCounts();
        if (!after.equals(before)) {
            changed.add(difference(before, after));
        }
        assertThat(operations).as("operations in the OpenAPI document").isGreaterThan(30);
        assertThat(requests).hasSizeGreaterThan(1000);
        org.assertj.core.api.SoftAssertions soft = new org.assertj.core.api.SoftAssertions();
        soft.assertThat(failures).as("answers that are not 4xx problem details").isEmpty();
        soft.assertThat(changed).as("operations that changed rows").isEmpty();
        soft.assertAll();
    }

    /** The generic bad bodies every operation gets, and bad values per property of its JSON body. */
    private List<Bad> inputs(JsonNode op, JsonNode schemas) {
        List<Bad> out = new ArrayList<>();
        JsonNode content = op.path("requestBody").path("content");
        boolean json = content.has("application/json") || content.isEmpty();
        JsonNode schema = resolve(content.path("application/json").path("schema"), schemas);
        String jsonType = "application/json";
        out.add(text("not JSON", jsonType, "{\"a\": "));
        out.add(text("deep arrays", jsonType, "[".repeat(5000) + "]".repeat(5000)));
        out.add(text("deep objects", jsonType, "{\"a\":".repeat(5000) + "1" + "}".repeat(5000)));
        out.add(new Bad(
                "invalid UTF-8", jsonType, new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xff, (byte) 0xfe, '"', '}'
                }));
        out.add(new Bad(
                "invalid UTF-8 key", jsonType, new byte[] {'{', '"', (byte) 0xc3, (byte) 0x28, '"', ':', '1', '}'}));
        out.add(text("wrong media type", "application/x-unknown", "x"));
        out.add(text("JSON as XML", "application/xml", "<a/>"));
        out.add(text("trailing garbage", jsonType, "{} }"));
        if (!json) {
            return out;
        }
        if (schema.path("type").asString("object").equals("object") || schema.has("properties")) {
            out.add(text("a number instead of an object", jsonType, "12"));
            out.add(text("a string instead of an object", jsonType, "\"x\""));
            out.add(text("an array instead of an object", jsonType, "[1, 2]"));
            out.add(text("an unknown field", jsonType, "{\"noSuchField\": 1}"));
        }
        for (Map.Entry<String, JsonNode> p : schema.path("properties").properties()) {
            JsonNode prop = resolve(p.getValue(), schemas);
            for (Map.Entry<String, String> v : badValues(prop, schemas).entrySet()) {
                out.add(text(
                        p.getKey() + " = " + v.getKey(), jsonType, "{\"" + p.getKey() + "\": " + v.getValue() + "}"));
            }
        }
        return out;
    }

    /** Bad JSON values for a property, by its declared type. */
    private Map<String, String> badValues(JsonNode prop, JsonNode schemas) {
        Map<String, String> v = new LinkedHashMap<>();
        String type = prop.path("type").asString(prop.has("properties") ? "object" : "");
        String format = prop.path("format").asString("");
        v.put("an object", "{\"x\": 1}");
        switch (type) {
            case "string" -> {
                v.put("a number", "12");
                v.put("a boolean", "true");
                v.put("an array", "[\"a\"]");
                if (format.equals("date")) {
                    v.put("a year 99999", "\"+99999-01-01\"");
                    v.put("month 13", "\"2026-13-45\"");
                    v.put("year 1066", "\"1066-10-14\"");
                } else if (format.equals("date-time")) {
                    v.put("a bad instant", "\"2026-13-45T99:00:00Z\"");
                } else if (prop.has("enum")) {
                    v.put("an unknown enum", "\"NO_SUCH_VALUE\"");
                    v.put("an ordinal", "0");
                } else {
                    v.put("a NUL", "\"a\\u0000b\"");
                    v.put("a lone surrogate", "\"a\\ud800b\"");
                    v.put("a lone low surrogate", "\"\\udc00\"");
                    v.put("a control character", "\"a\\u0007b\"");
                    v.put("100k characters", "\"" + "x".repeat(100_000) + "\"");
                }
            }
            case "integer" -> {
                v.put("a fraction", "1.5");
                v.put("1e10000000", "1e10000000");
                v.put("-1e400", "-1e400");
                v.put("2^63", "9223372036854775808");
                v.put("a text", "\"abc\"");
                v.put("a boolean", "true");
            }
            case "number" -> {
                v.put("1e10000000", "1e10000000");
                v.put("-1e400", "-1e400");
                v.put("2^63", "9223372036854775808");
                v.put("1e10000000 as text", "\"1e10000000\"");
                v.put("a text", "\"abc\"");
                v.put("a boolean", "true");
            }
            case "boolean" -> {
                v.put("a text", "\"maybe\"");
                v.put("a fraction", "0.5");
            }
            case "array" -> {
                v.remove("an object");
                v.put("a text", "\"abc\"");
                JsonNode items = resolve(prop.path("items"), schemas);
                String itemType = items.path("type").asString("");
                if (itemType.equals("string")) {
                    v.put("an array with NUL", "[\"a\\u0000\"]");
                    v.put("an array of numbers", "[1e10000000]");
                } else if (itemType.equals("integer")) {
                    v.put("an array of fractions", "[1.5]");
                    v.put("an array of 2^63", "[9223372036854775808]");
                }
            }
            case "object" -> {
                v.remove("an object");
                v.put("a text", "\"abc\"");
                v.put("a number", "1e10000000");
                for (Map.Entry<String, JsonNode> inner : prop.path("properties").properties()) {
                    JsonNode innerType = resolve(inner.getValue(), schemas);
                    if (innerType.path("type").asString("").equals("string")) {
                        v.put(inner.getKey() + " with NUL", "{\"" + inner.getKey() + "\": \"\\u0000\"}");
                    }
                }
            }
            default -> v.put("a huge number", "1e10000000");
        }
        return v;
    }

    private static JsonNode resolve(JsonNode schema, JsonNode schemas) {
        JsonNode s = schema;
        for (int i = 0; i < 5 && s.has("$ref"); i++) {
            String ref = s.path("$ref").asString();
            s = schemas.path(ref.substring(ref.lastIndexOf('/') + 1));
        }
        return s;
    }

    /** A path with its parameters filled by values that exist in the demo data, so that validation runs. */
    private String concrete(String template) {
        String p = template;
        p = p.replace("/tasks/{id}/rebaselines/{requestId}", "/tasks/" + first("task") + "/rebaselines/1");
        p = p.replace("/tasks/{id}", "/tasks/" + first("task"));
        p = p.replace("/bottlenecks/{id}", "/bottlenecks/" + first("bottleneck"));
        p = p.replace("/reports/{id}", "/reports/" + first("report"));
        p = p.replace("/appraisals/{id}", "/appraisals/" + first("reviews_appraisal"));
        p = p.replace("/supervisions/{id}", "/supervisions/" + first("reviews_supervision"));
        p = p.replace("/comments/{id}", "/comments/" + first("feedback_comment"));
        p = p.replace("/org-units/{code}", "/org-units/CAOBANG");
        p = p.replace("{slug}", "72-nq-tw");
        p = p.replace("/indicators/{code}", "/indicators/" + firstIndicator());
        p = p.replace("{username}", "reporter.caobang");
        return p.replaceAll("\\{[^}]+}", "1");
    }

    private String first(String table) {
        Long id = jdbc.sql("select min(id) from " + table).query(Long.class).single();
        return id == null ? "1" : String.valueOf(id);
    }

    private String firstIndicator() {
        return jdbc.sql("select min(code) from indicator").query(String.class).single();
    }

    private Map<String, Long> rowCounts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        List<String> tables = jdbc.sql("""
                        select table_name from information_schema.tables
                         where lower(table_schema) = 'public' and table_type in ('BASE TABLE', 'TABLE')
                         order by table_name
                        """).query(String.class).list();
        for (String t : tables) {
            if (!NOT_COMPARED.contains(t.toLowerCase())) {
                counts.put(
                        t,
                        jdbc.sql("select count(*) from " + t).query(Long.class).single());
            }
        }
        return counts;
    }

    private static String difference(Map<String, Long> before, Map<String, Long> after) {
        StringBuilder out = new StringBuilder();
        Iterator<String> it = after.keySet().iterator();
        while (it.hasNext()) {
            String t = it.next();
            if (!after.get(t).equals(before.get(t))) {
                out.append(t)
                        .append(' ')
                        .append(before.get(t))
                        .append("->")
                        .append(after.get(t))
                        .append(' ');
            }
        }
        return out.toString();
    }

    private static boolean isProblem(String contentType, String body, int status) {
        if (!contentType.startsWith("application/problem+json")) {
            return false;
        }
        try {
            JsonNode n = JSON.readTree(body);
            return n.path("status").asInt() == status
                    && !n.path("title").asString("").isBlank();
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static Bad text(String label, String type, String body) {
        return new Bad(label, type, body.getBytes(StandardCharsets.UTF_8));
    }

    private HttpResponse<byte[]> send(String method, String path, String type, byte[] body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", auth)
                .header("Accept-Language", "en");
        if (type != null) {
            b.header("Content-Type", type);
        }
        b.method(
                method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
