package org.mandate.generator;

import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@code --mandate.generate.seed=N} loads the national data set once (after the demo catalogue), then
 * the application goes on serving, or exits with {@code --mandate.generate.exit=true}.
 * {@code --mandate.generate.scale=small} makes a small set for quick trials.
 */
@Component
@Order(900)
class NationalDataCommand implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(NationalDataCommand.class);

    private final NationalDataGenerator generator;
    private final JdbcClient jdbc;
    private final ConfigurableApplicationContext context;
    private final String seed;
    private final String scale;
    private final boolean exit;

    NationalDataCommand(
            NationalDataGenerator generator,
            JdbcClient jdbc,
            ConfigurableApplicationContext context,
            @Value("${mandate.generate.seed:}") String seed,
            @Value("${mandate.generate.scale:national}") String scale,
            @Value("${mandate.generate.exit:false}") boolean exit) {
        this.generator = generator;
        this.jdbc = jdbc;
        this.context = context;
        this.seed = seed;
        this.scale = scale;
        this.exit = exit;
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        if (seed.isBlank()) {
            return;
        }
        long generated = jdbc.sql("select count(*) from task where created_by = 'generator'")
                .query(Long.class)
                .single();
        if (generated > 0) {
            log.info("The national data set is already loaded ({} generated tasks)", generated);
        } else {
            long started = System.nanoTime();
            Map<String, Long> counts = generator.generate(
                    Long.parseLong(seed),
                    "small".equals(scale) ? NationalDataGenerator.Scale.small() : NationalDataGenerator.Scale.NATIONAL);
            log.info("National data set loaded in {} s: {}", (System.nanoTime() - started) / 1_000_000_000, counts);
        }
        if (exit) {
            System.exit(SpringApplication.exit(context, () -> 0));
        }
    }
}
