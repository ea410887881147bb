package org.mandate.publication.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.mandate.publication.PublicSite;
import org.mandate.publication.Publication;
import org.mandate.publication.PublicationManagement;
import org.mandate.publication.PublicationManagement.Verification;
import org.mandate.shared.Actor;
import org.mandate.shared.PageResult;
import org.mandate.shared.Paging;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Publications over HTTP: publishing (steering) and the public, frozen snapshots anyone can verify. */
@RestController
class PublicationApi {

    private final PublicationManagement publications;
    private final PublicSite site;

    PublicationApi(PublicationManagement publications, PublicSite site) {
        this.publications = publications;
        this.site = site;
    }

    @GetMapping("/api/v1/publications")
    PageResult<Publication> staffList(
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return publications.list(Paging.of(page, size));
    }

    @PostMapping("/api/v1/publications")
    ResponseEntity<Publication> publish() {
        return ResponseEntity.status(HttpStatus.CREATED).body(publications.publish(Actor.require()));
    }

    @GetMapping("/api/v1/public/publications")
    PageResult<Publication> list(
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return publications.list(Paging.of(page, size));
    }

    /** The frozen public data, byte for byte what the digest covers. */
    @GetMapping("/api/v1/public/publications/{id}")
    ResponseEntity<byte[]> content(@PathVariable long id) {
        Publication p = publications.get(id);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .cacheControl(CacheControl.maxAge(java.time.Duration.ofDays(365))
                        .cachePublic()
                        .immutable())
                .eTag("\"" + p.contentSha256() + "\"")
                .header("X-Content-SHA256", p.contentSha256())
                .header("X-Digest", p.digest())
                .body(publications.content(id));
    }

    @GetMapping("/api/v1/public/publications/latest")
    ResponseEntity<byte[]> latestContent() {
        return publications
                .latest()
                .map(p -> content(p.id()))
                .orElseThrow(() -> new org.mandate.shared.NotFoundException("publication", "latest"));
    }

    @GetMapping("/api/v1/public/publications/{id}/meta")
    Publication meta(@PathVariable long id) {
        return publications.get(id);
    }

    @GetMapping("/api/v1/public/publications/{id}/verify")
    Verification verify(@PathVariable long id) {
        return publications.verify(id);
    }

    /** What changed between any two publications, {@code from} the earlier state {@code to} the later one. */
    record Comparison(Publication from, Publication to, org.mandate.publication.Changes changes) {}

    @GetMapping("/api/v1/public/publications/compare")
    Comparison compare(@RequestParam long from, @RequestParam long to) {
        return new Comparison(publications.get(from), publications.get(to), site.changes(from, to));
    }

    /**
     * The re-baselining log published with a publication: every approved change of a public task's deadline or
     * expected result up to it, oldest first (also {@code rebaselines.csv} among its files).
     */
    @GetMapping("/api/v1/public/publications/{id}/rebaselines")
    PageResult<Map<String, Object>> rebaselines(
            @PathVariable long id,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        publications.get(id);
        Object log = publications.model(id).get("rebaselines");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> all = log instanceof List<?> l ? (List<Map<String, Object>>) l : List.of();
        Paging paging = Paging.of(page, size);
        int from = (int) Math.min(all.size(), paging.offset());
        int to = Math.min(all.size(), from + paging.size());
        return new PageResult<>(all.subList(from, to), paging.page(), paging.size(), all.size());
    }

    @GetMapping("/api/v1/public/publications/{id}/files/{name:.+}")
    ResponseEntity<byte[]> file(@PathVariable long id, @PathVariable String name) {
        publications.get(id);
        return ResponseEntity.ok()
                .contentType(mediaType(name))
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + name + "\"")
                .body(site.dataFile(id, name));
    }

    /** The whole static site of a publication as a zip, ready to unpack on any web server. */
    @GetMapping("/api/v1/public/publications/{id}/site.zip")
    ResponseEntity<byte[]> siteZip(@PathVariable long id) throws IOException {
        publications.get(id);
        Path dir = Files.createTempDirectory("mandate-site");
        try {
            site.export(id, dir);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(bytes);
                    var files = Files.walk(dir)) {
                for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                    zip.putNextEntry(new ZipEntry(dir.relativize(f).toString().replace('\\', '/')));
                    Files.copy(f, zip);
                    zip.closeEntry();
                }
            }
            return ResponseEntity.ok()
                    .contentType(MediaType.parseMediaType("application/zip"))
                    .header(
                            HttpHeaders.CONTENT_DISPOSITION,
                            "attachment; filename=\"mandate-publication-" + id + ".zip\"")
                    .body(bytes.toByteArray());
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder())
                        .forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    static MediaType mediaType(String name) {
        if (name.endsWith(".csv")) {
            return MediaType.parseMediaType("text/csv;charset=UTF-8");
        }
        if (name.endsWith(".json")) {
            return MediaType.APPLICATION_JSON;
        }
        if (name.endsWith(".md")) {
            return MediaType.parseMediaType("text/markdown;charset=UTF-8");
        }
        if (name.endsWith(".css")) {
            return MediaType.parseMediaType("text/css;charset=UTF-8");
        }
        if (name.endsWith(".js")) {
            return MediaType.parseMediaType("text/javascript;charset=UTF-8");
        }
        return MediaType.TEXT_HTML;
    }
}
