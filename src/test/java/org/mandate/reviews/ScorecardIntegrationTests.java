package org.mandate.reviews;

import static org.assertj.core.api.Assertions.assertThat;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import org.junit.jupiter.api.Test;
import org.mandate.Api;
import org.mandate.MandateIntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@MandateIntegrationTest
class ScorecardIntegrationTests {

    @LocalServerPort
    int port;

    static String quarter() {
        LocalDate d = LocalDate.now();
        return d.getYear() + "Q" + d.get(IsoFields.QUARTER_OF_YEAR);
    }

    @Test
    void provincesAreRankedFromDataWithWeightsShown() {
        JsonNode ranking = Api.as(port, "steering")
                .get("/api/v1/reviews?period=" + quarter() + "&level=PROVINCE")
                .json();
        JsonNode items = ranking.path("items");
        assertThat(items.size()).isEqualTo(34);
        assertThat(ranking.path("weights").path("onTime").asInt()).isPositive();
        double previous = Double.MAX_VALUE;
        boolean unrankedSeen = false;
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            for (String share : new String[] {"onTimeRate", "reportTimeliness", "disbursementRate", "score"}) {
                if (!item.path(share).isNull()) {
                    assertThat(item.path(share).asDouble()).as(share).isBetween(0.0, 100.0);
                }
            }
            if (item.path("enoughData").asBoolean()) {
                // No unit without enough data is ever listed above a ranked one.
                assertThat(unrankedSeen).isFalse();
                assertThat(item.path("rank").asInt()).isEqualTo(i + 1);
                assertThat(item.path("score").asDouble()).isLessThanOrEqualTo(previous);
                assertThat(item.path("coverage").asDouble())
                        .isGreaterThanOrEqualTo(ranking.path("minCoverage").asDouble());
                previous = item.path("score").asDouble();
            } else {
                unrankedSeen = true;
                assertThat(item.path("rank").isNull()).isTrue();
            }
        }
        JsonNode caoBang = Api.as(port, "steering")
                .get("/api/v1/reviews/CAOBANG?period=" + quarter())
                .json();
        assertThat(caoBang.path("tasksDue").asLong())
                .isGreaterThanOrEqualTo(caoBang.path("doneOnTime").asLong());
        String page = Api.as(port, "steering")
                .get("/reviews/CAOBANG?period=" + quarter())
                .body();
        assertThat(page).contains("id=\"drill-tasks\"", "/tasks?orgUnit=CAOBANG", "/reports?orgUnit=CAOBANG");
        assertThat(Api.as(port, "steering")
                        .get("/api/v1/reviews?period=2026W01&level=PROVINCE")
                        .errorFields())
                .containsExactly("period");
        assertThat(Api.as(port, "steering")
                        .get("/api/v1/reviews?period=" + quarter() + "&level=COMMUNE")
                        .errorFields())
                .containsExactly("parent");
    }

    @Test
    void reviewersAssessWithinTheirRightsAndThePdfShowsTheSameNumbers() throws Exception {
        String q = quarter();
        Api steering = Api.as(port, "steering");
        Api.Response assessed = steering.post(
                "/api/v1/reviews",
                "{\"unit\":\"HANOI\",\"period\":\"" + q
                        + "\",\"verdict\":\"COMMENDATION\",\"reason\":\"Cleared the decree backlog\"}");
        assertThat(assessed.status()).isEqualTo(201);
        assertThat(steering.get("/api/v1/reviews/HANOI?period=" + q)
                        .json()
                        .path("assessment")
                        .path("verdict")
                        .asString())
                .isEqualTo("COMMENDATION");

        Api leader = Api.as(port, "leader.caobang");
        assertThat(leader.post(
                                "/api/v1/reviews",
                                "{\"unit\":\"CAOBANG-C02\",\"period\":\"" + q
                                        + "\",\"verdict\":\"WARNING\",\"reason\":\"Reports late\"}")
                        .status())
                .isEqualTo(201);
        assertThat(leader.post(
                                "/api/v1/reviews",
                                "{\"unit\":\"HANOI-C01\",\"period\":\"" + q
                                        + "\",\"verdict\":\"WARNING\",\"reason\":\"x\"}")
                        .status())
                .isEqualTo(403);
        assertThat(leader.post(
                                "/api/v1/reviews",
                                "{\"unit\":\"CAOBANG\",\"period\":\"" + q
                                        + "\",\"verdict\":\"COMMENDATION\",\"reason\":\"x\"}")
                        .status())
                .isEqualTo(403);
        assertThat(Api.as(port, "reporter.caobang")
                        .post(
                                "/api/v1/reviews",
                                "{\"unit\":\"CAOBANG-C02\",\"period\":\"" + q
                                        + "\",\"verdict\":\"WARNING\",\"reason\":\"x\"}")
                        .status())
                .isEqualTo(403);
        assertThat(steering.post(
                                "/api/v1/reviews",
                                "{\"unit\":\"HANOI\",\"period\":\"" + q + "\",\"verdict\":\"PRAISE\"}")
                        .errorFields())
                .containsExactly("verdict");
        assertThat(steering.post("/api/v1/reviews", "{\"unit\":\"HANOI\",\"period\":\"" + q + "\"}")
                        .errorFields())
                .contains("verdict", "reason");

        JsonNode card = steering.get("/api/v1/reviews/HANOI?period=" + q).json();
        Api.Response pdf = steering.get("/api/v1/reviews/HANOI/review.pdf?period=" + q);
        assertThat(pdf.contentType()).startsWith("application/pdf");
        String text = new PdfTextExtractor(new PdfReader(pdf.bytes())).getTextFromPage(1);
        assertThat(text)
                .contains(String.format(
                        java.util.Locale.ROOT, "%.1f", card.path("score").asDouble()));
        assertThat(text).contains("Cleared the decree backlog");
        Api.Response ranking = steering.get("/api/v1/reviews/ranking.pdf?period=" + q + "&level=PROVINCE");
        assertThat(new PdfTextExtractor(new PdfReader(ranking.bytes())).getTextFromPage(1))
                .contains("Ha Noi");
    }
}
