package org.mandate.publication;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mandate.Browser;
import org.mandate.MandateIntegrationTest;
import org.openqa.selenium.By;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The overview's map, as a reader uses it: it draws the 34 provinces, each measure's colours and figures are
 * the table's beside it, a click on Cao Bằng opens Cao Bằng's page, and it draws the same from the static
 * export's plain files.
 */
@MandateIntegrationTest
class ProvinceMapBrowserIntegrationTests {

    static final String CHART = "echarts.getInstanceByDom(document.getElementById('map-chart'))";

    @LocalServerPort
    int port;

    @Autowired
    PublicationManagement publications;

    @Autowired
    PublicSite site;

    @Test
    void theMapDraws34ProvincesWithTheTablesFiguresAndACaoBangClickOpensItsPage(@TempDir Path dir) {
        Publication p = publications.publish(PublicationKind.MANUAL, LocalDate.now());
        try (Browser browser = Browser.open(port)) {
            browser.go("/public/p/" + p.id() + "/en/index.html");
            browser.find(By.cssSelector("#map-chart svg path"));
            assertThat(browser.script("return window.MANDATE_PROVINCES.features.length"))
                    .isEqualTo(34L);
            assertThat(browser.script("return " + CHART + ".getOption().series[0].data.length"))
                    .isEqualTo(34L);
            assertThat((Long) browser.script("return document.querySelectorAll('#map-chart svg path').length"))
                    .isGreaterThanOrEqualTo(34L);
            assertThat(browser.script("return document.querySelectorAll('#map-table tbody tr').length"))
                    .isEqualTo(34L);
            assertThat(browser.text(By.cssSelector(".map-credit"))).contains("Open Development Vietnam", "T. Cao");

            Select measure = new Select(browser.find(By.id("map-measure")));
            for (String m : List.of("percentDone", "overdue", "reports", "score")) {
                measure.selectByValue(m);
                new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
                        .until(d -> m.equals(browser.script(
                                "return document.getElementById('map-chart').getAttribute('data-measure')")));
                @SuppressWarnings("unchecked")
                Map<String, Object> drawn = (Map<String, Object>) browser.script("const o = {};" + CHART
                        + ".getOption().series[0].data.forEach(d => o[d.name] = d.value == null ? null : String(d.value));"
                        + " return o;");
                @SuppressWarnings("unchecked")
                Map<String, Object> table = (Map<String, Object>) browser.script("""
                        const o = {};
                        document.querySelectorAll('#map-table tbody tr').forEach(r => {
                          const v = r.querySelector('td[data-measure="' + arguments[0] + '"]').getAttribute('data-value');
                          o[r.getAttribute('data-unit')] = v;
                        });
                        return o;""", m);
                assertThat(table).as(m).hasSize(34);
                assertThat(drawn.keySet()).as(m).isEqualTo(table.keySet());
                for (String code : table.keySet()) {
                    Object t = table.get(code);
                    Object d = drawn.get(code);
                    if (t == null || t.toString().isEmpty()) {
                        assertThat(d).as(m + " " + code).isNull();
                    } else {
                        assertThat(Double.parseDouble(d.toString()))
                                .as(m + " " + code)
                                .isEqualTo(Double.parseDouble(t.toString()));
                    }
                }
                // No data is grey on the map.
                assertThat(
                                browser.script(
                                        "return " + CHART
                                                + ".getOption().series[0].data.filter(d => d.value == null && d.itemStyle.areaColor !== '#e5e7eb').length"))
                        .as(m)
                        .isEqualTo(0L);
            }

            @SuppressWarnings("unchecked")
            List<Number> at = (List<Number>) browser.script("""
                    const el = document.getElementById('map-chart');
                    el.scrollIntoView({block: 'center'});
                    const chart = echarts.getInstanceByDom(el);
                    const f = window.MANDATE_PROVINCES.features.find(f => f.properties.name === 'CAOBANG');
                    const ring = f.geometry.coordinates.map(p => p[0]).sort((a, b) => b.length - a.length)[0];
                    const inside = (x, y) => {
                      let c = false;
                      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
                        const [xi, yi] = ring[i], [xj, yj] = ring[j];
                        if ((yi > y) !== (yj > y) && x < (xj - xi) * (y - yi) / (yj - yi) + xi) { c = !c; }
                      }
                      return c;
                    };
                    const xs = ring.map(p => p[0]), ys = ring.map(p => p[1]);
                    const x0 = Math.min(...xs), x1 = Math.max(...xs), y0 = Math.min(...ys), y1 = Math.max(...ys);
                    let best = null, far = -1;
                    for (let i = 1; i < 30; i++) for (let j = 1; j < 30; j++) {
                      const x = x0 + (x1 - x0) * i / 30, y = y0 + (y1 - y0) * j / 30;
                      if (!inside(x, y)) continue;
                      const d = Math.min(...ring.map(q => Math.hypot(q[0] - x, q[1] - y)));
                      if (d > far) { far = d; best = [x, y]; }
                    }
                    const px = chart.convertToPixel({seriesIndex: 0}, best);
                    const r = el.getBoundingClientRect();
                    return [r.left + px[0], r.top + px[1]];""");
            new Actions(browser.driver())
                    .moveToLocation(at.get(0).intValue(), at.get(1).intValue())
                    .click()
                    .perform();
            new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
                    .until(ExpectedConditions.urlContains("/en/unit-CAOBANG.html"));
            assertThat(browser.text(By.tagName("h1"))).isNotBlank();

            site.export(p.id(), dir);
            browser.driver().get(dir.resolve("vi/index.html").toUri().toString());
            browser.find(By.cssSelector("#map-chart svg path"));
            assertThat(browser.script("return " + CHART + ".getOption().series[0].data.length"))
                    .isEqualTo(34L);
        }
    }
}
