package org.mandate.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mandate.Api;
import org.mandate.MandateIntegrationTest;
import org.mandate.indicators.Fixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.unit.DataSize;

/** Requests a hostile client sends: each gets a 4xx problem details and leaves the server answering. */
@MandateIntegrationTest
class HostileInputIntegrationTests {

    static final long MAX_MONEY = 1_000_000_000_000_000L;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    static String unique(String prefix) {
        return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    static String task(String title, String budget) {
        LocalDate today = LocalDate.now();
        return """
                {"title": "%s", "description": "Hostile input", "resolution": "72-nq-tw",
                 "solutionGroup": "72-S02", "leadUnit": "CAOBANG", "responsiblePerson": "Nguyen Van A",
                 "approver": "CAOBANG", "startOn": "%s", "deadline": "%s", "expectedResult": "Done",
                 "kind": "POLICY", "status": "NOT_STARTED",
                 "budgetPlanned": %s, "budgetAllocated": %s, "budgetDisbursed": 0}
                """.formatted(title, today, today.plusDays(30), budget, budget);
    }

    static void assertProblem(Api.Response r, int status) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.contentType()).as(r.body()).startsWith("application/problem+json");
        assertThat(r.json().path("status").asInt()).isEqualTo(status);
        assertThat(r.json().path("title").asString()).isNotBlank();
    }

    @Test
    void moneyHasAMaximumAndItsSumsCannotOverflow() {
        Api steering = Api.as(port, "steering");
        var tooMuch = steering.post("/api/v1/tasks", task(unique("Too rich"), "9223372036854775807"));
        assertProblem(tooMuch, 400);
        assertThat(tooMuch.errorFields()).contains("budgetPlanned", "budgetAllocated");
        var beyondLong = steering.post("/api/v1/tasks", task(unique("Beyond long"), "9223372036854775808"));
        assertProblem(beyondLong, 400);
        assertThat(beyondLong.errorFields()).containsExactly("budgetPlanned");

        var atMax = steering.post("/api/v1/tasks", task(unique("At the maximum"), String.valueOf(MAX_MONEY)));
        assertThat(atMax.status()).as(atMax.body()).isEqualTo(201);
        // Rows stored before the maximum existed: two at Long.MAX_VALUE would overflow a sum of longs.
        long legacy = atMax.json().path("id").asLong();
        jdbc.sql("update task set budget_planned = 9223372036854775807, budget_allocated = 9223372036854775807"
                        + " where id = :id")
                .param("id", legacy)
                .update();
        var second = steering.post("/api/v1/tasks", task(unique("Second"), String.valueOf(MAX_MONEY)));
        assertThat(second.status()).as(second.body()).isEqualTo(201);
        jdbc.sql("update task set budget_planned = 9223372036854775807 where id = :id")
                .param("id", second.json().path("id").asLong())
                .update();
        steering.patch("/api/v1/tasks/" + legacy, "{\"title\": \"" + unique("Legacy") + "\"}");

        var summary = steering.get("/api/v1/dashboard/summary?resolution=72-nq-tw");
        assertThat(summary.status()).as(summary.body()).isEqualTo(200);
        assertThat(summary.json().path("budgetPlanned").decimalValue())
                .isGreaterThan(new java.math.BigDecimal("18446744073709551613"));
        assertThat(steering.get("/api/v1/tasks/counts?resolution=72-nq-tw").status())
                .isEqualTo(200);
        assertThat(steering.get("/dashboard?resolution=72-nq-tw").status()).isEqualTo(200);
        assertThat(Api.as(port, "leader.caobang").get("/dashboard").status()).isEqualTo(200);
        assertThat(steering.get("/tasks/" + legacy).status()).isEqualTo(200);
        var published = steering.post("/api/v1/publications", "");
        assertThat(published.status()).as(published.body()).isEqualTo(201);
        jdbc.sql("update task set budget_planned = :max, budget_allocated = :max where id in (:ids)")
                .param("max", MAX_MONEY)
                .param("ids", java.util.List.of(legacy, second.json().path("id").asLong()))
                .update();
    }

    @Value("${mandate.limits.import-size}")
    DataSize importLimit;

    /** A CSV of data values just over the import limit, generated as it is sent. */
    private InputStream oversizedCsv(long bytes) {
        return oversizedCsv(bytes, "", 200);
    }

    /** A CSV of {@code bytes} bytes: a header, then rows long enough that the size limit comes first. */
    private InputStream oversizedCsv(long bytes, String header, int pad) {
        byte[] row = ("R70_NONE,CAOBANG,2026,1," + "x".repeat(pad) + "\n").getBytes(StandardCharsets.US_ASCII);
        byte[] head = header.getBytes(StandardCharsets.US_ASCII);
        return new InputStream() {
            long sent;

            private byte at(long i) {
                return i < head.length ? head[(int) i] : row[(int) ((i - head.length) % row.length)];
            }

            @Override
            public int read() {
                return sent < bytes ? at(sent++) : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (sent >= bytes) {
                    return -1;
                }
                int n = (int) Math.min(len, bytes - sent);
                for (int i = 0; i < n; i++) {
                    b[off + i] = at(sent++);
                }
                return n;
            }
        };
    }

    private Api.Response send(HttpRequest.Builder request) throws Exception {
        HttpResponse<byte[]> r =
                HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        return new Api.Response(
                r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
    }

    private HttpRequest.Builder rawPost(String path, String type) {
        String basic =
                java.util.Base64.getEncoder().encodeToString("reporter.caobang:demo".getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", type)
                .timeout(Duration.ofSeconds(30));
    }

    /**
     * Sends only the head of a request that declares a body of {@code length} bytes, and reads the answer:
     * the server must answer without waiting for the body.
     */
    private Api.Response declaredOnly(String path, String type, long length) throws Exception {
        try (java.net.Socket socket = new java.net.Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            String basic = java.util.Base64.getEncoder()
                    .encodeToString("reporter.caobang:demo".getBytes(StandardCharsets.UTF_8));
            String head = "POST " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Basic " + basic
                    + "\r\nContent-Type: " + type + "\r\nContent-Length: " + length + "\r\nAccept-Language: en\r\n\r\n";
            socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            return readResponse(socket);
        }
    }

    /**
     * Streams a chunked body from another thread (as a client that keeps sending
     * would) and reads the answer as soon as it comes.
     */
    private Api.Response streamed(String path, String type, java.util.function.Supplier<InputStream> content)
            throws Exception {
        try (java.net.Socket socket = new java.net.Socket("localhost", port)) {
            socket.setSoTimeout(20_000);
            String basic = java.util.Base64.getEncoder()
                    .encodeToString("reporter.caobang:demo".getBytes(StandardCharsets.UTF_8));
            String head = "POST " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Basic " + basic
                    + "\r\nContent-Type: " + type + "\r\nTransfer-Encoding: chunked\r\nAccept-Language: en\r\n\r\n";
            java.io.OutputStream out = socket.getOutputStream();
            Thread writer = new Thread(() -> {
                try (InputStream body = content.get()) {
                    out.write(head.getBytes(StandardCharsets.US_ASCII));
                    byte[] buffer = new byte[64 * 1024];
                    for (int n = body.read(buffer); n > 0; n = body.read(buffer)) {
                        out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                        out.write(buffer, 0, n);
                        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                    }
                    out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                } catch (java.io.IOException e) {
                    // The server stopped reading: expected once it has answered.
                }
            });
            writer.setDaemon(true);
            writer.start();
            return readResponse(socket);
        }
    }

    private static Api.Response readResponse(java.net.Socket socket) throws java.io.IOException {
        {
            java.io.DataInputStream in = new java.io.DataInputStream(socket.getInputStream());
            String status = readLine(in);
            String contentType = "";
            long contentLength = -1;
            boolean chunked = false;
            for (String h = readLine(in); !h.isEmpty(); h = readLine(in)) {
                String lower = h.toLowerCase(java.util.Locale.ROOT);
                if (lower.startsWith("content-type:")) {
                    contentType = h.substring(13).trim();
                } else if (lower.startsWith("content-length:")) {
                    contentLength = Long.parseLong(h.substring(15).trim());
                } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                    chunked = true;
                }
            }
            java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
            if (chunked) {
                for (int size = Integer.parseInt(readLine(in).trim(), 16);
                        size > 0;
                        size = Integer.parseInt(readLine(in).trim(), 16)) {
                    byte[] chunk = new byte[size];
                    in.readFully(chunk);
                    body.write(chunk);
                    readLine(in);
                }
            } else if (contentLength >= 0) {
                byte[] all = new byte[(int) contentLength];
                in.readFully(all);
                body.write(all);
            }
            return new Api.Response(Integer.parseInt(status.split(" ")[1]), contentType, body.toByteArray());
        }
    }

    private static String readLine(java.io.InputStream in) throws java.io.IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c >= 0 && c != '\n'; c = in.read()) {
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    @Test
    void rawBodiesOverTheLimitGet413ProblemDetailsAndTheServerKeepsAnswering() throws Exception {
        long over = importLimit.toBytes() + 512 * 1024;
        for (String path : List.of("/api/v1/data-values", "/api/v1/tasks/import")) {
            // Streamed (chunked, no length): cut at the limit while it is read.
            long start = System.nanoTime();
            // Task rows are longer (10,000 of them at most): the size limit comes before the row limit.
            boolean tasks = path.contains("tasks");
            Api.Response chunked = streamed(
                    path,
                    "text/csv",
                    () -> oversizedCsv(
                            over,
                            tasks ? "title,leadUnit,description,responsiblePerson,expectedResult\n" : "",
                            tasks ? 2000 : 200));
            assertProblem(chunked, 413);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
            // Declared length beyond the limit: answered before a byte of the body is sent or read.
            Api.Response declared = declaredOnly(path, "text/csv", 150L * 1024 * 1024);
            assertProblem(declared, 413);
        }
        // A JSON body has a limit of a few MB.
        assertProblem(
                Api.as(port, "steering").post("/api/v1/tasks", "{\"title\":\"" + "x".repeat(5_000_000) + "\"}"), 413);
        // Multipart over the limit: problem details too, not a bare 413.
        byte[] file = oversizedCsv(over).readAllBytes();
        String boundary = "----mandate" + UUID.randomUUID();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"v.csv\"\r\n"
                        + "Content-Type: text/csv\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        java.io.ByteArrayOutputStream multipart = new java.io.ByteArrayOutputStream();
        multipart.write(head);
        multipart.write(file);
        multipart.write(tail);
        byte[] body = multipart.toByteArray();
        assertProblem(
                declaredOnly("/api/v1/data-values", "multipart/form-data; boundary=" + boundary, body.length), 413);
        // Streamed multipart: the container's multipart limit, answered as problem details too.
        assertProblem(
                streamed(
                        "/api/v1/tasks/import",
                        "multipart/form-data; boundary=" + boundary,
                        () -> new java.io.ByteArrayInputStream(body)),
                413);
        Api.Response health = Api.anonymous(port).get("/actuator/health");
        assertThat(health.status()).as(health.body()).isEqualTo(200);
        assertThat(health.body()).contains("UP");
        // And a normal import still works afterwards.
        String code = Fixtures.indicator(Api.as(port, "steering"), "BND", "YEARLY", "SUM", null, "");
        Api.Response ok = send(rawPost("/api/v1/data-values", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "indicator,orgUnit,period,value\n" + code + ",CAOBANG,2025,12\n")));
        assertThat(ok.status()).as(ok.body()).isEqualTo(200);
    }

    @Test
    void hugeExponentsAreRefusedAtOnceNamingTheFieldAndExpertsAreRefusedBeforeParsing() {
        Api steering = Api.as(port, "steering");
        Api reporter = Api.as(port, "reporter.caobang");
        String code = Fixtures.indicator(steering, "BND", "YEARLY", "SUM", null, "");
        StringBuilder batch = new StringBuilder("[");
        for (int i = 0; i < 2000; i++) {
            batch.append(i == 0 ? "" : ",")
                    .append(Fixtures.value(
                            code,
                            "CAOBANG",
                            String.valueOf(1950 + i % 200),
                            i % 2 == 0 ? "1e10000000" : "1e-10000000"));
        }
        long start = System.nanoTime();
        Api.Response refused =
                reporter.post("/api/v1/data-values", batch.append("]").toString());
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertProblem(refused, 400);
        // An exponent of more than three digits is refused unread, huge or tiny.
        assertThat(refused.errorFields())
                .contains("[0].value", "[1].value", "[499].value")
                .hasSize(500);
        // The answer stays small: the first 500 problems, and how many more there were.
        assertThat(refused.json().path("errorsOmitted").asInt()).isEqualTo(1500);
        // 2,000 rows, each of which once cost seconds of CPU: now all of them together well under a second.
        assertThat(took).isLessThan(Duration.ofSeconds(2));
        for (String value : List.of("9223372036854775808", "1e17", "-1e400", "12345678901234567")) {
            Api.Response r =
                    reporter.post("/api/v1/data-values", "[" + Fixtures.value(code, "CAOBANG", "2025", value) + "]");
            assertProblem(r, 400);
            assertThat(r.errorFields()).containsExactly("[0].value");
        }

        // A JSON number is read exactly, as the same figure in a string or a CSV cell: no double in between.
        String periodic = Fixtures.indicator(steering, "BNJ", "YEARLY", "SUM", null, "");
        String[][] exact = {
            {"2020", "1234567890123.4567"}, {"2021", "9999999999999999.9999"}, {"2022", "0.1"}, {"2023", "12"}
        };
        for (String[] c : exact) {
            Api.Response ok = reporter.post(
                    "/api/v1/data-values",
                    "[{\"indicator\":\"" + periodic + "\",\"orgUnit\":\"CAOBANG\",\"period\":\"" + c[0]
                            + "\",\"value\":" + c[1] + "}]");
            assertThat(ok.status()).as(c[1] + ": " + ok.body()).isEqualTo(200);
            // The stored value as the API prints it (scale 4), read from the raw text, not through a double.
            String listed = reporter.get(
                            "/api/v1/data-values?indicator=" + periodic + "&orgUnit=CAOBANG&period=" + c[0])
                    .body();
            java.util.regex.Matcher m =
                    java.util.regex.Pattern.compile("\"value\":\"?([0-9.E+-]+)").matcher(listed);
            assertThat(m.find()).as(listed).isTrue();
            assertThat(new java.math.BigDecimal(m.group(1))).as(c[1]).isEqualByComparingTo(c[1]);
        }
        for (String number : List.of("1e-10000000", "1e10000000", "1E400")) {
            Api.Response r = reporter.post(
                    "/api/v1/data-values",
                    "[{\"indicator\":\"" + periodic + "\",\"orgUnit\":\"CAOBANG\",\"period\":\"2024\",\"value\":"
                            + number + "}]");
            assertProblem(r, 400);
            assertThat(r.errorFields()).as(number).containsExactly("[0].value");
        }

        // Decimal fields of indicators and goals: 2^63 and 1e10000000 are refused, naming the field.
        String base = "{\"code\":\"BND_" + Fixtures.unique() + "\",\"names\":{\"vi\":\"Bound\"},\"unit\":\"u\","
                + "\"direction\":\"HIGHER_IS_BETTER\",\"periodicity\":\"YEARLY\",\"aggregation\":\"SUM\",";
        Api.Response min = steering.post("/api/v1/indicators", base + "\"plausibleMin\": 9223372036854775808}");
        assertProblem(min, 400);
        assertThat(min.errorFields()).containsExactly("plausibleMin");
        Api.Response target =
                steering.post("/api/v1/indicators", base + "\"targets\":[{\"year\":2030,\"value\":1e10000000}]}");
        assertProblem(target, 400);
        assertThat(target.errorFields()).containsExactly("targets[0].value");
        Api.Response goal = steering.post(
                "/api/v1/resolutions/72-nq-tw/goals",
                "{\"code\":\"G-" + Fixtures.unique()
                        + "\",\"description\":{\"vi\":\"x\"},\"targetValue\":\"1e10000000\"}");
        assertProblem(goal, 400);
        assertThat(goal.errorFields()).containsExactly("targetValue");

        // An expert may not write values: 403 before the body is even read (this one is not JSON at all).
        Api expert = Api.as(port, "expert");
        assertProblem(expert.post("/api/v1/data-values", "[{ not json"), 403);
        assertProblem(
                expert.postBytes("/api/v1/data-values", "text/csv", "\u0000\u0001,\"".getBytes(StandardCharsets.UTF_8)),
                403);
    }

    @Test
    void formulasInTextCellsAreNeutralisedInStaffExportsAndOpenData() throws Exception {
        Api steering = Api.as(port, "steering");
        String formula = "=HYPERLINK(\\\"http://evil.example\\\")";
        var created = steering.post("/api/v1/tasks", task(formula, "1000"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().path("id").asLong();
        String expected = "'=HYPERLINK(\"\"http://evil.example\"\")";

        String csv =
                steering.get("/api/v1/tasks/export.csv?resolution=72-nq-tw").body();
        assertThat(csv).contains(id + ",\"" + expected + "\"");
        assertThat(csv).doesNotContain(",\"=HYPERLINK").doesNotContain(",=HYPERLINK");

        var xlsx = steering.get("/api/v1/tasks/export.xlsx?resolution=72-nq-tw");
        try (var book =
                new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx.bytes()))) {
            var sheet = book.getSheetAt(0);
            String title = null;
            for (var row : sheet) {
                if (row.getRowNum() > 0 && (long) row.getCell(0).getNumericCellValue() == id) {
                    title = row.getCell(1).getStringCellValue();
                }
            }
            assertThat(title).isEqualTo("'=HYPERLINK(\"http://evil.example\")");
        }

        var published = steering.post("/api/v1/publications", "");
        assertThat(published.status()).as(published.body()).isEqualTo(201);
        String tasksCsv = Api.anonymous(port)
                .get("/api/v1/public/publications/"
                        + published.json().path("id").asLong() + "/files/tasks.csv")
                .body();
        assertThat(tasksCsv).contains(expected).doesNotContain(",\"=HYPERLINK").doesNotContain(",=HYPERLINK");
        // A plain negative number is still a number.
        assertThat(SpreadsheetText.neutralise("-12.5")).isEqualTo("-12.5");
        assertThat(SpreadsheetText.neutralise("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(SpreadsheetText.neutralise("\tx")).isEqualTo("'\tx");
    }

    @Test
    void pageAndSizeAreClampedOnEveryListNeverA500() {
        Api admin = Api.as(port, "admin");
        Api anyone = Api.anonymous(port);
        List<String> staff = List.of(
                "/api/v1/tasks",
                "/api/v1/data-values",
                "/api/v1/indicators",
                "/api/v1/bottlenecks",
                "/api/v1/reports",
                "/api/v1/audit",
                "/api/v1/feedback/comments",
                "/api/v1/supervisions",
                "/api/v1/appraisals",
                "/api/v1/publications",
                "/api/v1/org-units");
        List<String> open = List.of(
                "/api/v1/public/publications",
                "/api/v1/public/supervisions",
                "/api/v1/public/appraisals",
                "/api/v1/org-units",
                "/api/v1/public/feedback?target=resolution:72-nq-tw");
        for (String query : List.of(
                "page=2147483647", "page=-2147483648", "size=2147483647", "size=-5", "page=2147483647&size=500")) {
            for (String path : staff) {
                Api.Response r = admin.get(path + (path.contains("?") ? "&" : "?") + query);
                assertThat(r.status()).as(path + "?" + query + " " + r.body()).isEqualTo(200);
            }
            for (String path : open) {
                Api.Response r = anyone.get(path + (path.contains("?") ? "&" : "?") + query);
                assertThat(r.status()).as(path + "?" + query + " " + r.body()).isLessThan(500);
            }
        }
        Api.Response clamped = admin.get("/api/v1/tasks?page=2147483647&size=100000");
        assertThat(clamped.json().path("size").asInt()).isEqualTo(500);
        assertThat(clamped.json().path("items").size()).isZero();
        Api.Response notANumber = admin.get("/api/v1/tasks?page=99999999999");
        assertProblem(notANumber, 400);
        assertThat(notANumber.errorFields()).containsExactly("page");
    }

    @Test
    void strictInputTextsDatesIntegersEnumsAndUnknownFields() {
        Api steering = Api.as(port, "steering");
        Api admin = Api.as(port, "admin");
        String title = unique("Strict");
        // NUL and a lone surrogate in a text field: 400 naming the field (PostgreSQL would refuse NUL: never a 500).
        for (String bad : List.of("\\u0000", "\\ud800", "a\\udc00b")) {
            Api.Response r = steering.post("/api/v1/tasks", task(title + bad, "0"));
            assertProblem(r, 400);
            assertThat(r.errorFields()).containsExactly("title");
        }
        // Dates outside 1900-2200, impossible dates.
        for (String date : List.of("+99999-01-01", "2026-13-45", "1899-12-31", "2201-01-01", "20260101")) {
            Api.Response r = steering.post(
                    "/api/v1/tasks",
                    task(title, "0").replaceFirst("\"startOn\": \"[^\"]*\"", "\"startOn\": \"" + date + "\""));
            assertProblem(r, 400);
            assertThat(r.errorFields()).containsExactly("startOn");
        }
        // Integers refuse fractions; out-of-range integers are refused, not wrapped.
        Api.Response fraction = steering.post("/api/v1/tasks", task(title, "1.5"));
        assertProblem(fraction, 400);
        assertThat(fraction.errorFields()).containsExactly("budgetPlanned");
        Api.Response created = steering.post("/api/v1/tasks", task(title, "10"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().path("id").asLong();
        Api.Response weight = steering.patch("/api/v1/tasks/" + id, "{\"weight\": 2.5}");
        assertProblem(weight, 400);
        assertThat(weight.errorFields()).containsExactly("weight");
        Api.Response report = steering.post("/api/v1/tasks/" + id + "/updates", "{\"progress\": 10.5}");
        assertProblem(report, 400);
        assertThat(report.errorFields()).containsExactly("progress");
        Api.Response tooMuch = steering.post("/api/v1/tasks/" + id + "/updates", "{\"progress\": 101}");
        assertProblem(tooMuch, 400);
        assertThat(tooMuch.errorFields()).containsExactly("progress");
        // A field the operation does not take is refused, not ignored.
        Api.Response ignored = steering.patch("/api/v1/tasks/" + id, "{\"progress\": 101}");
        assertProblem(ignored, 400);
        assertThat(ignored.errorFields()).containsExactly("progress");
        // A field given twice, and an integer sent as a string: refused, not read as the last or converted.
        Api.Response twice = steering.patch("/api/v1/tasks/" + id, "{\"title\": \"a title\", \"title\": \"another\"}");
        assertProblem(twice, 400);
        Api.Response quoted = steering.patch("/api/v1/tasks/" + id, "{\"budgetPlanned\": \"100\"}");
        assertProblem(quoted, 400);
        assertThat(quoted.errorFields()).containsExactly("budgetPlanned");
        // Enums by name only.
        Api.Response ordinal = steering.patch("/api/v1/tasks/" + id, "{\"kind\": 0}");
        assertProblem(ordinal, 400);
        assertThat(ordinal.errorFields()).containsExactly("kind");
        Api.Response role = admin.post(
                "/api/v1/users",
                "{\"username\":\"u" + Fixtures.unique().toLowerCase()
                        + "\",\"password\":\"a-long-password-123\",\"role\":0}");
        assertProblem(role, 400);
        assertThat(role.errorFields()).containsExactly("role");
        // Texts must be JSON strings.
        Api.Response number = steering.patch("/api/v1/tasks/" + id, "{\"title\": 12}");
        assertProblem(number, 400);
        assertThat(number.errorFields()).containsExactly("title");
        // displayName over its column: 400, not a 500 from the database.
        Api.Response longName = admin.post(
                "/api/v1/users",
                "{\"username\":\"u" + Fixtures.unique().toLowerCase() + "\",\"password\":\"a-long-password-123\","
                        + "\"displayName\":\"" + "x".repeat(201)
                        + "\",\"role\":\"REPORTER\",\"scopeUnit\":\"CAOBANG\"}");
        assertProblem(longName, 400);
        assertThat(longName.errorFields()).containsExactly("displayName");
        // NUL in a query parameter or a path: 400 naming it, before the database sees it.
        Api.Response query = admin.get("/api/v1/tasks?orgUnit=CAO%00BANG");
        assertProblem(query, 400);
        assertThat(query.errorFields()).containsExactly("orgUnit");
        assertProblem(admin.get("/api/v1/indicators/X%00Y"), 400);
        // An encoded "/" in a path and a 1 MB query string: problem details, not Tomcat's HTML page.
        Api.Response slash = admin.get("/api/v1/indicators/a%2Fb");
        assertProblem(slash, 400);
        Api.Response longQuery = admin.get("/api/v1/tasks?orgUnit=" + "x".repeat(1024 * 1024));
        assertThat(longQuery.status()).as(longQuery.body()).isBetween(400, 431);
        assertThat(longQuery.contentType()).as(longQuery.body()).startsWith("application/problem+json");
        assertThat(Api.anonymous(port).get("/actuator/health").status()).isEqualTo(200);
    }

    @Test
    void theFirewallsRefusalsAreProblemDetailsInTheCallersLanguage() throws Exception {
        for (String path : List.of(
                "/api/v1/tasks;x",
                "/api/v1//tasks",
                "/api/v1/./tasks",
                "/api/v1/tasks/../tasks",
                "/api/v1/tasks/%252F",
                "/api/v1/tasks/%2e%2e/",
                "/api/v1/public/publications;x=1")) {
            Api.Response r = send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Accept-Language", "vi")
                    .GET());
            assertThat(r.status()).as(path).isEqualTo(400);
            assertThat(r.contentType()).as(path + " " + r.body()).startsWith("application/problem+json");
            assertThat(r.json().path("detail").asString()).as(path).isEqualTo("Địa chỉ chứa ký tự không được phép.");
        }
        for (String method : List.of("FOO", "PROPFIND", "TRACE")) {
            Api.Response r = send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/tasks"))
                    .method(method, HttpRequest.BodyPublishers.noBody()));
            assertThat(r.status()).as(method).isBetween(400, 405);
            assertThat(r.contentType()).as(method + " " + r.body()).startsWith("application/problem+json");
        }
        assertThat(Api.anonymous(port).get("/actuator/health").status()).isEqualTo(200);
    }

    /** An XLSX whose sheet expands far beyond its size (a zip bomb) or beyond the part limit. */
    private static byte[] bomb(boolean ratio) throws Exception {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        if (ratio) {
            try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook()) {
                var sheet = book.createSheet("tasks");
                var header = sheet.createRow(0);
                header.createCell(0).setCellValue("title");
                header.createCell(1).setCellValue("leadUnit");
                String same = "a".repeat(32_000);
                for (int r = 1; r <= 100; r++) {
                    var row = sheet.createRow(r);
                    row.createCell(0).setCellValue(same + r);
                    row.createCell(1).setCellValue(same);
                }
                book.write(out);
            }
        } else {
            try (var book = new org.apache.poi.xssf.streaming.SXSSFWorkbook(100)) {
                var sheet = book.createSheet("tasks");
                var header = sheet.createRow(0);
                header.createCell(0).setCellValue("title");
                header.createCell(1).setCellValue("leadUnit");
                for (int r = 1; r <= 200_000; r++) {
                    var row = sheet.createRow(r);
                    for (int c = 0; c < 5; c++) {
                        row.createCell(c).setCellValue(r);
                    }
                }
                book.write(out);
            }
        }
        return out.toByteArray();
    }

    @Test
    void anXlsxThatExpandsHugelyIsRefusedAs4xx() throws Exception {
        for (boolean ratio : List.of(true, false)) {
            byte[] file = bomb(ratio);
            assertThat(file.length).isLessThan((int) importLimit.toBytes());
            String xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
            Api.Response tasks = Api.as(port, "steering").postBytes("/api/v1/tasks/import", xlsx, file);
            assertProblem(tasks, 400);
            assertThat(tasks.errorFields()).containsExactly("file");
            Api.Response values = Api.as(port, "reporter.caobang").postBytes("/api/v1/data-values", xlsx, file);
            assertProblem(values, 400);
            assertThat(values.errorFields()).containsExactly("file");
        }
        assertThat(Api.anonymous(port).get("/actuator/health").status()).isEqualTo(200);
    }
}
