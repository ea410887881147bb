package org.mandate.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.mandate.Api;
import org.mandate.MandateIntegrationTest;
import org.mandate.shared.Actor;
import org.mandate.shared.ProblemException;
import org.mandate.shared.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Values typed as people type them: "72,5" is 72.5 in the grid and in files; an ambiguous "1.234" is refused. */
@MandateIntegrationTest
class LocalizedValueEntryIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    DataValueManagement values;

    private final HttpClient http =
            HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    private final String basic =
            "Basic " + Base64.getEncoder().encodeToString("reporter.caobang-c01:demo".getBytes(StandardCharsets.UTF_8));

    private String send(HttpRequest.Builder b) throws Exception {
        HttpResponse<String> r = http.send(
                b.header("Authorization", basic).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return r.body();
    }

    private String cell(String csrf, String indicator, String period, String value) throws Exception {
        String form = "indicator=" + indicator + "&orgUnit=CAOBANG-C01&period=" + period + "&value="
                + URLEncoder.encode(value, StandardCharsets.UTF_8) + "&_csrf=" + csrf;
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/data-entry/cell"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    private double saved(Api api, String indicator, String period) {
        return api.get("/api/v1/data-values?indicator=" + indicator + "&orgUnit=CAOBANG-C01&period=" + period)
                .json()
                .path("items")
                .get(0)
                .path("value")
                .asDouble();
    }

    @Test
    void theDataEntryGridTakesTheDecimalCommaAndRefusesAnAmbiguousThousandsSeparator() throws Exception {
        Api steering = Api.as(port, "steering");
        String resolution = Fixtures.resolution(steering);
        String indicator = Fixtures.indicator(steering, "LOC", "WEEKLY", "SUM", resolution, "");
        String week = Fixtures.thisWeek().toString();
        String page = send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/data-entry?lang=vi&orgUnit=CAOBANG-C01&period=" + week + "&resolution=" + resolution))
                .GET());
        Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
        assertThat(m.find()).as("a CSRF token on the grid").isTrue();
        String csrf = m.group(1);

        String ok = cell(csrf, indicator, week, "72,5");
        assertThat(ok).contains("saved");
        Api reporter = Api.as(port, "reporter.caobang-c01");
        assertThat(saved(reporter, indicator, week)).isEqualTo(72.5);
        cell(csrf, indicator, week, "72.25");
        assertThat(saved(reporter, indicator, week)).isEqualTo(72.25);

        // In Vietnamese "1.234" may be one thousand two hundred and thirty-four: refused, not guessed.
        String refused = cell(csrf, indicator, week, "1.234");
        assertThat(refused).contains("failed").contains("có thể hiểu theo hai cách");
        assertThat(saved(reporter, indicator, week)).isEqualTo(72.25);
        // The Vietnamese decimal comma with three decimals is clear.
        cell(csrf, indicator, week, "1,234");
        assertThat(saved(reporter, indicator, week)).isEqualTo(1.234);
    }

    @Test
    void aCsvFileIsReadInTheUsersLanguageAndTheApiStaysCanonical() {
        Api steering = Api.as(port, "steering");
        String resolution = Fixtures.resolution(steering);
        String indicator = Fixtures.indicator(steering, "LOCF", "WEEKLY", "SUM", resolution, "");
        String week = Fixtures.thisWeek().toString();
        Actor reporter = new Actor("reporter.caobang-c01", Role.REPORTER, "CAOBANG-C01");
        byte[] csv = ("indicator,orgUnit,period,value\n" + indicator + ",CAOBANG-C01," + week + ",\"72,5\"\n")
                .getBytes(StandardCharsets.UTF_8);
        values.importFile(
                reporter, "text/csv", "values.csv", new java.io.ByteArrayInputStream(csv), Locale.forLanguageTag("vi"));
        Api api = Api.as(port, "reporter.caobang-c01");
        assertThat(saved(api, indicator, week)).isEqualTo(72.5);

        byte[] ambiguous = ("indicator,orgUnit,period,value\n" + indicator + ",CAOBANG-C01," + week + ",1.234\n")
                .getBytes(StandardCharsets.UTF_8);
        try {
            values.importFile(
                    reporter,
                    "text/csv",
                    "values.csv",
                    new java.io.ByteArrayInputStream(ambiguous),
                    Locale.forLanguageTag("vi"));
            throw new AssertionError("an ambiguous number was accepted");
        } catch (ProblemException e) {
            assertThat(e.fieldProblems()).anySatisfy(p -> {
                assertThat(p.field()).isEqualTo("row 2.value");
                assertThat(p.messageKey()).isEqualTo("error.number.ambiguous");
            });
        }

        // Over the API (canonical form) "1.234" is the number 1.234, as before, and "72,5" is 72.5.
        var posted = api.postBytes(
                "/api/v1/data-values",
                "text/csv",
                ("indicator,orgUnit,period,value\n" + indicator + ",CAOBANG-C01," + week + ",1.234\n")
                        .getBytes(StandardCharsets.UTF_8));
        assertThat(posted.status()).as(posted.body()).isEqualTo(200);
        assertThat(saved(api, indicator, week)).isEqualTo(1.234);
        var json = api.post("/api/v1/data-values", "[" + Fixtures.value(indicator, "CAOBANG-C01", week, "72,5") + "]");
        assertThat(json.status()).as(json.body()).isEqualTo(200);
        assertThat(saved(api, indicator, week)).isEqualTo(72.5);
        var bad = api.post("/api/v1/data-values", "[" + Fixtures.value(indicator, "CAOBANG-C01", week, "1,234") + "]");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.errorFields()).containsExactly("[0].value");
    }
}
