package org.mandate.publication;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mandate.Api;
import org.mandate.MandateIntegrationTest;
import org.mandate.tasks.TaskManagement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The headline in words says the figures of the page. A resolution made here, with numbers stated below, is
 * read back from its public page in English and Russian, from the home page and from the resolution's text;
 * a province's headline is checked against the published JSON, counted here independently.
 */
@MandateIntegrationTest
class HeadlineIntegrationTests {

    static final String NBSP = "\u00a0";

    @LocalServerPort
    int port;

    @Autowired
    PublicationManagement publications;

    @Autowired
    TaskManagement tasks;

    Api steering;
    String slug;
    LocalDate today;

    long task(String title, LocalDate start, LocalDate deadline, long planned, long disbursed) {
        Api.Response r = steering.post(
                "/api/v1/tasks", """
                {"title": "%s", "description": "Headline fixture", "resolution": "%s", "solutionGroup": "HL-S01",
                 "leadUnit": "CAOBANG", "responsiblePerson": "Tran Thi B", "approver": "CAOBANG",
                 "startOn": "%s", "deadline": "%s", "expectedResult": "Plan adopted", "kind": "POLICY",
                 "budgetPlanned": %d, "budgetAllocated": %d, "budgetDisbursed": %d}
                """.formatted(title, slug, start, deadline, planned, planned, disbursed));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().path("id").asLong();
    }

    static String headline(String html) {
        int at = html.indexOf("id=\"headline\">");
        assertThat(at).as("a headline on the page").isPositive();
        String text = html.substring(at + "id=\"headline\">".length(), html.indexOf("</p>", at));
        return text.replace("&#39;", "'").replace("&quot;", "\"").replace("&amp;", "&");
    }

    @Test
    void aResolutionsHeadlineSaysItsOwnFiguresInEnglishAndRussian() {
        steering = Api.as(port, "steering");
        today = tasks.today();
        long n = System.nanoTime() % 1_000_000_000L;
        slug = "hl-" + n;
        assertThat(steering.post("/api/v1/resolutions", """
                        {"slug": "%s", "number": "%d-HL/TW", "titles": {"vi": "Nghị quyết thử", "en": "Headline test"},
                         "issuedOn": "2026-01-02", "issuer": "Test"}
                        """.formatted(slug, n)).status())
                .isEqualTo(201);
        assertThat(steering.post(
                                "/api/v1/resolutions/" + slug + "/solution-groups",
                                "{\"code\":\"HL-S01\",\"titles\":{\"vi\":\"Nhóm 1\"}}")
                        .status())
                .isEqualTo(201);
        for (String indicator : new String[] {"R70_RESERVE_MARGIN", "R70_INSTALLED_CAPACITY"}) {
            Api.Response goal =
                    steering.post("/api/v1/resolutions/" + slug + "/goals", """
                    {"code": "G-%s", "description": {"vi": "Mục tiêu"}, "indicator": "%s", "targetValue": 10, "targetYear": 2030}
                    """.formatted(indicator, indicator));
            assertThat(goal.status()).as(goal.body()).isEqualTo(201);
        }
        long billion = 1_000_000_000L;
        // Five tasks: one done, three overdue (the oldest 246 days past its deadline), one not started.
        long notStarted = task("Not started", today, today.plusDays(30), 50 * billion, 30 * billion);
        long done = task("Done", today.minusDays(10), today.plusDays(10), 0, 0);
        assertThat(steering.post(
                                "/api/v1/tasks/" + done + "/updates",
                                "{\"progress\": 100, \"status\": \"DONE\", \"note\": \"Plan adopted\", \"evidenceUrl\": \"https://example.org/plan\"}")
                        .status())
                .isEqualTo(201);
        task("Overdue the longest", today.minusDays(300), today.minusDays(246), 0, 0);
        task("Overdue", today.minusDays(60), today.minusDays(20), 0, 0);
        long blocked =
                task("Overdue and blocked", today.minusDays(60), today.minusDays(5), 100 * billion, 20 * billion);
        // One open bottleneck blocking two tasks that still have 20 + 80 billion to spend.
        Api.Response bottleneck = steering.post("/api/v1/bottlenecks", """
                {"title": "Capital late %d", "type": "CAPITAL", "severity": "HIGH", "raisedBy": "CAOBANG",
                 "owner": "CAOBANG", "resolution": "%s", "blockedTasks": [%d, %d]}
                """.formatted(n, slug, notStarted, blocked));
        assertThat(bottleneck.status()).as(bottleneck.body()).isEqualTo(201);

        Publication p = publications.publish(PublicationKind.MANUAL, today);
        Api anyone = Api.anonymous(port);
        JsonNode content = anyone.get("/api/v1/public/publications/" + p.id()).json();
        long onTrack = 0;
        for (JsonNode i : content.path("indicators")) {
            String code = i.path("code").asString();
            if ((code.equals("R70_RESERVE_MARGIN") || code.equals("R70_INSTALLED_CAPACITY"))
                    && i.path("latest").path("onTrack").asBoolean(false)) {
                onTrack++;
            }
        }

        String english = onTrack + " of 2 goals on track; 1 of 5 tasks done; 3 overdue, the oldest by 246 days; "
                + "1 open bottleneck blocks VND" + NBSP + "100" + NBSP + "bn.";
        String russian =
                "Целей в графике: " + onTrack + " из 2; задач выполнено: 1 из 5; просрочено: 3, самая давняя — "
                        + "на 246 дн.; открытых узких мест: 1, заблокировано 100" + NBSP + "млрд" + NBSP + "₫.";
        String page = "/public/p/" + p.id() + "/%s/resolution-" + slug + ".html";
        assertThat(headline(anyone.get(page.formatted("en")).body())).isEqualTo(english);
        assertThat(headline(anyone.get(page.formatted("ru")).body())).isEqualTo(russian);
        assertThat(anyone.get("/public/p/" + p.id() + "/vi/resolution-" + slug + ".html")
                        .body())
                .contains(
                        "1/5 nhiệm vụ đã hoàn thành",
                        "3 nhiệm vụ quá hạn, lâu nhất 246 ngày",
                        "100" + NBSP + "tỷ" + NBSP + "đồng");
        assertThat(anyone.get("/public/p/" + p.id() + "/fr/resolution-" + slug + ".html")
                        .body())
                .contains("1 sur 5 tâches achevées" + NBSP + "; 3 en retard, la plus ancienne de 246 jours");
        // The home page and the resolution's text say the latest publication's headline.
        if (publications.latest().orElseThrow().id() == p.id()) {
            assertThat(anyone.get("/?lang=ru").body()).contains(russian);
            assertThat(anyone.get("/resolutions/" + slug + "?lang=en").body()).contains(english);
        }
    }

    @Test
    void aProvincesHeadlineAgreesWithThePublishedFiguresCountedIndependently() {
        Publication p = publications.publish(PublicationKind.MANUAL, tasks.today());
        Api anyone = Api.anonymous(port);
        JsonNode content = anyone.get("/api/v1/public/publications/" + p.id()).json();
        LocalDate asOf = LocalDate.parse(content.path("asOf").asString());
        Map<String, String> parent = new HashMap<>();
        content.path("orgUnits")
                .forEach(u ->
                        parent.put(u.path("code").asString(), u.path("parent").asString(null)));
        Set<String> under = new HashSet<>();
        for (String code : parent.keySet()) {
            for (String c = code; c != null; c = parent.get(c)) {
                if (c.equals("CAOBANG")) {
                    under.add(code);
                    break;
                }
            }
        }
        JsonNode f = content.path("summaries").path("units").path("CAOBANG");
        long total = f.path("tasks").asLong();
        long done = f.path("tasksByStatus").path("DONE").asLong(0)
                + f.path("tasksByStatus").path("DONE_LATE").asLong(0);
        long overdue = f.path("overdue").asLong();
        long oldest = 0;
        Map<Long, JsonNode> byId = new HashMap<>();
        for (JsonNode t : content.path("tasks")) {
            byId.put(t.path("id").asLong(), t);
            if (t.path("status").asString().equals("OVERDUE")
                    && under.contains(t.path("leadUnit").asString())) {
                oldest = Math.max(
                        oldest,
                        java.time.temporal.ChronoUnit.DAYS.between(
                                LocalDate.parse(t.path("deadline").asString()), asOf));
            }
        }
        long open = 0;
        Set<Long> blocked = new HashSet<>();
        for (JsonNode b : content.path("bottlenecks")) {
            if (b.path("status").asString().equals("OPEN")
                    && under.contains(b.path("owner").asString())) {
                open++;
                b.path("blockedTasks").forEach(id -> blocked.add(id.asLong()));
            }
        }
        assertThat(open)
                .isEqualTo(f.path("openBottlenecksByType")
                        .valueStream()
                        .mapToLong(JsonNode::asLong)
                        .sum());
        long money = 0;
        for (long id : blocked) {
            JsonNode t = byId.get(id);
            money += Math.max(
                    0,
                    t.path("budgetPlanned").asLong() - t.path("budgetDisbursed").asLong());
        }
        org.mandate.shared.Figures en = org.mandate.shared.Figures.of("en");
        String expected = en.integer(done) + " of " + en.integer(total) + " tasks done; "
                + (overdue == 0
                        ? "none overdue"
                        : en.integer(overdue) + " overdue, " + (overdue == 1 ? "by " : "the oldest by ") + oldest
                                + (oldest == 1 ? " day" : " days"))
                + "; "
                + (open == 0
                        ? "no open bottlenecks"
                        : en.integer(open)
                                + (open == 1 ? " open bottleneck" : " open bottlenecks")
                                + (money > 0 ? (open == 1 ? " blocks " : " block ") + en.money(money) : ""))
                + ".";
        String headline = headline(
                anyone.get("/public/p/" + p.id() + "/en/unit-CAOBANG.html").body());
        // A province's key indicators may come first ("… goals on track; "): the rest is the tasks' sentence.
        assertThat(headline).endsWith(expected);
        assertThat(headline(anyone.get("/public/p/" + p.id() + "/ru/unit-CAOBANG.html")
                        .body()))
                .contains("задач выполнено: " + done + " из " + total);
    }
}
