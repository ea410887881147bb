package org.mandate.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mandate.Api;
import org.mandate.Browser;
import org.mandate.MandateIntegrationTest;
import org.mandate.publication.Publication;
import org.mandate.publication.PublicationKind;
import org.mandate.publication.PublicationManagement;
import org.openqa.selenium.By;
import org.openqa.selenium.chromium.HasCdp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The pages pass their own Content-Security-Policy: a listener registered before any page script (through
 * the DevTools protocol) counts {@code securitypolicyviolation} events on the main staff pages and the
 * public pages, the published site's fast path included; there must be none, and the charts still draw.
 */
@MandateIntegrationTest
class ContentSecurityPolicyBrowserIntegrationTests {

    static final String LISTENER = """
            window.__csp = [];
            document.addEventListener('securitypolicyviolation', function (e) {
              window.__csp.push(e.violatedDirective + ' ' + e.blockedURI + ' at ' + e.sourceFile + ':' + e.lineNumber);
            }, true);
            """;

    @LocalServerPort
    int port;

    @Autowired
    PublicationManagement publications;

    @Test
    void staffAndPublicPagesRaiseNoViolationAndChartsDraw() throws Exception {
        Publication p = publications.publish(PublicationKind.MANUAL, LocalDate.now());
        long task = Api.as(port, "admin")
                .get("/api/v1/tasks?orgUnit=CAOBANG&size=1")
                .json()
                .path("items")
                .get(0)
                .path("id")
                .asLong();
        long bottleneck = Api.as(port, "admin")
                .get("/api/v1/bottlenecks?size=1")
                .json()
                .path("items")
                .get(0)
                .path("id")
                .asLong();
        String indicator = Api.as(port, "admin")
                .get("/api/v1/indicators?size=1")
                .json()
                .path("items")
                .get(0)
                .path("code")
                .asString();
        try (Browser browser = Browser.open(port)) {
            ((HasCdp) browser.driver())
                    .executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", LISTENER));
            List<String> violations = new ArrayList<>();
            List<String> publicPages = List.of(
                    "/",
                    "/resolutions/70-nq-tw",
                    "/org-units/CAOBANG",
                    "/public/feedback",
                    "/public/p/" + p.id() + "/en/index.html",
                    "/public/p/" + p.id() + "/en/index.html", // the second time from the fast path's memory
                    "/public/p/" + p.id() + "/en/resolution-70-nq-tw.html",
                    "/public/p/" + p.id() + "/vi/unit-CAOBANG.html",
                    "/public/en/index.html",
                    "/login");
            for (String path : publicPages) {
                visit(browser, path, violations);
            }
            browser.go("/public/p/" + p.id() + "/en/index.html");
            browser.find(By.cssSelector("[data-chart] svg"));

            browser.login("admin", "demo");
            List<String> staffPages = List.of(
                    "/dashboard",
                    "/tasks",
                    "/tasks/" + task,
                    "/tasks/new",
                    "/tasks/legal",
                    "/bottlenecks",
                    "/bottlenecks/" + bottleneck,
                    "/indicators",
                    "/indicators/" + indicator,
                    "/data-entry",
                    "/reports",
                    "/reviews",
                    "/reviews/appraisals",
                    "/feedback/moderation",
                    "/account",
                    "/admin/users",
                    "/admin/audit");
            for (String path : staffPages) {
                visit(browser, path, violations);
            }
            browser.go("/indicators/" + indicator);
            assertThat(browser.script(
                            "return document.querySelectorAll('#trend-chart canvas, #trend-chart svg').length"))
                    .isNotEqualTo(0L);
            assertThat(violations).isEmpty();
        }
    }

    @SuppressWarnings("unchecked")
    private static void visit(Browser browser, String path, List<String> violations) throws InterruptedException {
        browser.go(path);
        browser.find(By.tagName("main"));
        Thread.sleep(300); // deferred scripts and charts
        Object found = browser.script("return window.__csp || ['listener missing'];");
        for (Object v : (List<Object>) found) {
            violations.add(path + ": " + v);
        }
    }
}
