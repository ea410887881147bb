package org.mandate.notifications;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Sends the e-mails the inbox lines call for. Each e-mail is first claimed (its row moves from PENDING to
 * SENDING only for one sender), then sent, then marked SENT; a failure (SMTP down) puts it back with a
 * growing delay, so nothing is lost and the inbox is never held up. With several instances, ShedLock runs
 * one sender at a time and the claim keeps any two from sending the same e-mail. An e-mail whose sender
 * died between the claim and the result is tried again after the claim lapses (so it may, rarely, arrive
 * twice, never not at all).
 */
@Component
class NotificationMailer {

    private static final Logger log = LoggerFactory.getLogger(NotificationMailer.class);
    private static final Duration CLAIM = Duration.ofMinutes(10);
    private static final int MAX_ATTEMPTS = 12;

    private final Notifications notifications;
    private final ObjectProvider<JavaMailSender> senders;
    private final ITemplateEngine templates;
    private final MessageSource messages;
    private final Clock clock;
    private final String from;
    private final String baseUrl;

    NotificationMailer(
            Notifications notifications,
            ObjectProvider<JavaMailSender> senders,
            ITemplateEngine templates,
            MessageSource messages,
            Clock clock,
            @Value("${mandate.notifications.from:mandate@localhost}") String from,
            @Value("${mandate.notifications.base-url:http://localhost:8080}") String baseUrl) {
        this.notifications = notifications;
        this.senders = senders;
        this.templates = templates;
        this.messages = messages;
        this.clock = clock;
        this.from = from;
        this.baseUrl = baseUrl.replaceAll("/+$", "");
    }

    @Scheduled(
            fixedDelayString = "${mandate.notifications.send-interval:PT30S}",
            initialDelayString = "${mandate.notifications.send-interval:PT30S}")
    @SchedulerLock(name = "notifications-send", lockAtMostFor = "PT10M")
    void scheduled() {
        int sent = sendPending(clock.instant());
        if (sent > 0) {
            log.info("Notifications: {} e-mail(s) sent", sent);
        }
    }

    /** Sends the e-mails due by {@code now}; returns how many went out. */
    int sendPending(Instant now) {
        JavaMailSender sender = senders.getIfAvailable();
        if (sender == null) {
            return 0;
        }
        notifications.releaseAbandoned(now);
        int sent = 0;
        for (long id : notifications.pendingEmails(now, 500)) {
            if (!notifications.claim(id, now, now.plus(CLAIM))) {
                continue;
            }
            Notification n = notifications.find(id).orElseThrow();
            try {
                Notifications.Contact contact =
                        notifications.contact(n.recipient()).orElseThrow();
                sender.send(message(sender, contact, List.of(n), false));
                notifications.sent(id, clock.instant());
                sent++;
            } catch (MessagingException | RuntimeException e) {
                // MailException (SMTP down, address refused) and anything else: try again later.
                int attempts = notifications.attempts(id) + 1;
                // 1, 2, 4 … minutes apart, at most about eight hours.
                Duration wait = Duration.ofMinutes(1L << Math.min(attempts - 1, 9));
                notifications.failed(id, attempts, now.plus(wait), e.getMessage(), attempts >= MAX_ATTEMPTS);
                log.warn("Notification {} not sent (attempt {}): {}", id, attempts, e.getMessage());
            }
        }
        return sent;
    }

    @Scheduled(cron = "${mandate.notifications.digest-cron:0 0 18 * * *}", zone = "${mandate.zone:Asia/Ho_Chi_Minh}")
    @SchedulerLock(name = "notifications-digest", lockAtMostFor = "PT30M")
    void dailyDigest() {
        sendDigests();
    }

    /** One e-mail per person with everything they chose to receive as a daily summary. */
    int sendDigests() {
        JavaMailSender sender = senders.getIfAvailable();
        if (sender == null) {
            return 0;
        }
        int sent = 0;
        for (String recipient : notifications.digestRecipients()) {
            List<Notification> items = notifications.digest(recipient);
            var contact = notifications.contact(recipient);
            if (items.isEmpty() || contact.isEmpty() || contact.get().email() == null) {
                continue;
            }
            try {
                sender.send(message(sender, contact.get(), items, true));
                List<Long> ids = new ArrayList<>();
                items.forEach(n -> ids.add(n.id()));
                notifications.digestSent(ids, clock.instant());
                sent++;
            } catch (MailException | MessagingException e) {
                log.warn("Daily summary for {} not sent, kept for the next run: {}", recipient, e.getMessage());
            }
        }
        return sent;
    }

    private MimeMessage message(
            JavaMailSender sender, Notifications.Contact to, List<Notification> items, boolean digest)
            throws MessagingException {
        Locale locale = Locale.forLanguageTag(to.language() == null ? "vi" : to.language());
        List<Line> lines = items.stream()
                .map(n -> new Line(
                        messages.getMessage(n.titleKey(), n.titleArgs().toArray(), n.titleKey(), locale),
                        baseUrl + n.link()))
                .toList();
        String subject = digest
                ? messages.getMessage("notification.mail.digestSubject", new Object[] {lines.size()}, locale)
                : lines.get(0).title();
        Context context = new Context(locale);
        context.setVariable("lines", lines);
        context.setVariable("digest", digest);
        context.setVariable("settings", baseUrl + "/notifications/settings");
        MimeMessage mime = sender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(mime, true, "UTF-8");
        helper.setFrom(from);
        helper.setTo(to.email());
        helper.setSubject(subject);
        helper.setText(
                templates.process("mail/notification.txt", context), templates.process("mail/notification", context));
        return mime;
    }

    /** One notification as an e-mail shows it. */
    record Line(String title, String url) {}
}
