package org.mandate.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.mandate.Api;
import org.mandate.Browser;
import org.mandate.MandateIntegrationTest;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@MandateIntegrationTest
class TaskPagesIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    TaskManagement tasks;

    @Test
    void thePagesRenderInEachLanguage() {
        Api steering = Api.as(port, "steering");
        LocalDate today = tasks.today();
        long id = steering.post(
                        "/api/v1/tasks",
                        TaskApiIntegrationTests.taskJson(
                                TaskApiIntegrationTests.unique("Pages task"),
                                "CAOBANG",
                                today.minusDays(20),
                                today.minusDays(2),
                                "Decree issued"))
                .json()
                .path("id")
                .asLong();
        long b = steering.post("/api/v1/bottlenecks", """
                        {"title": "Pages bottleneck", "type": "LAND", "raisedBy": "CAOBANG", "blockedTasks": [%d]}
                        """.formatted(id))
                .json()
                .path("id")
                .asLong();
        for (String lang : new String[] {"vi", "en", "fr", "ru"}) {
            for (String path : new String[] {
                "/tasks",
                "/tasks/" + id,
                "/tasks/new",
                "/tasks/new?parent=" + id,
                "/tasks/legal",
                "/bottlenecks",
                "/bottlenecks/" + b,
                "/bottlenecks/new?task=" + id,
                "/org-units/CAOBANG/accountability",
                "/tasks?orgUnit=CAOBANG&overdue=true"
            }) {
                var r = steering.get(path + (path.contains("?") ? "&" : "?") + "lang=" + lang);
                assertThat(r.status()).as(path + " " + lang + " " + r.body()).isEqualTo(200);
                assertThat(r.body()).doesNotContain("??");
            }
        }
        assertThat(steering.get("/tasks/" + id + "?lang=en").body()).contains("Overdue", "blocked", "Pages bottleneck");
        assertThat(steering.get("/org-units/CAOBANG/accountability?lang=en").body())
                .contains("Accountability", "Pages task", "Pages bottleneck");
        assertThat(steering.get("/bottlenecks?lang=vi").body()).contains("Bảng điểm nghẽn", "Pages bottleneck");
        assertThat(steering.get("/org-units/CAOBANG?lang=en").body()).contains("/org-units/CAOBANG/accountability");
        assertThat(Api.anonymous(port).get("/tasks").status()).isNotEqualTo(200);
    }

    @Test
    void theLegalBoardCountsEveryDocumentAndNamesWhoIsLate() {
        Api steering = Api.as(port, "steering");
        LocalDate today = tasks.today();
        String title = TaskApiIntegrationTests.unique("Guiding circular");
        var created = steering.post(
                "/api/v1/tasks",
                TaskApiIntegrationTests.taskJson(
                                title, "CAOBANG-C02", today.minusDays(40), today.minusDays(3), "Circular in force")
                        .replace("\"POLICY\"", "\"LEGAL_DOCUMENT\""));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long drafting = steering.get("/api/v1/tasks?kind=LEGAL_DOCUMENT&orgUnit=CAOBANG-C02")
                .json()
                .path("total")
                .asLong();
        String board = steering.get("/tasks/legal?orgUnit=CAOBANG-C02&lang=en").body();
        assertThat(board).contains(title, "Drafting (" + drafting + ")", "/org-units/CAOBANG-C02/accountability");
    }

    @Test
    void aSteeringUserSeesADraftRefusedThenCaoBangReportsAndHitsAConflict() {
        try (Browser browser = Browser.open(port)) {
            browser.login("steering", "demo");
            browser.go("/tasks/new?lang=en");
            String title = TaskApiIntegrationTests.unique("Browser task");
            browser.type(By.id("title"), title);
            browser.type(By.id("description"), "Set up family-doctor stations in every commune");
            new Select(browser.find(By.id("resolution"))).selectByValue("72-nq-tw");
            new Select(browser.find(By.id("solutionGroup"))).selectByValue("72-S02");
            browser.type(By.id("leadUnit"), "CAOBANG");
            browser.type(By.id("responsiblePerson"), "Vice-chair of the province");
            browser.type(By.id("approver"), "CAOBANG");
            LocalDate today = tasks.today();
            browser.script("document.getElementById('startOn').value = arguments[0];", today.toString());
            browser.script(
                    "document.getElementById('deadline').value = arguments[0];",
                    today.plusDays(90).toString());
            browser.click(By.id("create-task"));
            assertThat(browser.text(By.id("task-status"))).isEqualTo("Draft");
            assertThat(browser.text(By.id("missing-clarities"))).contains("Clear result", "Expected result");

            new Select(browser.find(By.id("e-status"))).selectByValue("NOT_STARTED");
            browser.click(By.id("save-task"));
            assertThat(browser.text(By.id("error"))).contains("expectedResult");
            assertThat(browser.text(By.id("task-status"))).isEqualTo("Draft");

            browser.type(By.id("e-expected"), "A family doctor in every commune");
            new Select(browser.find(By.id("e-status"))).selectByValue("NOT_STARTED");
            browser.click(By.id("save-task"));
            assertThat(browser.text(By.id("task-status"))).isEqualTo("Not started");
            String url = browser.driver().getCurrentUrl();
            long id = Long.parseLong(url.replaceAll(".*/tasks/(\\d+).*", "$1"));

            // Someone else changes the task while the page is open: the stale form gets a clear conflict.
            Api.as(port, "reporter.caobang").post("/api/v1/tasks/" + id + "/updates", "{\"progress\": 10}");
            browser.type(By.id("u-progress"), "30");
            browser.click(By.id("post-update"));
            assertThat(browser.text(By.id("error"))).contains("conflict", "changed this in the meantime");

            browser.go("/tasks/" + id + "?lang=en");
            browser.type(By.id("u-progress"), "30");
            browser.type(By.id("u-note"), "Stations in 12 communes");
            browser.click(By.id("post-update"));
            assertThat(browser.text(By.id("timeline"))).contains("30%", "Stations in 12 communes");

            browser.click(By.id("raise-bottleneck"));
            browser.type(By.id("b-title"), "No doctors willing to move to the communes");
            new Select(browser.find(By.id("b-type"))).selectByValue("HUMAN_RESOURCES");
            browser.click(By.id("raise"));
            // The form has an input of the same id: wait for the saved bottleneck's page.
            assertThat(browser.text(By.cssSelector("a#b-owner"))).isEqualTo("CAOBANG");
            browser.go("/tasks/" + id + "?lang=en");
            assertThat(browser.find(By.id("blocked-badge")).isDisplayed()).isTrue();
            browser.go("/bottlenecks?lang=en");
            assertThat(browser.text(By.id("board"))).contains("No doctors willing");
        }
    }
}
