package org.mandate.publication;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mandate.Api;
import org.mandate.MandateIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

@MandateIntegrationTest
class PublicationIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PublicationManagement publications;

    @Autowired
    PublicSite site;

    @Autowired
    io.micrometer.core.instrument.MeterRegistry meters;

    @Test
    void onlyTheSteeringSecretariatPublishes() {
        assertThat(Api.as(port, "reporter.caobang")
                        .post("/api/v1/publications", "")
                        .status())
                .isEqualTo(403);
        assertThat(Api.as(port, "leader.caobang")
                        .post("/api/v1/publications", "")
                        .status())
                .isEqualTo(403);
        assertThat(Api.anonymous(port).post("/api/v1/publications", "").status())
                .isEqualTo(401);
    }

    @Test
    void aPublicationIsFrozenDigestedAndChained() {
        Api steering = Api.as(port, "steering");
        JsonNode first = steering.post("/api/v1/publications", "").json();
        JsonNode second = steering.post("/api/v1/publications", "").json();
        assertThat(second.path("previousDigest").asString())
                .isEqualTo(first.path("digest").asString());

        Api anyone = Api.anonymous(port);
        long id = second.path("id").asLong();
        Api.Response content = anyone.get("/api/v1/public/publications/" + id);
        assertThat(content.status()).isEqualTo(200);
        String sha = Digests.sha256(content.bytes());
        assertThat(sha).isEqualTo(second.path("contentSha256").asString());
        assertThat(Digests.chain(second.path("previousDigest").asString(), sha))
                .isEqualTo(second.path("digest").asString());
        assertThat(content.json().path("resolutions").size()).isGreaterThanOrEqualTo(5);

        JsonNode list = anyone.get("/api/v1/public/publications").json();
        assertThat(list.path("items").get(0).path("id").asLong()).isGreaterThanOrEqualTo(id);
        assertThat(anyone.get("/api/v1/public/publications/" + id + "/verify")
                        .json()
                        .path("valid")
                        .asBoolean())
                .isTrue();
    }

    @Test
    void tamperingWithStoredContentBreaksVerification() throws Exception {
        Publication p = publications.publish(PublicationKind.MANUAL, java.time.LocalDate.now());
        byte[] original = jdbc.sql("select content_gzip from publication where id = :id")
                .param("id", p.id())
                .query((rs, i) -> rs.getBytes(1))
                .single();
        try {
            byte[] forged = gzip("{\"forged\":true}".getBytes(StandardCharsets.UTF_8));
            jdbc.sql("update publication set content_gzip = :c where id = :id")
                    .param("c", forged)
                    .param("id", p.id())
                    .update();
            JsonNode verdict = Api.anonymous(port)
                    .get("/api/v1/public/publications/" + p.id() + "/verify")
                    .json();
            assertThat(verdict.path("valid").asBoolean()).isFalse();
            assertThat(verdict.path("firstBroken").asLong()).isEqualTo(p.id());
        } finally {
            jdbc.sql("update publication set content_gzip = :c where id = :id")
                    .param("c", original)
                    .param("id", p.id())
                    .update();
            publications.evictCaches();
        }
        assertThat(publications.verify(p.id()).valid()).isTrue();
    }

    @Test
    void thePublicSiteAndItsStaticExportServeTheSamePages(@TempDir Path dir) throws Exception {
        Publication p = publications.publish(PublicationKind.WEEKLY, java.time.LocalDate.of(2026, 11, 23));
        assertThat(p.period()).isEqualTo("2026W48");
        Api anyone = Api.anonymous(port);
        for (String lang : PublicSite.LANGUAGES) {
            Api.Response page = anyone.get("/public/p/" + p.id() + "/" + lang + "/resolution-70-nq-tw.html");
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.body()).contains("70-NQ/TW", "lang=\"" + lang + "\"");
        }
        assertThat(anyone.get("/public/en/index.html").status()).isEqualTo(200);
        assertThat(anyone.get("/public/p/" + p.id() + "/en/nope.html").status()).isEqualTo(404);

        site.export(p.id(), dir);
        assertThat(Files.readAllBytes(dir.resolve("en/resolution-70-nq-tw.html")))
                .isEqualTo(anyone.get("/public/p/" + p.id() + "/en/resolution-70-nq-tw.html")
                        .bytes());
        assertThat(dir.resolve("assets/echarts.min.js")).exists();
        assertThat(dir.resolve("en/unit-CAOBANG.html")).exists();
        assertThat(Files.readString(dir.resolve("data/org-units.csv"))).contains("CAOBANG");
        assertThat(Digests.sha256(Files.readAllBytes(dir.resolve("data/publication.json"))))
                .isEqualTo(p.contentSha256());
    }

    @Test
    void aRenderedPageIsAnsweredFromMemoryAndTheLatestFollowsANewPublicationAtOnce() {
        Publication p = publications.publish(PublicationKind.MANUAL, java.time.LocalDate.of(2026, 11, 25));
        Api anyone = Api.anonymous(port);
        String path = "/public/p/" + p.id() + "/fr/index.html";
        assertThat(site.renderedPage(p.id(), "fr", "index")).isNull();
        Api.Response rendered = anyone.get(path);
        assertThat(site.renderedPage(p.id(), "fr", "index")).isEqualTo(rendered.bytes());
        double servedBefore = meters.counter("mandate.public.pages.served").count();
        Api.Response fromMemory = anyone.get(path);
        assertThat(meters.counter("mandate.public.pages.served").count()).isEqualTo(servedBefore + 1);
        assertThat(fromMemory.status()).isEqualTo(200);
        assertThat(fromMemory.contentType()).isEqualTo(rendered.contentType());
        assertThat(fromMemory.bytes()).isEqualTo(rendered.bytes());

        assertThat(anyone.get("/public/fr/index.html").body())
                .contains(p.digest().substring(0, 12));
        assertThat(anyone.get("/public/fr/index.html").body())
                .contains(p.digest().substring(0, 12));
        Publication next = publications.publish(PublicationKind.MANUAL, java.time.LocalDate.of(2026, 11, 26));
        assertThat(anyone.get("/public/fr/index.html").body())
                .contains(next.digest().substring(0, 12));
        assertThat(anyone.get("/public/fr/nope.html").status()).isEqualTo(404);
    }

    @Test
    void eachPublicationCanBeMirroredAsPlainFilesWithLatestSwitchedToIt(@TempDir Path dir) throws Exception {
        SiteMirror mirror = new SiteMirror(site, dir.toString());
        Publication first = publications.publish(PublicationKind.MANUAL, java.time.LocalDate.of(2026, 11, 23));
        assertThat(mirror.mirror(first.id())).isEqualTo(dir.resolve(Long.toString(first.id())));
        Publication second = publications.publish(PublicationKind.MANUAL, java.time.LocalDate.of(2026, 11, 24));
        mirror.mirror(second.id());

        Path latest = dir.resolve("latest");
        assertThat(Files.isSymbolicLink(latest)).isTrue();
        assertThat(Files.readSymbolicLink(latest)).isEqualTo(Path.of(Long.toString(second.id())));
        assertThat(Files.readAllBytes(latest.resolve("vi/index.html")))
                .isEqualTo(site.page(second.id(), "vi", "index"));
        assertThat(dir.resolve(first.id() + "/vi/index.html")).exists();
    }

    @Test
    void noPublishedPageShowsAMissingMessageOrANull(@TempDir Path dir) throws Exception {
        Publication p = publications.publish(PublicationKind.MANUAL, java.time.LocalDate.now());
        site.export(p.id(), dir);
        java.util.List<String> wrong = new java.util.ArrayList<>();
        try (var files = Files.walk(dir)) {
            for (Path f : files.filter(x -> x.toString().endsWith(".html")).toList()) {
                // The text a reader sees: tags dropped.
                String text = Files.readString(f)
                        .replaceAll("(?s)<script.*?</script>", "")
                        .replaceAll("<[^>]+>", " ");
                for (String bad : new String[] {"??", " null", "null ", "NaN", "{0}", "{1}"}) {
                    if (text.contains(bad)) {
                        int at = text.indexOf(bad);
                        wrong.add(dir.relativize(f) + ": '" + bad + "' in '"
                                + text.substring(Math.max(0, at - 60), Math.min(text.length(), at + 40))
                                        .strip() + "'");
                        break;
                    }
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    private static byte[] gzip(byte[] bytes) throws java.io.IOException {
        var out = new java.io.ByteArrayOutputStream();
        try (var gz = new java.util.zip.GZIPOutputStream(out)) {
            gz.write(bytes);
        }
        return out.toByteArray();
    }
}
