package org.mandate.publication;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.mandate.Api;
import org.mandate.Browser;
import org.mandate.MandateIntegrationTest;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every public chart's table holds the chart's numbers, read as a person reads them: the table's text in
 * the page's language against the figures the drawn chart holds (ECharts' own option), in all four
 * languages. The national status table is also held to a count of the published tasks file, row by row.
 */
@MandateIntegrationTest
class ChartTablesBrowserIntegrationTests {

    static final List<String> STATUS_ORDER =
            List.of("NOT_STARTED", "ON_TRACK", "AT_RISK", "OVERDUE", "DONE", "DONE_LATE", "CANCELLED");

    @LocalServerPort
    int port;

    @Autowired
    PublicationManagement publications;

    @Test
    void everyChartTableShowsTheChartsFiguresInEveryLanguage() throws Exception {
        Publication p = publications.publish(PublicationKind.MANUAL, LocalDate.now());
        Map<String, Long> published = publishedTasksByStatus(p.id());
        assertThat(published.values().stream().mapToLong(Long::longValue).sum()).isPositive();
        try (Browser browser = Browser.open(port)) {
            int compared = 0;
            for (String lang : List.of("vi", "en", "fr", "ru")) {
                for (String page : List.of("index", "resolution-70-nq-tw", "unit-CAOBANG")) {
                    browser.go("/public/p/" + p.id() + "/" + lang + "/" + page + ".html");
                    browser.find(By.cssSelector("[data-chart] svg"));
                    @SuppressWarnings("unchecked")
                    List<String> ids = (List<String>) browser.script(
                            "return Array.from(document.querySelectorAll('[data-chart]')).map(e => e.id)");
                    assertThat(ids).as(page).isNotEmpty();
                    for (String id : ids) {
                        compareChartWithItsTable(browser, lang, page, id);
                        compared++;
                    }
                    if (page.equals("index")) {
                        // The first chart of the overview is the national status chart.
                        assertThat(tableRows(browser, ids.get(0)).stream()
                                        .map(r -> parse(r.get(1), lang))
                                        .toList())
                                .as(lang + " national status table against tasks.csv")
                                .containsExactlyElementsOf(STATUS_ORDER.stream()
                                        .map(s -> BigDecimal.valueOf(published.getOrDefault(s, 0L)))
                                        .toList());
                    }
                }
            }
            assertThat(compared).isGreaterThan(12);
        }
    }

    @Test
    void everyPublicPageFitsAPhoneInEveryLanguage() {
        Publication p = publications.publish(PublicationKind.MANUAL, LocalDate.now());
        try (Browser browser = Browser.open(port)) {
            browser.driver().manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
            List<String> wide = new ArrayList<>();
            for (String lang : List.of("vi", "en", "fr", "ru")) {
                for (String page : List.of(
                        "index", "resolution-70-nq-tw", "unit-CAOBANG", "units", "changes", "publications", "data")) {
                    browser.go("/public/p/" + p.id() + "/" + lang + "/" + page + ".html");
                    long viewport = (Long) browser.script("return document.documentElement.clientWidth");
                    long content = (Long) browser.script("return document.documentElement.scrollWidth");
                    if (content > viewport) {
                        wide.add(lang + "/" + page + ": " + content + " px in " + viewport);
                    }
                    String text = browser.text(By.tagName("main"));
                    assertThat(text).as(lang + "/" + page).isNotBlank().doesNotContain("??", "{0}");
                }
            }
            assertThat(wide).isEmpty();
        }
    }

    private void compareChartWithItsTable(Browser browser, String lang, String page, String id) {
        @SuppressWarnings("unchecked")
        List<List<Object>> series = (List<List<Object>>) browser.script("""
                const option = echarts.getInstanceByDom(document.getElementById(arguments[0])).getOption();
                return option.series.map(s => s.data.map(d => {
                  const v = (d !== null && typeof d === 'object') ? d.value : d;
                  return v === null || v === undefined || v === '-' ? null : String(v);
                }));
                """, id);
        List<List<String>> rows = tableRows(browser, id);
        String where = lang + " " + page + " " + id;
        assertThat(rows).as(where + ": rows").hasSize(series.get(0).size());
        for (int s = 0; s < series.size(); s++) {
            for (int i = 0; i < rows.size(); i++) {
                Object drawn = series.get(s).get(i);
                String shown = rows.get(i).get(s + 1);
                if (drawn == null) {
                    assertThat(shown).as(where + " row " + i).isBlank();
                } else {
                    assertThat(parse(shown, lang))
                            .as(where + " row " + i + " series " + s + ": table '" + shown + "' vs chart " + drawn)
                            .isEqualByComparingTo(new BigDecimal(drawn.toString()));
                }
            }
        }
    }

    /** The table's rows as the reader sees them: the details opened, each cell's visible text. */
    private static List<List<String>> tableRows(Browser browser, String chartId) {
        browser.script(
                "document.querySelector('[data-chart-table=\"' + arguments[0] + '\"]').closest('details').open = true",
                chartId);
        WebElement table = browser.find(By.cssSelector("[data-chart-table='" + chartId + "']"));
        List<List<String>> rows = new ArrayList<>();
        for (WebElement tr : table.findElements(By.cssSelector("tbody tr"))) {
            List<String> cells = new ArrayList<>();
            for (WebElement td : tr.findElements(By.tagName("td"))) {
                cells.add(td.getText().strip());
            }
            rows.add(cells);
        }
        return rows;
    }

    /** A number as printed in the language: "1.234,5" in Vietnamese, "1,234.5" in English, "1 234,5" in French and Russian. */
    static BigDecimal parse(String shown, String lang) {
        String s = shown.replace("\u00a0", "").replace("\u202f", "").replace(" ", "");
        s = lang.equals("en") ? s.replace(",", "") : s.replace(".", "").replace(",", ".");
        return new BigDecimal(s);
    }

    private Map<String, Long> publishedTasksByStatus(long publication) throws Exception {
        String csv = Api.anonymous(port)
                .get("/api/v1/public/publications/" + publication + "/files/tasks.csv")
                .body();
        Map<String, Long> counts = new LinkedHashMap<>();
        for (CSVRecord r : CSVFormat.RFC4180.builder().setHeader().get().parse(new StringReader(csv))) {
            counts.merge(r.get("status"), 1L, Long::sum);
        }
        return counts;
    }
}
