package org.mandate.publication;

import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The static-export command: with {@code --mandate.export.dir=DIR} the application writes the public site
 * of a publication (the latest, or {@code --mandate.export.publication=ID}; one is made first if none
 * exists) to DIR and exits. Runs after the demo data loaders.
 */
@Component
@Order(1000)
class StaticExport implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(StaticExport.class);

    private final PublicSite site;
    private final PublicationManagement publications;
    private final ConfigurableApplicationContext context;
    private final String dir;
    private final Long publicationId;

    StaticExport(
            PublicSite site,
            PublicationManagement publications,
            ConfigurableApplicationContext context,
            @Value("${mandate.export.dir:}") String dir,
            @Value("${mandate.export.publication:#{null}}") Long publicationId) {
        this.site = site;
        this.publications = publications;
        this.context = context;
        this.dir = dir;
        this.publicationId = publicationId;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (dir.isBlank()) {
            return;
        }
        long id = publicationId != null
                ? publicationId
                : publications
                        .latest()
                        .orElseGet(() -> publications.publish(PublicationKind.MANUAL, java.time.LocalDate.now()))
                        .id();
        Path target = Path.of(dir).toAbsolutePath();
        long started = System.nanoTime();
        int files = site.export(id, target);
        log.info(
                "Exported publication {} to {} ({} files) in {} ms",
                id,
                target,
                files,
                (System.nanoTime() - started) / 1_000_000);
        System.exit(SpringApplication.exit(context, () -> 0));
    }
}
