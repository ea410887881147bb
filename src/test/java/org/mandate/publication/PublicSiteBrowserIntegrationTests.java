package org.mandate.publication;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mandate.Browser;
import org.mandate.MandateIntegrationTest;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@MandateIntegrationTest
class PublicSiteBrowserIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    PublicationManagement publications;

    @Test
    void publicPagesRenderAndPassAxe() {
        Publication p = publications.publish(PublicationKind.WEEKLY, LocalDate.now());
        try (Browser browser = Browser.open(port)) {
            for (String page :
                    new String[] {"index", "resolution-70-nq-tw", "unit-CAOBANG", "changes", "publications", "data"}) {
                browser.go("/public/p/" + p.id() + "/en/" + page + ".html");
                assertThat(browser.text(By.tagName("h1"))).isNotBlank();
                assertThat(browser.seriousAccessibilityViolations()).as(page).isEmpty();
            }
            browser.click(By.id("lang-fr"));
            assertThat(browser.find(By.tagName("html")).getAttribute("lang")).isEqualTo("fr");
            browser.go("/public/p/" + p.id() + "/en/publications.html");
            browser.click(By.id("verify-button"));
            org.openqa.selenium.support.ui.WebDriverWait wait = new org.openqa.selenium.support.ui.WebDriverWait(
                    browser.driver(), java.time.Duration.ofSeconds(10));
            wait.until(d -> !d.findElement(By.id("verify-result")).getText().isBlank());
            assertThat(browser.text(By.id("verify-result"))).contains("intact");
        }
    }

    @Autowired
    PublicSite site;

    @Test
    void chartsDrawAndTheStaticExportOpensFromPlainFilesWithTheSameFigures(@TempDir Path dir) {
        Publication p = publications.publish(PublicationKind.MANUAL, LocalDate.now());
        site.export(p.id(), dir);
        try (Browser browser = Browser.open(port)) {
            for (String page : new String[] {"index", "resolution-70-nq-tw", "unit-CAOBANG"}) {
                browser.go("/public/p/" + p.id() + "/en/" + page + ".html");
                browser.find(By.cssSelector("[data-chart] svg"));
                assertThat(browser.script("return document.querySelectorAll('[data-chart] svg').length"))
                        .as(page)
                        .isNotEqualTo(0L);
            }
            browser.go("/public/p/" + p.id() + "/en/index.html");
            String live = browser.text(By.tagName("main"));

            browser.driver().get(dir.resolve("en/index.html").toUri().toString());
            browser.find(By.cssSelector("[data-chart] svg"));
            assertThat(browser.text(By.tagName("main"))).isEqualTo(live);
            browser.click(By.cssSelector("a[href='resolution-70-nq-tw.html']"));
            new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(30))
                    .until(org.openqa.selenium.support.ui.ExpectedConditions.urlContains(
                            "/en/resolution-70-nq-tw.html"));
            assertThat(browser.driver().getCurrentUrl()).startsWith("file:");
            browser.waitForText("70-NQ/TW", "On ensuring national energy security");
            browser.find(By.cssSelector("[data-chart] svg"));

            // The comparison of two publications is in the export too, as the live site shows it.
            long before = site.weekBefore(p.id()).orElseThrow().id();
            browser.go("/public/ru/compare.html?from=" + before + "&to=" + p.id());
            String liveComparison = browser.text(By.tagName("main"));
            browser.driver().get(dir.resolve("ru/compare.html").toUri().toString());
            assertThat(browser.text(By.tagName("main"))).isEqualTo(liveComparison);
        }
    }

    @Test
    void staffPagesPassAxe() {
        try (Browser browser = Browser.open(port)) {
            for (String path :
                    new String[] {"/", "/resolutions/70-nq-tw", "/org-units", "/org-units/CAOBANG", "/login"}) {
                browser.go(path);
                assertThat(browser.seriousAccessibilityViolations()).as(path).isEmpty();
            }
            // The checker itself can fail: a nameless button is a critical violation.
            browser.script("document.querySelector('main').appendChild(document.createElement('button'))");
            assertThat(browser.seriousAccessibilityViolations()).anyMatch(v -> v.startsWith("button-name"));
        }
    }
}
