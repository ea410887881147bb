package org.mandate.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.mandate.Api;
import org.mandate.Browser;
import org.mandate.MandateIntegrationTest;
import org.mandate.indicators.Fixtures;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@MandateIntegrationTest
class ReportingPagesIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    ReportManagement reports;

    @Test
    void thePagesSpeakFourLanguages() {
        Api leader = Api.as(port, "leader.caobang");
        String week = Fixtures.thisWeek().toString();
        assertThat(leader.get("/reports?lang=en&orgUnit=CAOBANG&period=" + week).body())
                .contains("Reports owed", "Completeness and timeliness", "Who has not reported");
        assertThat(leader.get("/reports?lang=vi").body()).contains("Báo cáo định kỳ", "Đơn vị chưa báo cáo");
        assertThat(leader.get("/reports?lang=fr").body()).contains("Rapports dus");
        assertThat(leader.get("/reports?lang=ru").body()).contains("Обязательные отчёты");
        assertThat(leader.get("/data-entry?lang=en&orgUnit=CAOBANG&period=" + week)
                        .body())
                .contains("Data entry", "R71_DIGITAL_SKILLS_CERT");
        assertThat(leader.get("/data-entry?lang=ru&orgUnit=CAOBANG&period=2025-10")
                        .body())
                .contains("Ввод данных", "R70_PEAK_LOAD")
                .doesNotContain("value-R70_RESERVE_MARGIN");
        assertThat(leader.get("/data-values/import?lang=fr").body()).contains("Importer des valeurs");
        assertThat(leader.get("/reports?period=2025W99").status()).isEqualTo(400);
        assertThat(Api.anonymous(port).get("/org-units/CAOBANG?lang=en").body()).contains("Reports of this unit");
        assertThat(leader.get("/?lang=en").body()).contains("href=\"/indicators\"", "href=\"/reports\"");
        // The demo data: most provinces reported last week on time, some did not.
        tools.jackson.databind.JsonNode lastWeek = Api.as(port, "steering")
                .get("/api/v1/reports/completeness?orgUnit=TW&resolution=57-nq-tw&period="
                        + Fixtures.thisWeek().previous())
                .json();
        assertThat(lastWeek.path("onTime").asInt()).isGreaterThanOrEqualTo(28);
        assertThat(lastWeek.path("notReported").size()).isPositive();
    }

    @Test
    void aReporterEntersSubmitsAndTheLeaderReturnsThenApproves() throws Exception {
        Api steering = Api.as(port, "steering");
        String resolution = Fixtures.resolution(steering);
        String indicator = Fixtures.indicator(steering, "WEB", "WEEKLY", "SUM", resolution, "");
        String week = Fixtures.thisWeek().toString();
        reports.open(Fixtures.thisWeek());
        long id = reports.find("CAOBANG-C01", resolution, week).orElseThrow().id();
        String grid = "/data-entry?lang=en&orgUnit=CAOBANG-C01&period=" + week + "&resolution=" + resolution;
        try (Browser browser = Browser.open(port)) {
            browser.login("reporter.caobang-c01", "demo");
            browser.go(grid);
            replace(browser, "value-" + indicator, "41");
            assertThat(browser.find(By.cssSelector("#status-" + indicator + ".saved"))
                            .getText())
                    .isEqualTo("Saved");
            replace(browser, "value-" + indicator, "4x");
            assertThat(browser.find(By.cssSelector("#status-" + indicator + ".failed"))
                            .getText())
                    .contains("not a number");
            replace(browser, "value-" + indicator, "42");
            browser.find(By.cssSelector("#status-" + indicator + ".saved"));

            browser.go("/reports/" + id);
            browser.waitForText(indicator, "42");
            browser.click(By.id("submit-report"));
            waitText(browser, By.id("report-state"), "submitted");

            // A file with one bad row writes nothing and names the row.
            Path csv = Files.createTempFile("values", ".csv");
            Files.writeString(
                    csv,
                    "indicator,orgUnit,period,value\n" + indicator + ",CAOBANG-C01,"
                            + Fixtures.thisWeek().previous() + ",1\n" + indicator + ",CAOBANG-C01,2025W77,2\n");
            browser.go("/data-values/import");
            browser.find(By.id("file")).sendKeys(csv.toString());
            browser.click(By.id("import-submit"));
            assertThat(browser.text(By.id("import-errors"))).contains("row 3.period", "Nothing was written");
            Files.delete(csv);

            logout(browser);
            browser.login("leader.caobang", "demo");
            browser.go("/reports/" + id);
            browser.type(By.id("reason"), "Please check the figure");
            browser.click(By.id("return-report"));
            assertThat(browser.text(By.id("return-reason"))).isEqualTo("Please check the figure");

            logout(browser);
            browser.login("reporter.caobang-c01", "demo");
            browser.go(grid);
            replace(browser, "value-" + indicator, "40");
            browser.find(By.cssSelector("#status-" + indicator + ".saved"));
            browser.go("/reports/" + id);
            browser.click(By.id("submit-report"));
            waitText(browser, By.id("report-state"), "submitted");

            logout(browser);
            browser.login("leader.caobang", "demo");
            browser.go("/reports/" + id);
            browser.click(By.id("approve-report"));
            waitText(browser, By.id("report-state"), "approved");
            browser.go("/reports?orgUnit=CAOBANG&period=" + week + "&resolution=" + resolution);
            assertThat(browser.text(By.id("completeness"))).startsWith("1 of ");
            assertThat(browser.text(By.id("not-reported")))
                    .contains("CAOBANG-C02")
                    .doesNotContain("CAOBANG-C01 ");

            browser.go("/indicators/R70_RESERVE_MARGIN");
            browser.find(By.cssSelector("#trend-chart[data-rendered='true'] canvas"));
            assertThat(browser.text(By.id("projection"))).contains("Off track", "2030");
            assertThat(browser.text(By.id("trend-table"))).contains("%s".formatted(week.substring(0, 4)));
        }
        assertThat(Api.as(port, "expert")
                        .get("/api/v1/analytics?approvedOnly=true&indicator=" + indicator + "&orgUnit=CAOBANG&period="
                                + week)
                        .json()
                        .path("value")
                        .asDouble())
                .isEqualTo(40.0);
    }

    /** Replaces a field's text and leaves it, as a person does (one change event). */
    private static void replace(Browser browser, String id, String text) {
        browser.find(By.id(id)).sendKeys(Keys.chord(Keys.CONTROL, "a"), text, Keys.TAB);
    }

    /** Waits until the element (on the page the last click leads to) shows the text. */
    private static void waitText(Browser browser, By by, String text) {
        new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(10))
                .until(org.openqa.selenium.support.ui.ExpectedConditions.textToBe(by, text));
    }

    private static void logout(Browser browser) {
        browser.click(By.id("logout"));
        browser.find(By.id("login-link"));
    }
}
