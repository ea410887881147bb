package org.mandate.publication;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mandate.Browser;
import org.mandate.MandateIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * WCAG 2.1 reflow: at 320 CSS pixels no public page scrolls sideways (wide tables scroll inside their own
 * labelled region), in every language. A page that does is named with the elements that stick out.
 */
@MandateIntegrationTest
class ReflowBrowserIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    PublicationManagement publications;

    static final String STICKING_OUT = """
            const w = document.documentElement.clientWidth;
            const out = [];
            document.querySelectorAll('body *').forEach(e => {
              const r = e.getBoundingClientRect();
              if (r.right > w + 1 && r.width > 0 && !e.closest('.table-wrap')) {
                out.push(e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className && e.className.baseVal === undefined ? '.' + String(e.className).replace(/ /g, '.') : '') + ' ' + Math.round(r.right));
              }
            });
            return out.slice(0, 6).join(', ');""";

    @Test
    void noPublicPageScrollsSidewaysAt320Px() {
        Publication first = publications.publish(PublicationKind.MANUAL, LocalDate.now());
        Publication p = publications.publish(PublicationKind.MANUAL, LocalDate.now());
        try (Browser browser = Browser.open(port)) {
            browser.driver().manage().window().setSize(new org.openqa.selenium.Dimension(320, 800));
            // A window is never narrower than the browser allows: the layout viewport is set to 320 px.
            ((org.openqa.selenium.chromium.HasCdp) browser.driver())
                    .executeCdpCommand(
                            "Emulation.setDeviceMetricsOverride",
                            Map.of("width", 320, "height", 800, "deviceScaleFactor", 1, "mobile", true));
            List<String> wide = new ArrayList<>();
            for (String lang : List.of("vi", "en", "fr", "ru")) {
                List<String> paths = new ArrayList<>();
                for (String page : List.of(
                        "index",
                        "resolution-70-nq-tw",
                        "unit-CAOBANG",
                        "unit-CAOBANG-C01",
                        "units",
                        "changes",
                        "publications",
                        "data",
                        "rebaselines")) {
                    paths.add("/public/p/" + p.id() + "/" + lang + "/" + page + ".html");
                }
                paths.add("/public/" + lang + "/compare.html?from=" + first.id() + "&to=" + p.id());
                paths.add("/public/" + lang + "/nope.html");
                paths.add("/?lang=" + lang);
                paths.add("/resolutions/70-nq-tw?lang=" + lang);
                paths.add("/public/appraisals?lang=" + lang);
                paths.add("/public/supervision?lang=" + lang);
                paths.add("/public/feedback/unit:CAOBANG?lang=" + lang);
                for (String path : paths) {
                    browser.go(path);
                    long viewport = (Long) browser.script("return document.documentElement.clientWidth");
                    long content = (Long) browser.script("return document.documentElement.scrollWidth");
                    if (content > viewport) {
                        wide.add(path + ": " + content + " px in " + viewport + " — " + browser.script(STICKING_OUT));
                    }
                }
            }
            assertThat(wide).isEmpty();
        }
    }

    /**
     * The staff forms people fill in on a phone (and the new-task form on a 1,366 px laptop) fit the window:
     * nothing scrolls sideways.
     */
    @Test
    void noStaffFormScrollsSideways() {
        try (Browser browser = Browser.open(port)) {
            browser.login("reporter.caobang", "demo");
            long task = (Long) org.springframework.jdbc.core.simple.JdbcClient.create(dataSource)
                    .sql(
                            "select min(t.id) from task t join org_unit u on u.id = t.lead_unit_id where u.code = 'CAOBANG'")
                    .query(Long.class)
                    .single();
            List<String> wide = new ArrayList<>();
            for (int width : new int[] {320, 1366}) {
                browser.driver().manage().window().setSize(new org.openqa.selenium.Dimension(width, 800));
                ((org.openqa.selenium.chromium.HasCdp) browser.driver())
                        .executeCdpCommand(
                                "Emulation.setDeviceMetricsOverride",
                                Map.of("width", width, "height", 800, "deviceScaleFactor", 1, "mobile", width < 400));
                for (String lang : List.of("vi", "en", "fr", "ru")) {
                    for (String path : List.of(
                            "/tasks/new",
                            "/tasks/" + task,
                            "/bottlenecks/new",
                            "/data-entry",
                            "/notifications",
                            "/notifications/settings",
                            "/account")) {
                        browser.go(path + "?lang=" + lang);
                        long viewport = (Long) browser.script("return document.documentElement.clientWidth");
                        long content = (Long) browser.script("return document.documentElement.scrollWidth");
                        if (content > viewport) {
                            wide.add(width + " " + path + " " + lang + ": " + content + " px in " + viewport + " — "
                                    + browser.script(STICKING_OUT));
                        }
                    }
                }
            }
            assertThat(wide).isEmpty();
        }
    }

    @Autowired
    javax.sql.DataSource dataSource;
}
