package org.mandate.discussion;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.mandate.Api;
import org.mandate.Browser;
import org.mandate.MandateIntegrationTest;
import org.mandate.indicators.Fixtures;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * As people do it, in Chromium: a reporter comments on a task mentioning the province and attaches a PDF;
 * the province's leader sees the bell's count go up, opens the notification, lands on the task, and
 * downloads the very bytes that were attached (the SHA-256 on the page, of the download and of the file
 * agree).
 */
@MandateIntegrationTest
class DiscussionBrowserIntegrationTests {

    @LocalServerPort
    int port;

    @Test
    void aCommentWithEvidenceReachesTheLeaderWhoDownloadsTheSameBytes() throws Exception {
        LocalDate today = LocalDate.now();
        String title = "Browser discussion " + Fixtures.unique();
        long task = Api.as(port, "steering")
                .post("/api/v1/tasks", """
                        {"title": "%s", "description": "Evidence", "resolution": "72-nq-tw",
                         "solutionGroup": "72-S02", "leadUnit": "CAOBANG-C01", "responsiblePerson": "Nguyen Van A",
                         "approver": "CAOBANG", "startOn": "%s", "deadline": "%s", "kind": "POLICY",
                         "expectedResult": "A plan"}
                        """.formatted(title, today, today.plusDays(30)))
                .json()
                .path("id")
                .asLong();
        Path pdf = Files.createTempFile("decision", ".pdf");
        Files.write(pdf, DiscussionIntegrationTests.PDF);
        String sha =
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(DiscussionIntegrationTests.PDF));

        try (Browser leader = Browser.open(port);
                Browser reporter = Browser.open(port)) {
            leader.login("leader.caobang", "demo");
            leader.go("/tasks");
            long before = Long.parseLong(leader.text(By.id("bell-count")));

            reporter.login("reporter.caobang-c01", "demo");
            reporter.go("/tasks/" + task);
            reporter.type(By.id("comment-text"), "Decision signed, @CAOBANG please check.");
            reporter.click(By.cssSelector("#comment-form button[type=submit]"));
            reporter.waitForText("Decision signed, @CAOBANG please check.");
            reporter.find(By.id("attachment-file")).sendKeys(pdf.toString());
            reporter.click(By.cssSelector("#attachment-form button[type=submit]"));
            reporter.waitForText(pdf.getFileName().toString(), sha);

            leader.go("/tasks");
            assertThat(Long.parseLong(leader.text(By.id("bell-count")))).isEqualTo(before + 1);
            leader.click(By.id("bell"));
            leader.waitForText("reporter.caobang-c01");
            leader.click(By.xpath("//ol[@id='notifications']//button[contains(., 'reporter.caobang-c01')]"));
            leader.waitForText(title, "Decision signed", sha);
            assertThat(leader.driver().getCurrentUrl()).contains("/tasks/" + task);
            assertThat(Long.parseLong(leader.text(By.id("bell-count")))).isEqualTo(before);

            String href = leader.find(By.cssSelector(".attachment a")).getAttribute("href");
            Cookie session = leader.driver().manage().getCookieNamed("SESSION");
            HttpResponse<byte[]> download = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(href))
                                    .header("Cookie", "SESSION=" + session.getValue())
                                    .build(),
                            HttpResponse.BodyHandlers.ofByteArray());
            assertThat(download.statusCode()).isEqualTo(200);
            assertThat(download.headers().firstValue("X-Content-SHA256")).contains(sha);
            assertThat(HexFormat.of()
                            .formatHex(MessageDigest.getInstance("SHA-256").digest(download.body())))
                    .isEqualTo(sha);
        } finally {
            Files.deleteIfExists(pdf);
        }
    }
}
