package org.mandate.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.mandate.Api;
import org.mandate.MandateIntegrationTest;
import org.mandate.reporting.ReportManagement;
import org.mandate.shared.Period;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Who may write what, and where: one cell per role, operation and target, generated from the table below
 * and run over HTTP against the demo accounts. A target is the unit the operation writes to or the unit of
 * the object it references (a blocked task, a dependency, a parent, a coordinating unit); the object the
 * request itself changes is always inside the actor's own scope, so that only the reference decides.
 * CAOBANG-C01 lies inside the Cao Bang accounts' scope, HANOI-C01 outside it; reporter.moh's scope is the
 * Ministry of Health, so both are outside his.
 */
@MandateIntegrationTest
class AccessMatrixIntegrationTests {

    /** The accounts of the columns, in order, and the unit under which each one's own objects are made. */
    static final List<String> ACTORS =
            List.of("admin", "steering", "leader.caobang", "reporter.caobang", "reporter.moh", "expert");

    static final Map<String, String> HOME = Map.of(
            "admin", "CAOBANG",
            "steering", "CAOBANG",
            "leader.caobang", "CAOBANG",
            "reporter.caobang", "CAOBANG",
            "reporter.moh", "BYT",
            "expert", "CAOBANG");

    /**
     * operation, target, then the expected status for each actor of {@link #ACTORS}. The refusals are the
     * point: a reference outside the scope is refused like a direct write outside it.
     */
    static final String TABLE = """
            # operation            target       admin steering leader rep.cb rep.moh expert
            task.create            CAOBANG-C01  201   201      201    201    403     403
            task.create            HANOI-C01    201   201      403    403    403     403
            task.update            CAOBANG-C01  200   200      200    200    403     403
            task.update            HANOI-C01    200   200      403    403    403     403
            task.progress          CAOBANG-C01  201   201      201    201    403     403
            task.progress          HANOI-C01    201   201      403    403    403     403
            task.parent            CAOBANG-C01  201   201      201    201    403     403
            task.parent            HANOI-C01    201   201      403    403    403     403
            task.coordinating      CAOBANG-C01  200   200      200    200    403     403
            task.coordinating      HANOI-C01    200   200      403    403    403     403
            task.create.coordinating HANOI-C01  201   201      403    403    403     403
            task.dependsOn         CAOBANG-C01  200   200      200    200    403     403
            task.dependsOn         HANOI-C01    200   200      403    403    403     403
            task.create.dependsOn  HANOI-C01    201   201      403    403    403     403
            task.create.approver   TW           201   201      201    201    201     403
            task.create.approver   CAOBANG-C01  201   201      201    201    403     403
            task.create.approver   HANOI-C01    201   201      403    403    403     403
            task.approver          HANOI-C01    200   200      403    403    403     403
            bottleneck.raisedBy    CAOBANG-C01  201   201      201    201    403     403
            bottleneck.raisedBy    HANOI-C01    201   201      403    403    403     403
            bottleneck.blocks      CAOBANG-C01  201   201      201    201    403     403
            bottleneck.blocks      HANOI-C01    201   201      403    403    403     403
            dataValue              CAOBANG-C01  200   200      200    200    403     403
            dataValue              HANOI-C01    200   200      403    403    403     403
            report.submit          CAOBANG-C01  200   200      200    200    403     403
            report.submit          HANOI-C01    200   200      403    403    403     403
            report.approve         CAOBANG-C01  200   200      200    403    403     403
            report.approve         HANOI-C01    200   200      403    403    403     403
            orgUnit.leader         CAOBANG-C01  200   200      200    403    403     403
            orgUnit.leader         HANOI-C01    200   200      403    403    403     403
            orgUnit.level          CAOBANG      200   200      403    403    403     403
            orgUnit.level          HANOI        200   200      403    403    403     403
            orgUnit.parent         CAOBANG-C01  200   200      403    403    403     403
            token.create           -            201   201      201    201    201     201
            token.revokeOthers     -            204   404      404    404    404     404
            user.create            -            201   403      403    403    403     403
            user.disable           -            200   403      403    403    403     403
            """;

    @LocalServerPort
    int port;

    @Autowired
    ReportManagement reports;

    Api admin;
    String resolution;
    String indicator;

    record Cell(String operation, String target, String actor, int expected) {}

    static List<Cell> cells() {
        List<Cell> out = new ArrayList<>();
        for (String line : TABLE.strip().split("\n")) {
            if (line.isBlank() || line.strip().startsWith("#")) {
                continue;
            }
            String[] f = line.strip().split("\\s+");
            for (int i = 0; i < ACTORS.size(); i++) {
                out.add(new Cell(f[0], f[1], ACTORS.get(i), Integer.parseInt(f[2 + i])));
            }
        }
        return out;
    }

    @TestFactory
    Stream<DynamicTest> everyCellOfTheMatrix() {
        admin = Api.as(port, "admin");
        return cells().stream()
                .map(c -> DynamicTest.dynamicTest(
                        c.operation() + " " + c.target() + " as " + c.actor() + " -> " + c.expected(), () -> {
                            Api.Response r = run(c, Api.as(port, c.actor()));
                            assertThat(r.status()).as(r.body()).isEqualTo(c.expected());
                            if (r.status() >= 400) {
                                assertThat(r.contentType()).startsWith("application/problem+json");
                            }
                        }));
    }

    private Api.Response run(Cell c, Api actor) {
        String home = HOME.get(c.actor());
        String t = c.target();
        return switch (c.operation()) {
            case "task.create" -> actor.post("/api/v1/tasks", task(t, ""));
            case "task.update" ->
                actor.patch("/api/v1/tasks/" + newTask(t), "{\"title\":\"" + unique("Renamed") + "\"}");
            case "task.progress" ->
                actor.post("/api/v1/tasks/" + newTask(t) + "/updates", "{\"progress\":10,\"note\":\"matrix\"}");
            case "task.parent" -> actor.post("/api/v1/tasks", task(home, ",\"parent\":" + newTask(t)));
            case "task.coordinating" ->
                actor.patch("/api/v1/tasks/" + newTask(home), "{\"coordinatingUnits\":[\"" + t + "\"]}");
            case "task.create.approver" -> actor.post("/api/v1/tasks", task(home, t, ""));
            case "task.approver" -> actor.patch("/api/v1/tasks/" + newTask(home), "{\"approver\":\"" + t + "\"}");
            case "task.create.coordinating" ->
                actor.post("/api/v1/tasks", task(home, ",\"coordinatingUnits\":[\"" + t + "\"]"));
            case "task.dependsOn" ->
                actor.patch("/api/v1/tasks/" + newTask(home), "{\"dependsOn\":[" + newTask(t) + "]}");
            case "task.create.dependsOn" ->
                actor.post("/api/v1/tasks", task(home, ",\"dependsOn\":[" + newTask(t) + "]"));
            case "bottleneck.raisedBy" -> actor.post("/api/v1/bottlenecks", bottleneck(t, ""));
            case "bottleneck.blocks" ->
                actor.post("/api/v1/bottlenecks", bottleneck(home, ",\"blockedTasks\":[" + newTask(t) + "]"));
            case "dataValue" ->
                actor.post(
                        "/api/v1/data-values",
                        "[{\"indicator\":\"" + indicator() + "\",\"orgUnit\":\"" + t + "\",\"period\":\"" + week()
                                + "\",\"value\":\"3\"}]");
            case "report.submit" -> actor.post("/api/v1/reports/" + openReport(t) + "/submit", "{}");
            case "report.approve" -> {
                long id = openReport(t);
                assertThat(admin.post("/api/v1/reports/" + id + "/submit", "{}").status())
                        .isEqualTo(200);
                yield actor.post("/api/v1/reports/" + id + "/approve", "{}");
            }
            case "orgUnit.leader" -> actor.patch("/api/v1/org-units/" + t, "{\"leader\":\"" + unique("Leader") + "\"}");
            case "orgUnit.level" -> {
                Api.Response r = actor.patch("/api/v1/org-units/" + t, "{\"level\":\"MINISTRY\"}");
                if (r.status() == 200) {
                    assertThat(admin.patch("/api/v1/org-units/" + t, "{\"level\":\"PROVINCE\"}")
                                    .status())
                            .isEqualTo(200);
                }
                yield r;
            }
            case "orgUnit.parent" -> {
                // A commune of its own under Cao Bang, moved under another place in Cao Bang's tree.
                String code =
                        "MX-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
                assertThat(admin.post("/api/v1/org-units", """
                                        {"code":"%s","names":{"vi":"Xã thử"},"level":"DEPARTMENT","parent":"CAOBANG"}
                                        """.formatted(code)).status())
                        .isEqualTo(201);
                Api.Response r = actor.patch("/api/v1/org-units/" + code, "{\"parent\":\"TW\",\"level\":\"MINISTRY\"}");
                if (r.status() == 200) {
                    // Back where it was: the demo tree's counts are read by other tests of this context.
                    assertThat(admin.patch(
                                            "/api/v1/org-units/" + code,
                                            "{\"parent\":\"CAOBANG\",\"level\":\"DEPARTMENT\"}")
                                    .status())
                            .isEqualTo(200);
                }
                yield r;
            }
            case "token.create" -> actor.post("/api/v1/tokens", "{\"name\":\"matrix\",\"scope\":\"READ\"}");
            case "token.revokeOthers" -> {
                long id = Api.as(port, "reporter.caobang-c01")
                        .post("/api/v1/tokens", "{\"name\":\"victim\"}")
                        .json()
                        .path("id")
                        .asLong();
                yield actor.delete("/api/v1/tokens/" + id);
            }
            case "user.create" ->
                actor.post("/api/v1/users", """
                    {"username":"%s","password":"Mật-khẩu-đủ-dài-2025","role":"REPORTER","scopeUnit":"CAOBANG"}
                    """.formatted(unique("m").toLowerCase()));
            case "user.disable" -> {
                String username = unique("d").toLowerCase();
                admin.post("/api/v1/users", """
                        {"username":"%s","password":"Mật-khẩu-đủ-dài-2025","role":"REPORTER","scopeUnit":"CAOBANG"}
                        """.formatted(username));
                yield actor.patch("/api/v1/users/" + username, "{\"enabled\":false}");
            }
            default -> throw new IllegalArgumentException(c.operation());
        };
    }

    // ------------------------------------------------------------- fixtures, made by admin

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String task(String lead, String extra) {
        return task(lead, lead, extra);
    }

    private static String task(String lead, String approver, String extra) {
        LocalDate today = LocalDate.now();
        return """
                {"title": "%s", "description": "Access matrix", "resolution": "72-nq-tw", "solutionGroup": "72-S02",
                 "leadUnit": "%s", "responsiblePerson": "Nguyen Van A", "approver": "%s", "startOn": "%s",
                 "deadline": "%s", "expectedResult": "Done", "kind": "POLICY"%s}
                """.formatted(unique("Matrix task"), lead, approver, today, today.plusDays(90), extra);
    }

    private long newTask(String lead) {
        Api.Response r = admin.post("/api/v1/tasks", task(lead, ""));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().path("id").asLong();
    }

    private static String bottleneck(String raisedBy, String extra) {
        return "{\"title\":\"" + unique("Matrix bottleneck") + "\",\"type\":\"CAPITAL\",\"raisedBy\":\"" + raisedBy
                + "\",\"owner\":\"" + raisedBy + "\"" + extra + "}";
    }

    private String week() {
        return Period.of(Period.Type.WEEK, LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh")))
                .toString();
    }

    /** One weekly indicator of a resolution made for this test; every unit owes it. */
    private String indicator() {
        if (indicator == null) {
            Api steering = Api.as(port, "steering");
            resolution = "am-" + UUID.randomUUID().toString().substring(0, 8);
            assertThat(steering.post(
                                    "/api/v1/resolutions",
                                    "{\"slug\":\"" + resolution + "\",\"number\":\"" + resolution
                                            + "\",\"titles\":{\"vi\":\"Ma trận quyền\"}}")
                            .status())
                    .isEqualTo(201);
            indicator = "AM_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
            assertThat(steering.post("/api/v1/indicators", """
                                    {"code":"%s","names":{"vi":"Chỉ tiêu %s"},"unit":"u","direction":"HIGHER_IS_BETTER",
                                     "periodicity":"WEEKLY","aggregation":"SUM","resolution":"%s"}
                                    """.formatted(indicator, indicator, resolution))
                            .status())
                    .isEqualTo(201);
        }
        return indicator;
    }

    private final Map<String, Integer> reportsUsed = new LinkedHashMap<>();

    /**
     * An open report of the unit for this week: each cell gets its own, from a resolution of its own (a report
     * is owed per unit, resolution and period, and a submitted one cannot be submitted again).
     */
    private long openReport(String unit) {
        indicator = null;
        indicator();
        reports.open(Period.of(Period.Type.WEEK, LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh"))));
        reportsUsed.merge(unit, 1, Integer::sum);
        JsonNode list = admin.get("/api/v1/reports?orgUnit=" + unit + "&period=" + week() + "&resolution=" + resolution)
                .json();
        for (JsonNode r : list.path("items")) {
            if (unit.equals(r.path("orgUnit").asString())) {
                return r.path("id").asLong();
            }
        }
        throw new IllegalStateException("no open report of " + unit + ": " + list);
    }
}
