package org.mandate.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.mandate.Api;
import org.mandate.MandateIntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@MandateIntegrationTest
class IndicatorApiIntegrationTests {

    @LocalServerPort
    int port;

    private static final tools.jackson.databind.json.JsonMapper JSON =
            tools.jackson.databind.json.JsonMapper.builder().build();

    @Test
    void theDemoIndicatorsMeasureTheGoalsAndTheReserveMarginIsProjected() {
        Api staff = Api.as(port, "steering");
        JsonNode reserve = staff.get("/api/v1/indicators/R70_RESERVE_MARGIN").json();
        assertThat(reserve.path("formula").asString()).contains("R70_INSTALLED_CAPACITY", "R70_PEAK_LOAD");
        // The staff page shows the formula itself (SpEL once read isFormula() and printed "false").
        String page = staff.get("/indicators/R70_RESERVE_MARGIN").body();
        assertThat(page).contains("R70_INSTALLED_CAPACITY").doesNotContain("<code>false</code>");
        assertThat(staff.get("/indicators/R70_GRID_LOSS").body()).doesNotContain("<code>false</code>");
        assertThat(reserve.path("targets").get(0).path("year").asInt()).isEqualTo(2030);
        assertThat(reserve.path("targets").get(0).path("value").asDouble()).isEqualTo(15.0);
        for (String code : new String[] {
            "R70_GRID_LOSS",
            "R70_CLEAN_SHARE",
            "R72_HEALTHY_LIFE_EXPECTANCY",
            "R72_OOP_SHARE",
            "R72_PRIMARY_CARE_COVERAGE",
            "R72_PATIENT_SATISFACTION",
            "R71_ACCREDITED_INSTITUTIONS",
            "R71_DIGITAL_SKILLS_CERT",
            "R59_HQ_FDI_DISBURSED",
            "R59_COMMITMENTS_INTERNALISED",
            "R57_GUIDING_DOCS_ISSUED",
            "R57_ONLINE_PUBLIC_SERVICES"
        }) {
            assertThat(staff.get("/api/v1/indicators/" + code).status())
                    .as(code)
                    .isEqualTo(200);
        }
        JsonNode trend = Api.as(port, "expert")
                .get("/api/v1/analytics/trend?approvedOnly=true&indicator=R70_RESERVE_MARGIN&orgUnit=TW")
                .json();
        JsonNode projection = trend.path("projection");
        assertThat(projection.path("targetYear").asInt()).isEqualTo(2030);
        assertThat(projection.path("projected").asDouble()).isBetween(10.0, 15.0);
        assertThat(projection.path("onTrack").asBoolean()).isFalse();
        assertThat(trend.path("latest").path("value").asDouble()).isBetween(8.0, 12.0);
        JsonNode status = staff.get("/api/v1/analytics/status?indicator=R70_RESERVE_MARGIN&approvedOnly=true")
                .json();
        assertThat(status.path("finalTarget").asDouble()).isEqualTo(15.0);
        assertThat(status.path("onTrack").asBoolean()).isFalse();
        assertThat(status.path("value").asDouble())
                .isEqualTo(trend.path("latest").path("value").asDouble());
        assertThat(Api.anonymous(port)
                        .get("/api/v1/analytics?indicator=R70_RESERVE_MARGIN&period=2025")
                        .status())
                .isEqualTo(401);
        assertThat(staff.get("/indicators/R70_RESERVE_MARGIN?lang=en").body())
                .contains("Off track", "trend-chart", "trend-table");
        assertThat(staff.get("/indicators/R70_RESERVE_MARGIN?lang=vi").body()).contains("Chậm tiến độ");
        assertThat(staff.get("/indicators?lang=fr").body()).contains("Marge de réserve de capacité");
        assertThat(staff.get("/indicators?lang=ru").body()).contains("Резерв мощности");
    }

    @Test
    void valuesRollUpTheSubtreeByEachRule() {
        Api steering = Api.as(port, "steering");
        String sum = Fixtures.indicator(steering, "SUM", "WEEKLY", "SUM", null, "");
        String avg = Fixtures.indicator(steering, "AVG", "WEEKLY", "AVERAGE", null, "");
        String max = Fixtures.indicator(steering, "MAX", "WEEKLY", "MAX", null, "");
        String min = Fixtures.indicator(steering, "MIN", "WEEKLY", "MIN", null, "");
        String last = Fixtures.indicator(steering, "LAST", "WEEKLY", "LAST", null, "");
        String weighted = Fixtures.indicator(
                steering, "WAVG", "WEEKLY", "WEIGHTED_AVERAGE", null, "\"weightIndicator\":\"" + sum + "\"");
        StringBuilder batch = new StringBuilder("[");
        // 2024W01 belongs to January 2024; 2024W05 (29 Jan - 4 Feb, Thursday 1 Feb) to February.
        String[][] rows = {
            {"HANOI-C01", "2024W01", "10"}, {"HANOI-C02", "2024W01", "30"}, {"HANOI-C01", "2024W05", "20"}
        };
        for (String code : new String[] {sum, avg, max, min, last, weighted}) {
            for (String[] r : rows) {
                batch.append(batch.length() > 1 ? "," : "").append(Fixtures.value(code, r[0], r[1], r[2]));
            }
        }
        Api admin = Api.as(port, "admin");
        assertThat(admin.post("/api/v1/data-values", batch + "]")
                        .json()
                        .path("created")
                        .asInt())
                .isEqualTo(18);
        assertThat(value(admin, sum, "HANOI", "2024")).isEqualTo(60.0);
        assertThat(value(admin, sum, "TW", "2024-01")).isEqualTo(40.0);
        assertThat(value(admin, sum, "HANOI", "2024-02")).isEqualTo(20.0);
        assertThat(value(admin, sum, "HANOI-C01", "2024Q1")).isEqualTo(30.0);
        // HANOI has no value of its own: the mean of its communes' values for the year, C01's being the mean
        // of its two weeks: (15 + 30) / 2 (not the mean of the three values pooled, 20).
        assertThat(value(admin, avg, "HANOI", "2024")).isEqualTo(22.5);
        assertThat(value(admin, max, "HANOI", "2024")).isEqualTo(30.0);
        assertThat(value(admin, min, "HANOI", "2024")).isEqualTo(10.0);
        // A stock: each commune's latest value in the year (C01: 20 in February, C02: 30 in January), added.
        assertThat(value(admin, last, "HANOI", "2024")).isEqualTo(50.0);
        assertThat(value(admin, last, "HANOI", "2024-01")).isEqualTo(40.0);
        // C01 over the year: (10*10 + 20*20) / (10 + 20) with weight 30; C02: 30 with weight 30;
        // HANOI: (500/30 * 30 + 30 * 30) / 60 = 1400 / 60
        assertThat(value(admin, weighted, "HANOI", "2024"))
                .isCloseTo(23.333, org.assertj.core.data.Offset.offset(0.01));
        assertThat(admin.get("/api/v1/analytics?indicator=" + sum + "&orgUnit=CAOBANG&period=2024")
                        .json()
                        .path("value")
                        .isNull())
                .isTrue();
        assertThat(admin.get("/api/v1/data-values?indicator=" + sum + "&orgUnit=HANOI&period=2024-01")
                        .json()
                        .path("total")
                        .asInt())
                .isEqualTo(2);
        // The public side sees nothing: these values were never approved.
        assertThat(Api.as(port, "expert")
                        .get("/api/v1/analytics?approvedOnly=true&indicator=" + sum + "&orgUnit=HANOI&period=2024")
                        .json()
                        .path("value")
                        .isNull())
                .isTrue();
    }

    @Test
    void formulasAreComputedAndCyclesAndUnknownCodesAreRefused() {
        Api steering = Api.as(port, "steering");
        String a = Fixtures.indicator(steering, "CAP", "MONTHLY", "SUM", null, "");
        String b = Fixtures.indicator(steering, "PEAK", "MONTHLY", "SUM", null, "");
        String f = Fixtures.indicator(
                steering,
                "MARGIN",
                "MONTHLY",
                "AVERAGE",
                null,
                "\"formula\":\"(" + a + " - " + b + ") / " + b + " * 100\",\"targets\":[{\"year\":2030,\"value\":15}]");
        Api admin = Api.as(port, "admin");
        admin.post(
                "/api/v1/data-values",
                "[" + Fixtures.value(a, "HANOI-C01", "2024-03", "115") + ","
                        + Fixtures.value(b, "HANOI-C01", "2024-03", "100")
                        + "," + Fixtures.value(a, "HANOI-C02", "2024-03", "105") + ","
                        + Fixtures.value(b, "HANOI-C02", "2024-03", "100") + "]");
        JsonNode v = admin.get("/api/v1/analytics?indicator=" + f + "&orgUnit=HANOI&period=2024-03")
                .json();
        assertThat(v.path("value").asDouble()).isEqualTo(10.0);
        assertThat(admin.post("/api/v1/data-values", "[" + Fixtures.value(f, "HANOI-C01", "2024-03", "1") + "]")
                        .errorFields())
                .containsExactly("[0].indicator");

        String base = "{\"code\":\"X_" + Fixtures.unique()
                + "\",\"names\":{\"vi\":\"x\"},\"direction\":\"HIGHER_IS_BETTER\",\"periodicity\":\"MONTHLY\",\"aggregation\":\"SUM\",";
        assertThat(steering.post("/api/v1/indicators", base + "\"formula\":\"NOPE_123 * 2\"}")
                        .errorFields())
                .containsExactly("formula");
        assertThat(steering.post("/api/v1/indicators", base + "\"formula\":\"(" + a + " *\"}")
                        .errorFields())
                .containsExactly("formula");
        // a is used by f; making a depend on f closes a cycle.
        Api.Response cycle = steering.patch("/api/v1/indicators/" + a, "{\"formula\":\"" + f + " * 2\"}");
        assertThat(cycle.status()).isEqualTo(400);
        assertThat(cycle.errorFields()).containsExactly("formula");
        assertThat(steering.patch("/api/v1/indicators/" + a, "{\"unit\":\"MW\",\"version\":0}")
                        .status())
                .isEqualTo(200);
        assertThat(steering.patch("/api/v1/indicators/" + a, "{\"unit\":\"GW\",\"version\":0}")
                        .status())
                .isEqualTo(409);
    }

    @Test
    void badIndicatorsAndValuesNameTheField() {
        Api steering = Api.as(port, "steering");
        assertThat(steering.post(
                                "/api/v1/indicators",
                                "{\"code\":\"bad code\",\"names\":{},\"direction\":\"UP\",\"periodicity\":\"WEEKLY\"}")
                        .errorFields())
                .containsExactly("direction");
        assertThat(steering.post("/api/v1/indicators", "{\"code\":\"bad code\",\"names\":{}}")
                        .errorFields())
                .contains("code", "names.vi", "direction", "periodicity", "aggregation");
        assertThat(Api.as(port, "reporter.caobang")
                        .post("/api/v1/indicators", "{\"code\":\"X\"}")
                        .status())
                .isEqualTo(403);
        assertThat(steering.post(
                                "/api/v1/indicators",
                                "{\"code\":\"R70_RESERVE_MARGIN\",\"names\":{\"vi\":\"x\"},\"direction\":\"HIGHER_IS_BETTER\",\"periodicity\":\"MONTHLY\",\"aggregation\":\"SUM\"}")
                        .status())
                .isEqualTo(409);

        String code = Fixtures.indicator(steering, "BAD", "WEEKLY", "SUM", null, "\"plausibleMax\":100");
        Api reporter = Api.as(port, "reporter.caobang-c01");
        Api.Response bad = reporter.post(
                "/api/v1/data-values",
                "[" + Fixtures.value(code, "CAOBANG-C01", "2025W99", "1") + ","
                        + Fixtures.value(code, "CAOBANG-C01", "2025W10", "1,234")
                        + "," + Fixtures.value(code, "CAOBANG-C01", "2025-10", "1") + ","
                        + Fixtures.value(code, "NOWHERE", "2025W11", "1") + "]");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.errorFields()).containsExactly("[0].period", "[1].value", "[2].period", "[3].orgUnit");
        assertThat(reporter.post("/api/v1/data-values", "[" + Fixtures.value(code, "CAOBANG-C02", "2025W10", "1") + "]")
                        .status())
                .isEqualTo(403);
        assertThat(reporter.post("/api/v1/data-values", "[" + Fixtures.value(code, "HANOI", "2025W10", "1") + "]")
                        .status())
                .isEqualTo(403);
        assertThat(Api.as(port, "expert")
                        .post("/api/v1/data-values", "[" + Fixtures.value(code, "TW", "2025W10", "1") + "]")
                        .status())
                .isEqualTo(403);
        assertThat(reporter.get("/api/v1/data-values?indicator=" + code)
                        .json()
                        .path("total")
                        .asInt())
                .isZero();
        Api.Response flagged =
                reporter.post("/api/v1/data-values", "[" + Fixtures.value(code, "CAOBANG-C01", "2025W10", "500") + "]");
        assertThat(flagged.json().path("flagged").get(0).asString()).isEqualTo("[0]");
        assertThat(reporter.get("/api/v1/data-values?indicator=" + code)
                        .json()
                        .path("items")
                        .get(0)
                        .path("flagged")
                        .asBoolean())
                .isTrue();
        assertThat(steering.get("/api/v1/analytics?indicator=" + code + "&period=2025W99")
                        .errorFields())
                .containsExactly("period");
        assertThat(steering.get("/api/v1/analytics?indicator=NOPE&period=2025").status())
                .isEqualTo(404);
    }

    @Test
    void dhis2DataValueSetsAreImportedAllOrNothingAndIdempotently() throws IOException {
        Api steering = Api.as(port, "steering");
        String monthly = Fixtures.indicator(steering, "DHIS", "MONTHLY", "SUM", null, "");
        String weekly = Fixtures.indicator(steering, "DHISW", "WEEKLY", "SUM", null, "");
        Api reporter = Api.as(port, "reporter.caobang");
        String good = "{\"dataSet\":\"x\",\"dataValues\":[" + "{\"dataElement\":\"" + monthly
                + "\",\"period\":\"202510\",\"orgUnit\":\"CAOBANG-C03\",\"value\":\"12.5\",\"comment\":\"DHIS2\"},"
                + "{\"dataElement\":\"" + weekly
                + "\",\"period\":\"2025W42\",\"orgUnit\":\"CAOBANG\",\"value\":\"7\"}]}";
        String badRow = good.replace("\"value\":\"7\"", "\"value\":\"seven\"");
        Api.Response refused = reporter.post("/api/v1/data-values?idScheme=CODE", badRow);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.errorFields()).containsExactly("dataValues[1].value");
        assertThat(reporter.get("/api/v1/data-values?indicator=" + monthly)
                        .json()
                        .path("total")
                        .asInt())
                .isZero();

        JsonNode first =
                reporter.post("/api/v1/dataValueSets?idScheme=CODE", good).json();
        assertThat(first.path("created").asInt()).isEqualTo(2);
        JsonNode again = reporter.post("/api/v1/data-values", good).json();
        assertThat(again.path("created").asInt()).isZero();
        assertThat(again.path("updated").asInt()).isZero();
        assertThat(again.path("unchanged").asInt()).isEqualTo(2);
        JsonNode stored = reporter.get("/api/v1/data-values?indicator=" + monthly)
                .json()
                .path("items")
                .get(0);
        assertThat(stored.path("period").asString()).isEqualTo("2025-10");
        assertThat(stored.path("value").asDouble()).isEqualTo(12.5);
        JsonNode trail = Api.as(port, "admin")
                .get("/api/v1/audit?entityType=data-value&entityId=" + monthly + "/CAOBANG-C03/2025-10")
                .json();
        assertThat(trail.path("total").asInt()).isEqualTo(1);
        assertThat(trail.path("items").get(0).path("actor").asString()).isEqualTo("reporter.caobang");
        assertThat(trail.path("items").get(0).path("after").asString()).contains("12.5");

        // A change of one value in a batch is one more entry with the value before and after.
        JsonNode changed = reporter.post("/api/v1/data-values", good.replace("\"12.5\"", "\"14\""))
                .json();
        assertThat(changed.path("updated").asInt()).isEqualTo(1);
        assertThat(changed.path("unchanged").asInt()).isEqualTo(1);
        JsonNode newest = Api.as(port, "admin")
                .get("/api/v1/audit?entityType=data-value&entityId=" + monthly + "/CAOBANG-C03/2025-10")
                .json()
                .path("items")
                .get(0);
        assertThat(newest.path("action").asString()).isEqualTo("updated");
        assertThat(newest.path("before").asString()).contains("12.5");
        assertThat(newest.path("after").asString()).contains("14");
        assertThat(reporter.post("/api/v1/data-values?idScheme=UID", good).errorFields())
                .containsExactly("idScheme");

        // Comments go into the database as written, whatever they hold (PostgreSQL takes batches as CSV).
        String awkward = "He said \"a, b\"\nand a second line\\ with a backslash";
        JsonNode commented = reporter.post(
                        "/api/v1/data-values",
                        "[{\"indicator\":\"" + monthly + "\",\"orgUnit\":\"CAOBANG-C04\",\"period\":\"2025-07\","
                                + "\"value\":\"3\",\"comment\":" + JSON.writeValueAsString(awkward) + "}]")
                .json();
        assertThat(commented.path("created").asInt()).isEqualTo(1);
        assertThat(reporter.get("/api/v1/data-values?indicator=" + monthly + "&orgUnit=CAOBANG-C04")
                        .json()
                        .path("items")
                        .get(0)
                        .path("comment")
                        .asString())
                .isEqualTo(awkward);

        // DHIS2 CSV without a header: dataelement, period, orgunit, catoptcombo, attroptcombo, value, ...
        String csv = monthly + ",202511,CAOBANG-C03,,,13,,,,\n" + weekly + ",2025W43,CAOBANG,,,8,,,,\n";
        assertThat(reporter.postBytes("/api/v1/data-values", "text/csv", csv.getBytes(StandardCharsets.UTF_8))
                        .json()
                        .path("created")
                        .asInt())
                .isEqualTo(2);
        String badCsv = "indicator,orgUnit,period,value,comment\n" + monthly + ",CAOBANG-C03,2025-12,1,ok\n" + monthly
                + ",CAOBANG-C03,2025-13,1,bad\n";
        Api.Response csvRefused =
                reporter.postBytes("/api/v1/data-values", "text/csv", badCsv.getBytes(StandardCharsets.UTF_8));
        assertThat(csvRefused.errorFields()).containsExactly("row 3.period");

        ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            Sheet sheet = book.createSheet("values");
            String[][] rows = {{"indicator", "orgUnit", "period", "value"}, {monthly, "CAOBANG-C03", "2025-12", null}};
            for (int r = 0; r < rows.length; r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < 3; c++) {
                    row.createCell(c).setCellValue(rows[r][c]);
                }
                if (r == 0) {
                    row.createCell(3).setCellValue("value");
                } else {
                    row.createCell(3).setCellValue(21.25);
                }
            }
            book.write(xlsx);
        }
        assertThat(reporter.postBytes(
                                "/api/v1/data-values",
                                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                                xlsx.toByteArray())
                        .json()
                        .path("created")
                        .asInt())
                .isEqualTo(1);
        assertThat(reporter.get("/api/v1/analytics?indicator=" + monthly + "&orgUnit=CAOBANG&period=2025Q4")
                        .json()
                        .path("value")
                        .asDouble())
                .isEqualTo(14 + 13 + 21.25);
        assertThat(reporter.postBytes("/api/v1/data-values", "application/pdf", new byte[] {1})
                        .status())
                .isEqualTo(415);
    }

    private static double value(Api api, String indicator, String unit, String period) {
        Api.Response r = api.get("/api/v1/analytics?indicator=" + indicator + "&orgUnit=" + unit + "&period=" + period);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json().path("value").asDouble();
    }
}
