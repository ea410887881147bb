package org.mandate.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.mandate.MandateIntegrationTest;
import org.mandate.feedback.FeedbackManagement.NewFeedback;
import org.mandate.shared.AuditedChange;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationListener;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.context.event.ApplicationEventMulticaster;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A submission is one transaction; the rate limit counts the address and its IPv6 /64. */
@MandateIntegrationTest
class FeedbackLimitsIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    FeedbackManagement feedback;

    @Autowired
    ApplicationEventMulticaster multicaster;

    @Autowired
    JdbcClient jdbc;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aFailureAfterTheRatingLeavesNothingBehind() {
        String client = "tx-" + UUID.randomUUID();
        ApplicationListener<PayloadApplicationEvent<AuditedChange>> failOnComment = e -> {
            if (e.getPayload().entityType().equals("feedback-comment")) {
                throw new IllegalStateException("the comment's audit entry cannot be written");
            }
        };
        multicaster.addApplicationListener(failOnComment);
        try {
            assertThatThrownBy(() -> feedback.submit(new NewFeedback(
                            "unit:CAOBANG", 4, "Thủ tục nhanh hơn", RespondentType.CITIZEN, null, client)))
                    .hasMessageContaining("cannot be written");
        } finally {
            multicaster.removeApplicationListener(failOnComment);
        }
        // Without one transaction the rating and its audit entry stayed, the comment was lost.
        assertThat(jdbc.sql("select count(*) from feedback_rating where client_hash = :c")
                        .param("c", client)
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(feedback.submit(new NewFeedback(
                                "unit:CAOBANG", 4, "Thủ tục nhanh hơn", RespondentType.CITIZEN, null, client))
                        .accepted())
                .isTrue();
    }

    private int rate(String forwardedFor, String target) throws Exception {
        return http.send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/public/feedback"))
                                .header("Content-Type", "application/json")
                                .header("X-Forwarded-For", forwardedFor)
                                .POST(HttpRequest.BodyPublishers.ofString(
                                        "{\"target\":\"" + target + "\",\"rating\":4,\"respondentType\":\"CITIZEN\"}",
                                        StandardCharsets.UTF_8))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .statusCode();
    }

    @Test
    void rotatingAddressesInsideOneIpv6Slash64DoesNotGetPastTheLimit() throws Exception {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        String prefix = String.format("2001:db8:%x:%x:", r.nextInt(0x10000), r.nextInt(0x10000));
        String[] targets = {
            "resolution:57-nq-tw",
            "resolution:59-nq-tw",
            "resolution:70-nq-tw",
            "resolution:71-nq-tw",
            "resolution:72-nq-tw",
            "unit:CAOBANG",
            "unit:HANOI",
            "unit:BYT",
            "unit:TW"
        };
        int accepted = 0;
        // A new address of the same /64 for every request: one rating per target and /64, the rest refused.
        for (int i = 0; i < 30; i++) {
            int status = rate(
                    prefix + Integer.toHexString(r.nextInt(1, 0x10000)) + "::" + (i + 1), targets[i % targets.length]);
            assertThat(status).isIn(202, 429);
            if (status == 202) {
                accepted++;
            }
        }
        assertThat(accepted).isEqualTo(targets.length);
        // The /64's 30 tokens are spent: a target not rated yet, from yet another address of it, is refused.
        for (int i = 0; i < 5; i++) {
            assertThat(rate(prefix + "ffff::" + (i + 1), "unit:CAOBANG-C01")).isEqualTo(429);
        }
        // Another /64 is another client.
        assertThat(rate(String.format("2001:db8:%x:%x::1", r.nextInt(0x10000), r.nextInt(0x10000)), "unit:CAOBANG"))
                .isEqualTo(202);
    }
}
