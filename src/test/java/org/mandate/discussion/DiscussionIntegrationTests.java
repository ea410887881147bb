package org.mandate.discussion;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.mandate.Api;
import org.mandate.MandateIntegrationTest;
import org.mandate.indicators.Fixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Comments and evidence files on tasks: who may write them, what a file may be, and that the bytes and
 * their SHA-256 come back as stored; each refusal leaves nothing written.
 */
@MandateIntegrationTest
class DiscussionIntegrationTests {

    /** The smallest PDF a reader opens: a header, one empty page and a trailer. */
    static final byte[] PDF = """
            %PDF-1.4
            1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj
            2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj
            3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >> endobj
            trailer << /Root 1 0 R >>
            %%EOF
            """.getBytes(StandardCharsets.US_ASCII);

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Discussion discussion;

    @Test
    void aReporterCommentsAndAttachesEvidenceThatComesBackWithItsDigest() throws Exception {
        long task = createTask("CAOBANG-C01");
        Api reporter = Api.as(port, "reporter.caobang-c01");

        Api.Response comment = reporter.post(
                "/api/v1/tasks/" + task + "/comments", "{\"text\": \"The plan is signed. @CAOBANG please check.\"}");
        assertThat(comment.status()).as(comment.body()).isEqualTo(201);
        assertThat(comment.json().path("author").asString()).isEqualTo("reporter.caobang-c01");
        assertThat(comment.json().path("authorUnit").asString()).isEqualTo("CAOBANG-C01");
        // The mention tells the people of Cao Bằng.
        assertThat(jdbc.sql("select count(*) from notification where kind = 'MENTION' and recipient = 'leader.caobang'"
                                + " and link = :link")
                        .param(
                                "link",
                                "/tasks/" + task + "#comment-"
                                        + comment.json().path("id").asLong())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);

        Api.Response attached = upload(reporter, "task:" + task, "decision.pdf", PDF);
        assertThat(attached.status()).as(attached.body()).isEqualTo(201);
        JsonNode file = attached.json();
        assertThat(file.path("contentType").asString()).isEqualTo("application/pdf");
        assertThat(file.path("size").asLong()).isEqualTo(PDF.length);
        String sha =
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(PDF));
        assertThat(file.path("sha256").asString()).isEqualTo(sha);

        Api.Response download = Api.as(port, "leader.caobang")
                .get("/api/v1/attachments/" + file.path("id").asLong());
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.bytes()).isEqualTo(PDF);

        // Anyone can fetch the evidence of a public task and check it against its digest.
        Api.Response open = Api.anonymous(port)
                .get("/api/v1/public/evidence/" + file.path("id").asLong());
        assertThat(open.status()).isEqualTo(200);
        assertThat(open.bytes()).isEqualTo(PDF);
        assertThat(Api.anonymous(port)
                        .get("/api/v1/public/evidence?target=task:" + task)
                        .json()
                        .get(0)
                        .path("sha256")
                        .asString())
                .isEqualTo(sha);

        JsonNode comments = reporter.get("/api/v1/tasks/" + task + "/comments").json();
        assertThat(comments.size()).isEqualTo(1);
        // The task page shows both in its timeline, with the digest anyone can check.
        String page = Api.as(port, "leader.caobang").get("/tasks/" + task).body();
        assertThat(page)
                .contains("The plan is signed.")
                .contains("decision.pdf")
                .contains(sha);
    }

    @Test
    void theEvidenceOfADraftIsNotPublic() {
        LocalDate today = LocalDate.now();
        long draft = Api.as(port, "steering")
                .post("/api/v1/tasks", """
                        {"title": "Draft %s", "description": "Not agreed yet", "resolution": "72-nq-tw",
                         "solutionGroup": "72-S02", "leadUnit": "CAOBANG-C01", "responsiblePerson": "Nguyen Van A",
                         "approver": "CAOBANG", "startOn": "%s", "deadline": "%s", "kind": "POLICY"}
                        """.formatted(Fixtures.unique(), today, today.plusDays(30)))
                .json()
                .path("id")
                .asLong();
        Api.Response attached = upload(Api.as(port, "reporter.caobang-c01"), "task:" + draft, "draft.pdf", PDF);
        assertThat(attached.status()).as(attached.body()).isEqualTo(201);
        long id = attached.json().path("id").asLong();
        assertThat(Api.anonymous(port).get("/api/v1/public/evidence/" + id).status())
                .isEqualTo(404);
        assertThat(Api.anonymous(port)
                        .get("/api/v1/public/evidence?target=task:" + draft)
                        .json()
                        .size())
                .isZero();
        // Staff of the unit still read it.
        assertThat(Api.as(port, "leader.caobang")
                        .get("/api/v1/attachments/" + id)
                        .status())
                .isEqualTo(200);
    }

    @Test
    void refusalsWriteNothing() {
        long task = createTask("CAOBANG-C01");
        long comments = count("discussion_comment");
        long files = count("discussion_attachment");

        // Outside one's scope: the Ministry of Health's reporter may read the task, not discuss it.
        assertThat(Api.as(port, "reporter.moh")
                        .post("/api/v1/tasks/" + task + "/comments", "{\"text\": \"Not mine\"}")
                        .status())
                .isEqualTo(403);
        assertThat(upload(Api.as(port, "reporter.moh"), "task:" + task, "x.pdf", PDF)
                        .status())
                .isEqualTo(403);
        // An empty comment names its field.
        Api.Response empty =
                Api.as(port, "reporter.caobang-c01").post("/api/v1/tasks/" + task + "/comments", "{\"text\": \"  \"}");
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.errorFields()).containsExactly("text");
        // An executable renamed .pdf is refused from its bytes.
        byte[] exe = new byte[512];
        exe[0] = 'M';
        exe[1] = 'Z';
        Api.Response renamed = upload(Api.as(port, "reporter.caobang-c01"), "task:" + task, "report.pdf", exe);
        assertThat(renamed.status()).isEqualTo(415);
        assertThat(renamed.contentType()).startsWith("application/problem+json");
        // Over the size limit (1 MB in the tests).
        Api.Response large =
                upload(Api.as(port, "reporter.caobang-c01"), "task:" + task, "big.pdf", pdfOf(1024 * 1024 + 10));
        assertThat(large.status()).isEqualTo(413);
        assertThat(large.contentType()).startsWith("application/problem+json");
        // An unknown target, and a task that does not exist.
        assertThat(upload(Api.as(port, "reporter.caobang-c01"), "planet:1", "x.pdf", PDF)
                        .status())
                .isEqualTo(400);
        assertThat(upload(Api.as(port, "reporter.caobang-c01"), "task:999999999", "x.pdf", PDF)
                        .status())
                .isEqualTo(404);

        assertThat(count("discussion_comment")).isEqualTo(comments);
        assertThat(count("discussion_attachment")).isEqualTo(files);
    }

    @Test
    void aCommentCanBeCorrectedForFifteenMinutesByItsAuthorOnly() {
        long task = createTask("CAOBANG-C01");
        Api reporter = Api.as(port, "reporter.caobang-c01");
        long id = reporter.post("/api/v1/tasks/" + task + "/comments", "{\"text\": \"Frist draft\"}")
                .json()
                .path("id")
                .asLong();
        Api.Response fixed = reporter.patch("/api/v1/comments/" + id, "{\"text\": \"First draft\", \"version\": 0}");
        assertThat(fixed.status()).as(fixed.body()).isEqualTo(200);
        assertThat(fixed.json().path("text").asString()).isEqualTo("First draft");
        assertThat(fixed.json().path("editedAt").isNull()).isFalse();
        assertThat(Api.as(port, "leader.caobang")
                        .patch("/api/v1/comments/" + id, "{\"text\": \"Not my comment\"}")
                        .status())
                .isEqualTo(403);
        // The audit trail keeps the version before the correction.
        assertThat(jdbc.sql("select count(*) from audit_entry where entity_type = 'comment' and entity_id = :id")
                        .param("id", String.valueOf(id))
                        .query(Long.class)
                        .single())
                .isEqualTo(2);

        // Sixteen minutes later the comment stays as it is.
        Discussion later = new Discussion(
                jdbc,
                java.util.List.of(new DiscussionTarget() {
                    @Override
                    public String type() {
                        return "task";
                    }

                    @Override
                    public java.util.Optional<Subject> find(org.mandate.shared.Actor reader, long target) {
                        return java.util.Optional.of(new Subject("CAOBANG-C01", "/tasks/" + target, true));
                    }
                }),
                e -> {},
                Clock.offset(Clock.systemUTC(), Duration.ofMinutes(16)),
                org.springframework.util.unit.DataSize.ofMegabytes(1));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> later.edit(
                        new org.mandate.shared.Actor(
                                "reporter.caobang-c01", org.mandate.shared.Role.REPORTER, "CAOBANG-C01"),
                        id,
                        "Too late",
                        null))
                .isInstanceOf(org.mandate.shared.ConflictException.class);
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    private long createTask(String unit) {
        LocalDate today = LocalDate.now();
        Api.Response created = Api.as(port, "steering")
                .post("/api/v1/tasks", """
                {"title": "Discussed %s", "description": "Evidence on it", "resolution": "72-nq-tw",
                 "solutionGroup": "72-S02", "leadUnit": "%s", "responsiblePerson": "Nguyen Van A",
                 "approver": "CAOBANG", "startOn": "%s", "deadline": "%s", "kind": "POLICY",
                 "expectedResult": "A plan"}
                """.formatted(Fixtures.unique(), unit, today, today.plusDays(30)));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().path("id").asLong();
    }

    static byte[] pdfOf(int size) {
        byte[] b = new byte[size];
        System.arraycopy(PDF, 0, b, 0, PDF.length);
        java.util.Arrays.fill(b, PDF.length, size, (byte) ' ');
        return b;
    }

    static Api.Response upload(Api api, String target, String name, byte[] bytes) {
        String boundary = "----mandate" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"target\"\r\n\r\n" + target + "\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name + "\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n";
        body.writeBytes(head.getBytes(StandardCharsets.UTF_8));
        body.writeBytes(bytes);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return api.postBytes("/api/v1/attachments", "multipart/form-data; boundary=" + boundary, body.toByteArray());
    }
}
