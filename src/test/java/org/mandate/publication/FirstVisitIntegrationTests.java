package org.mandate.publication;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mandate.MandateIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What a reader's first visit costs: the overview and everything it loads, as a browser that accepts gzip
 * receives them, stays under 450 KB; scripts and styles come compressed and are kept for a year under names
 * that change with their content; ECharts is loaded only by pages that draw a chart.
 */
@MandateIntegrationTest
class FirstVisitIntegrationTests {

    static final long BUDGET = 450_000;
    static final Pattern REFERENCES = Pattern.compile("<(?:script[^>]*\\ssrc|link[^>]*\\shref)=\"([^\"]+)\"");

    @LocalServerPort
    int port;

    @Autowired
    PublicationManagement publications;

    @Autowired
    PublicSite site;

    final HttpClient http = HttpClient.newHttpClient();

    HttpResponse<byte[]> get(String url, boolean gzip) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
        if (gzip) {
            request.header("Accept-Encoding", "gzip, deflate, br");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static List<String> references(String html) {
        List<String> refs = new ArrayList<>();
        Matcher m = REFERENCES.matcher(html);
        while (m.find()) {
            refs.add(m.group(1));
        }
        return refs;
    }

    static String text(HttpResponse<byte[]> r) throws Exception {
        boolean gzipped = r.headers().firstValue("Content-Encoding").orElse("").equals("gzip");
        byte[] bytes =
                gzipped ? new GZIPInputStream(new java.io.ByteArrayInputStream(r.body())).readAllBytes() : r.body();
        return new String(bytes, StandardCharsets.UTF_8);
    }

    @Test
    void theOverviewsFirstVisitTransfersAtMost450KbAndEchartsComesCompressedAndVersioned(@TempDir Path dir)
            throws Exception {
        Publication p = publications.publish(PublicationKind.MANUAL, LocalDate.now());
        for (String page : new String[] {"/public/en/index.html", "/public/p/" + p.id() + "/vi/index.html"}) {
            URI base = URI.create("http://localhost:" + port + page);
            HttpResponse<byte[]> overview = get(base.toString(), true);
            assertThat(overview.statusCode()).isEqualTo(200);
            assertThat(overview.headers().firstValue("Content-Encoding")).hasValue("gzip");
            long total = overview.body().length;
            List<String> refs = references(text(overview));
            assertThat(refs).anyMatch(r -> r.contains("echarts.min-"));
            for (String ref : refs) {
                HttpResponse<byte[]> file = get(base.resolve(ref).toString(), true);
                assertThat(file.statusCode()).as(ref).isEqualTo(200);
                assertThat(file.headers().firstValue("Content-Encoding"))
                        .as(ref)
                        .hasValue("gzip");
                assertThat(file.headers().firstValue("Cache-Control").orElse(""))
                        .as(ref)
                        .contains("max-age=31536000", "immutable");
                total += file.body().length;
            }
            assertThat(total).as("bytes of the first visit to " + page).isLessThanOrEqualTo(BUDGET);
        }

        // A client that does not ask for gzip gets the plain bytes; an old plain name still answers, kept an hour.
        HttpResponse<byte[]> plain = get("http://localhost:" + port + "/public/assets/echarts.min.js", false);
        assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(plain.body().length).isGreaterThan(900_000);
        assertThat(plain.headers().firstValue("Cache-Control").orElse("")).contains("max-age=3600");

        // Pages without charts do not load ECharts.
        String changes = text(get("http://localhost:" + port + "/public/p/" + p.id() + "/en/changes.html", true));
        assertThat(references(changes)).noneMatch(r -> r.contains("echarts"));

        // The static export holds every file the overview links to, and a gzip copy beside each.
        site.export(p.id(), dir);
        String exported = Files.readString(dir.resolve("en/index.html"));
        for (String ref : references(exported)) {
            Path file = dir.resolve("en").resolve(ref).normalize();
            assertThat(file).as(ref).exists();
            assertThat(Path.of(file + ".gz")).as(ref).exists();
        }
    }
}
