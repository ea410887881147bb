package org.mandate.publication;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * With {@code mandate.publication.site-dir} set, every publication's public site is also written there as
 * plain files ({@code <dir>/<id>/}) and {@code <dir>/latest} is switched to it in one atomic rename: a web
 * server or CDN in front serves the public pages to millions of readers without reaching the application
 * (see BENCHMARKS.md for why). Written in the background after the commit; the live pages never wait for it.
 */
@Component
class SiteMirror {

    private static final Logger log = LoggerFactory.getLogger(SiteMirror.class);

    private final PublicSite site;
    private final String dir;
    private final ExecutorService writer = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "site-mirror");
        t.setDaemon(true);
        return t;
    });

    SiteMirror(PublicSite site, @Value("${mandate.publication.site-dir:}") String dir) {
        this.site = site;
        this.dir = dir;
    }

    @TransactionalEventListener
    void on(PublicationPublished published) {
        if (!dir.isBlank()) {
            writer.submit(() -> mirror(published.id()));
        }
    }

    /** Writes the publication's site and points {@code latest} at it; returns the folder, or null on failure. */
    Path mirror(long publicationId) {
        Path root = Path.of(dir).toAbsolutePath();
        try {
            long started = System.nanoTime();
            Path target = root.resolve(Long.toString(publicationId));
            int files = site.export(publicationId, target);
            Path link = root.resolve("latest");
            Path next = root.resolve("latest.next");
            Files.deleteIfExists(next);
            Files.createSymbolicLink(next, target.getFileName());
            Files.move(next, link, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            log.info(
                    "Public site of publication {} written ({} files, {} ms); latest points to it",
                    publicationId,
                    files,
                    (System.nanoTime() - started) / 1_000_000);
            return target;
        } catch (IOException | RuntimeException e) {
            // The live site is unaffected; the next publication writes a complete mirror again.
            log.error("Could not write the public site of publication {}", publicationId, e);
            return null;
        }
    }
}
