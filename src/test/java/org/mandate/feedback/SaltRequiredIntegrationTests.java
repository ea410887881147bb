package org.mandate.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mandate.Application;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** The application itself, started as in production without the feedback salt, refuses to start and says why. */
@ExtendWith(OutputCaptureExtension.class)
class SaltRequiredIntegrationTests {

    @Test
    void withoutTheSaltAndOutsideTheDemoTheApplicationDoesNotStart(CapturedOutput output) {
        // Command-line arguments win over everything, also over an environment that sets the salt.
        String[] args = {
            "--spring.datasource.url=jdbc:h2:mem:no-salt-" + UUID.randomUUID() + ";MODE=PostgreSQL;"
                    + "DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
            "--spring.datasource.username=sa",
            "--spring.datasource.password=",
            "--mandate.feedback.salt=",
            "--mandate.demo=false",
            "--server.port=0",
            "--spring.main.banner-mode=off"
        };
        assertThatThrownBy(() -> SpringApplication.run(Application.class, args).close())
                .rootCause()
                .hasMessageContaining("MANDATE_FEEDBACK_SALT")
                .hasMessageContaining("mandate.feedback.salt");
        // Spring Boot's failure report names the setting and what to do, without a stack trace to read through.
        assertThat(output.getOut() + output.getErr())
                .contains("APPLICATION FAILED TO START")
                .contains("The feedback salt is not set (MANDATE_FEEDBACK_SALT")
                .contains("Set the environment variable MANDATE_FEEDBACK_SALT");
    }
}
