package org.mandate.resolutions;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.mandate.Api;
import org.mandate.Browser;
import org.mandate.MandateIntegrationTest;
import org.openqa.selenium.By;
import org.springframework.boot.test.web.server.LocalServerPort;

@MandateIntegrationTest
class ResolutionPagesIntegrationTests {

    @LocalServerPort
    int port;

    @Test
    void theHomePageListsTheFiveResolutionsInEachLanguage() {
        Api anyone = Api.anonymous(port);
        String vi = anyone.get("/?lang=vi").body();
        assertThat(vi).contains("Nghị quyết", "70-NQ/TW", "57-NQ/TW", "59-NQ/TW", "71-NQ/TW", "72-NQ/TW");
        assertThat(anyone.get("/?lang=en").body()).contains("Resolutions", "national energy security");
        assertThat(anyone.get("/?lang=fr").body()).contains("Résolutions", "énergétique");
        assertThat(anyone.get("/?lang=ru").body()).contains("Резолюции");
        assertThat(anyone.get("/resolutions/70-nq-tw?lang=en").body())
                .contains("Five clarities", "Invest strongly in transmission and storage");
        assertThat(anyone.get("/resolutions/unknown").status()).isEqualTo(404);
        assertThat(anyone.get("/org-units/CAOBANG?lang=en").body()).contains("Cao Bang", "Sample commune 01");
    }

    @Test
    void aUserLogsInSwitchesLanguageAndOpensAResolution() {
        try (Browser browser = Browser.open(port)) {
            browser.login("steering", "demo");
            assertThat(browser.text(By.tagName("h1"))).isEqualTo("Nghị quyết");
            browser.waitForText("dữ liệu mẫu");

            browser.click(By.id("lang-en"));
            assertThat(browser.text(By.tagName("h1"))).isEqualTo("Resolutions");
            browser.click(By.cssSelector("a[href='/resolutions/72-nq-tw']"));
            assertThat(browser.text(By.cssSelector("p.number"))).isEqualTo("72-NQ/TW");
            browser.waitForText("Strengthen preventive medicine", "Five clarities");

            browser.click(By.id("lang-ru"));
            browser.waitForText("Пять ясностей");
            browser.click(By.id("lang-fr"));
            browser.waitForText("Cinq clartés");
            assertThat(browser.text(By.id("account-link"))).isEqualTo("steering");
        }
    }
}
