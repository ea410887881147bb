package org.mandate.publication;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.mandate.Api;
import org.mandate.MandateIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * One public site: the resolution texts and the dashboard link to each other, the home page carries each
 * resolution's published figures, and a mistyped public address is a readable page in the reader's language
 * while the API keeps its problem details.
 */
@MandateIntegrationTest
class OnePublicSiteIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    PublicationManagement publications;

    @Test
    void theHomePageShowsEachResolutionsPublishedFiguresAndTheTextsAndTheDashboardLinkBothWays() {
        Publication p = publications.publish(PublicationKind.MANUAL, LocalDate.now());
        Api anyone = Api.anonymous(port);
        JsonNode content = anyone.get("/api/v1/public/publications/" + p.id()).json();
        JsonNode figures = content.path("summaries").path("resolutions").path("70-nq-tw");

        String home = anyone.get("/?lang=en").body();
        assertThat(home).contains("href=\"/public/en/resolution-70-nq-tw.html\"");
        String card = home.substring(home.indexOf("data-resolution=\"70-nq-tw\""));
        card = card.substring(0, card.indexOf("</ul>"));
        assertThat(card)
                .contains("data-figure=\"tasks\" data-value=\""
                        + figures.path("tasks").asLong() + "\"")
                .contains("data-figure=\"overdue\" class=\"bad\" data-value=\""
                        + figures.path("overdue").asLong() + "\"");

        assertThat(anyone.get("/resolutions/70-nq-tw?lang=en").body())
                .contains("href=\"/public/en/resolution-70-nq-tw.html\"");
        String dashboard = anyone.get("/public/p/" + p.id() + "/fr/resolution-70-nq-tw.html")
                .body();
        assertThat(dashboard)
                .contains("href=\"/resolutions/70-nq-tw?lang=fr\"")
                .contains("href=\"/public/appraisals?lang=fr\"")
                .contains("href=\"/public/supervision?lang=fr\"");
        assertThat(anyone.get("/public/appraisals?lang=fr").status()).isEqualTo(200);
        assertThat(anyone.get("/public/supervision?lang=fr").status()).isEqualTo(200);
    }

    @Test
    void aMistypedPublicAddressIsAnHtmlPageInTheReadersLanguage() {
        publications.publish(PublicationKind.MANUAL, LocalDate.now());
        Api.Response nope = Api.anonymous(port).in("ru").get("/public/nope");
        assertThat(nope.status()).isEqualTo(404);
        assertThat(nope.contentType()).startsWith("text/html");
        assertThat(nope.body()).contains("lang=\"ru\"", "Страница не найдена", "/public/ru/index.html");

        Api.Response unit = Api.anonymous(port).in("fr").get("/public/units/NOPE");
        assertThat(unit.status()).isEqualTo(404);
        assertThat(unit.contentType()).startsWith("text/html");
        assertThat(unit.body()).contains("Page introuvable");

        // The language of the address wins over the browser's.
        for (String path : new String[] {
            "/public/en/unit-NOPE.html",
            "/public/en/nope.html",
            "/public/p/99999999/en/index.html",
            "/public/p/x/en/index.html"
        }) {
            Api.Response page = Api.anonymous(port).in("vi").get(path);
            assertThat(page.status()).as(path).isEqualTo(404);
            assertThat(page.contentType()).as(path).startsWith("text/html");
            assertThat(page.body()).as(path).contains("Page not found").doesNotContain("\"status\"");
        }

        for (String path : new String[] {"/api/v1/public/publications/99999999", "/api/v1/public/nope"}) {
            Api.Response api = Api.anonymous(port).get(path);
            assertThat(api.status()).as(path).isEqualTo(404);
            assertThat(api.contentType()).as(path).startsWith("application/problem+json");
            assertThat(api.json().path("status").asInt()).isEqualTo(404);
        }
    }
}
