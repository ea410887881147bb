package org.mandate.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mandate.Api;
import org.mandate.indicators.Fixtures;
import org.mandate.tasks.TaskManagement;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.thymeleaf.ITemplateEngine;
import tools.jackson.databind.JsonNode;

/**
 * Notifications reach people once, by e-mail (an SMTP server inside the test, GreenMail) and in the inbox:
 * the overdue job makes a task overdue and the lead unit's reporter gets one e-mail in its language and one
 * inbox line; two senders over one database send each e-mail once; with the SMTP server down nothing is
 * lost, the inbox works, and the e-mail goes out when the server is back.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "mandate.notifications.send-interval=PT1H",
            "mandate.notifications.base-url=https://mandate.example"
        })
@ActiveProfiles({"demo", "test"})
class NotificationsIntegrationTests {

    private static final int SMTP_PORT = freePort();
    private static GreenMail smtp;

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
    }

    @BeforeAll
    static void startSmtp() {
        smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
    }

    @AfterAll
    static void stopSmtp() {
        smtp.stop();
    }

    @LocalServerPort
    int port;

    @Autowired
    NotificationMailer mailer;

    @Autowired
    Notifications notifications;

    @Autowired
    NotificationCenter center;

    @Autowired
    TaskManagement tasks;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ObjectProvider<JavaMailSender> senders;

    @Autowired
    ITemplateEngine templates;

    @Autowired
    MessageSource messages;

    @BeforeEach
    void sendWhatIsWaiting() throws Exception {
        // Start from an empty mailbox: whatever earlier work announced is sent and forgotten.
        mailer.sendPending(Instant.now().plus(1, ChronoUnit.DAYS));
        smtp.purgeEmailFromAllMailboxes();
    }

    @Test
    void anOverdueTaskReachesItsReporterOnceByEmailInItsLanguageAndInTheInbox() throws Exception {
        String title = "Overdue notice " + Fixtures.unique();
        long id = createTask(title, "CAOBANG-C01");
        mailer.sendPending(Instant.now().plus(1, ChronoUnit.DAYS));
        smtp.purgeEmailFromAllMailboxes();

        LocalDate later = tasks.today().plusDays(40);
        assertThat(tasks.markOverdue(later)).isPositive();
        // The job runs again the next day: nobody is told twice.
        tasks.markOverdue(later.plusDays(1));
        mailer.sendPending(Instant.now().plus(1, ChronoUnit.DAYS));
        mailer.sendPending(Instant.now().plus(2, ChronoUnit.DAYS));

        List<MimeMessage> toReporter = about(title, "reporter.caobang-c01@example.org");
        assertThat(toReporter).hasSize(1);
        // reporter.caobang-c01 reads Vietnamese; leader.caobang (the approver's leader) English.
        assertThat(toReporter.get(0).getSubject()).startsWith("Quá hạn").contains(title);
        String body = GreenMailUtil.getBody(toReporter.get(0));
        assertThat(body).contains("https://mandate.example/tasks/" + id);
        List<MimeMessage> toLeader = about(title, "leader.caobang@example.org");
        assertThat(toLeader).hasSize(1);
        assertThat(toLeader.get(0).getSubject()).startsWith("Overdue").contains(title);

        JsonNode inbox = Api.as(port, "reporter.caobang-c01")
                .get("/api/v1/notifications?unread=true&size=100")
                .json();
        List<JsonNode> lines = items(inbox).stream()
                .filter(n -> n.path("kind").asString().equals("TASK_OVERDUE")
                        && n.path("link").asString().equals("/tasks/" + id))
                .toList();
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0).path("title").asString()).contains(title);

        // Reading it takes it off the unread list and the bell.
        long unreadBefore = center.unread("reporter.caobang-c01");
        Api.Response read = Api.as(port, "reporter.caobang-c01")
                .post("/api/v1/notifications/" + lines.get(0).path("id").asLong() + "/read", "{}");
        assertThat(read.status()).isEqualTo(200);
        assertThat(center.unread("reporter.caobang-c01")).isEqualTo(unreadBefore - 1);
        // Another person's notification is not theirs to read.
        assertThat(Api.as(port, "reporter.moh")
                        .post("/api/v1/notifications/" + lines.get(0).path("id").asLong() + "/read", "{}")
                        .status())
                .isEqualTo(404);
    }

    @Autowired
    NotificationJobs jobs;

    @Autowired
    org.mandate.bottlenecks.BottleneckManagement bottlenecks;

    @Test
    void aDueReportAndAnEscalationReachTheRightPeopleOnce() throws Exception {
        // A report Cao Bằng's commune 01 still owes: its reporter is told two days before its due day, once.
        var report = jdbc.sql("""
                        select r.id, r.due_on from report r join org_unit u on u.id = r.org_unit_id
                         where u.code = 'CAOBANG-C01' and r.state in ('OPEN', 'RETURNED') order by r.id desc
                        """)
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getDate(2).toLocalDate()})
                .list()
                .get(0);
        long reportId = (Long) report[0];
        LocalDate due = (LocalDate) report[1];
        jobs.remind(due.minusDays(2));
        jobs.remind(due.minusDays(2));
        mailer.sendPending(Instant.now().plus(1, ChronoUnit.DAYS));
        assertThat(jdbc.sql("select count(*) from notification where recipient = 'reporter.caobang-c01'"
                                + " and kind = 'REPORT_DUE' and link = :link")
                        .param("link", "/reports/" + reportId)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(Arrays.stream(smtp.getReceivedMessages())
                        .filter(m -> subject(m).startsWith("Báo cáo kỳ")
                                && subject(m).contains(String.valueOf(due)))
                        .count())
                .isGreaterThanOrEqualTo(1);

        // A bottleneck owned by the commune, left unresolved: escalated to Cao Bằng, whose leader is told once.
        long task = createTask("Blocked " + Fixtures.unique(), "CAOBANG-C01");
        var raised = bottlenecks.raise(
                new org.mandate.shared.Actor("steering", org.mandate.shared.Role.STEERING, "TW"),
                new org.mandate.bottlenecks.BottleneckManagement.NewBottleneck(
                        "Land not cleared " + Fixtures.unique(),
                        "The site is not handed over",
                        org.mandate.bottlenecks.BottleneckType.LAND,
                        org.mandate.bottlenecks.Severity.HIGH,
                        "CAOBANG-C01",
                        "CAOBANG-C01",
                        "72-nq-tw",
                        List.of(task)));
        LocalDate later = bottlenecks.today().plusDays(bottlenecks.escalateAfterDays() + 1);
        assertThat(bottlenecks.escalateOverdue(later)).isPositive();
        assertThat(jdbc.sql("select count(*) from notification where recipient = 'leader.caobang'"
                                + " and kind = 'BOTTLENECK_ESCALATED' and link = :link")
                        .param("link", "/bottlenecks/" + raised.id())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        mailer.sendPending(Instant.now().plus(1, ChronoUnit.DAYS));
        assertThat(Arrays.stream(smtp.getReceivedMessages())
                        .filter(m ->
                                subject(m).startsWith("Escalated") && subject(m).contains(raised.title()))
                        .count())
                .isEqualTo(1);

        // The weekly summary of each leader, once per week.
        LocalDate monday = tasks.today().with(java.time.DayOfWeek.MONDAY).plusWeeks(1);
        jobs.weekly(monday);
        jobs.weekly(monday);
        assertThat(jdbc.sql(
                                "select count(*) from notification where recipient = 'leader.caobang' and kind = 'WEEKLY_DIGEST'"
                                        + " and dedup_key like 'weekly:%'")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void aTaskReportedAtRiskReachesTheApproversLeader() {
        long task = createTask("At risk " + Fixtures.unique(), "CAOBANG-C01");
        Api.Response update = Api.as(port, "reporter.caobang-c01")
                .post(
                        "/api/v1/tasks/" + task + "/updates",
                        "{\"progress\": 20, \"status\": \"AT_RISK\", \"note\": \"Land\"}");
        assertThat(update.status()).as(update.body()).isIn(200, 201);
        assertThat(jdbc.sql(
                                "select count(*) from notification where recipient = 'leader.caobang' and kind = 'TASK_AT_RISK'"
                                        + " and link = :link")
                        .param("link", "/tasks/" + task)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void anInvitedExpertIsToldInFrench() {
        Api.Response invited = Api.as(port, "steering")
                .post(
                        "/api/v1/appraisals",
                        "{\"target\":\"solution-group:72-S02\",\"expert\":\"expert\",\"unit\":\"CAOBANG\","
                                + "\"dueOn\":\"2030-01-31\",\"brief\":\"Notified\"}");
        assertThat(invited.status()).as(invited.body()).isEqualTo(201);
        long id = invited.json().path("id").asLong();
        JsonNode inbox = Api.as(port, "expert")
                .in("fr")
                .get("/api/v1/notifications?size=100")
                .json();
        List<JsonNode> lines = items(inbox).stream()
                .filter(n -> n.path("link").asString().equals("/reviews/appraisals/" + id))
                .toList();
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0).path("title").asString())
                .isEqualTo("Vous êtes invité à expertiser solution-group:72-S02, pour le 2030-01-31");
    }

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void twoSendersOverOneDatabaseSendEachEmailOnce() throws Exception {
        String title = "Two senders " + Fixtures.unique();
        createTask(title, "CAOBANG-C01");
        long pending = jdbc.sql("select count(*) from notification where email_state = 'PENDING'")
                .query(Long.class)
                .single();
        assertThat(pending).isPositive();

        // A second sender, as another instance would run it, over the same database.
        NotificationMailer other = new NotificationMailer(
                notifications,
                senders,
                templates,
                messages,
                java.time.Clock.systemUTC(),
                "mandate@localhost",
                "http://x");
        Instant now = Instant.now().plusSeconds(5);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        Future<Integer> a = pool.submit(() -> mailer.sendPending(now));
        Future<Integer> b = pool.submit(() -> other.sendPending(now));
        int sent = a.get() + b.get();
        pool.shutdown();

        assertThat(sent).isEqualTo(pending);
        assertThat(smtp.getReceivedMessages()).hasSize((int) pending);
        assertThat(about(title, "reporter.caobang-c01@example.org")).hasSize(1);
        assertThat(jdbc.sql("select count(*) from notification where email_state = 'PENDING'")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void withTheSmtpServerDownNothingIsLostAndTheInboxWorks() throws Exception {
        smtp.stop();
        try {
            String title = "Smtp down " + Fixtures.unique();
            createTask(title, "CAOBANG-C01");
            Instant now = Instant.now().plusSeconds(5);
            assertThat(mailer.sendPending(now)).isZero();
            assertThat(jdbc.sql(
                                    "select count(*) from notification where email_state = 'PENDING' and email_attempts = 1")
                            .query(Long.class)
                            .single())
                    .isPositive();
            // Meanwhile the inbox has the line.
            JsonNode inbox = Api.as(port, "reporter.caobang-c01")
                    .get("/api/v1/notifications?size=50")
                    .json();
            assertThat(items(inbox).stream()
                            .anyMatch(n -> n.path("title").asString().contains(title)))
                    .isTrue();

            smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            smtp.start();
            // Not before its retry time…
            assertThat(mailer.sendPending(now.plusSeconds(1))).isZero();
            // …then it goes out.
            assertThat(mailer.sendPending(now.plus(2, ChronoUnit.MINUTES))).isPositive();
            assertThat(about(title, "reporter.caobang-c01@example.org")).hasSize(1);
        } finally {
            if (!smtp.isRunning()) {
                smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
                smtp.start();
            }
        }
    }

    @Test
    void settingsChooseInAppOnlyAndRefuseABadAddress() {
        Api reporter = Api.as(port, "reporter.caobang-c01");
        Api.Response bad = reporter.put("/api/v1/me/notification-settings", "{\"email\": \"not an address\"}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.errorFields()).containsExactly("email");
        Api.Response saved = reporter.put(
                "/api/v1/me/notification-settings",
                "{\"email\": \"reporter.caobang-c01@example.org\", \"language\": \"vi\", \"kinds\": {\"TASK_ASSIGNED\": \"IN_APP\"}}");
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        assertThat(saved.json().path("kinds").path("TASK_ASSIGNED").asString()).isEqualTo("IN_APP");
        try {
            String title = "In the app only " + Fixtures.unique();
            createTask(title, "CAOBANG-C01");
            assertThat(jdbc.sql("""
                            select email_state from notification where recipient = 'reporter.caobang-c01'
                               and kind = 'TASK_ASSIGNED' and title_args like :t
                            """)
                            .param("t", "%" + title + "%")
                            .query(String.class)
                            .single())
                    .isEqualTo("NONE");
        } finally {
            reporter.put("/api/v1/me/notification-settings", "{\"kinds\": {\"TASK_ASSIGNED\": \"EMAIL\"}}");
        }
    }

    private long createTask(String title, String unit) {
        LocalDate today = tasks.today();
        Api.Response created =
                Api.as(port, "steering").post("/api/v1/tasks", """
                {"title": "%s", "description": "Told to its people", "resolution": "72-nq-tw",
                 "solutionGroup": "72-S02", "leadUnit": "%s", "responsiblePerson": "Nguyen Van A",
                 "approver": "CAOBANG", "startOn": "%s", "deadline": "%s", "kind": "POLICY",
                 "expectedResult": "A plan"}
                """.formatted(title, unit, today, today.plusDays(30)));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().path("id").asLong();
    }

    private List<MimeMessage> about(String title, String to) {
        return Arrays.stream(smtp.getReceivedMessages())
                .filter(m -> {
                    try {
                        return m.getSubject().contains(title)
                                && Arrays.stream(m.getRecipients(Message.RecipientType.TO))
                                        .anyMatch(a -> a.toString().equals(to));
                    } catch (jakarta.mail.MessagingException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toList();
    }

    private static List<JsonNode> items(JsonNode page) {
        List<JsonNode> list = new java.util.ArrayList<>();
        page.path("items").forEach(list::add);
        return list;
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
