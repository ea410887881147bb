package org.mandate.notifications;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.mandate.shared.Actor;
import org.mandate.shared.InvalidInputException;
import org.mandate.shared.NotFoundException;
import org.mandate.shared.PageResult;
import org.mandate.shared.Paging;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes notifications and serves each person's inbox and choices. A notification is written in the
 * transaction of the change that causes it (so a rolled-back change tells nobody), once per recipient and
 * key; whether an e-mail follows depends on the person's choice for the kind, their address, and whether
 * the server has SMTP configured ({@code SPRING_MAIL_HOST}).
 */
@Service
public class NotificationCenter {

    private static final Logger log = LoggerFactory.getLogger(NotificationCenter.class);
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,189}\\.[^@\\s.]{2,}");
    public static final Set<String> LANGUAGES = Set.of("vi", "en", "fr", "ru");

    private final Notifications notifications;
    private final Clock clock;
    private final boolean mail;

    NotificationCenter(Notifications notifications, Clock clock, ObjectProvider<JavaMailSender> mailSender) {
        this.notifications = notifications;
        this.clock = clock;
        this.mail = mailSender.getIfAvailable() != null;
        if (!mail) {
            log.info("No SMTP server configured (SPRING_MAIL_HOST): notifications reach the in-application inbox only");
        }
    }

    public boolean mailConfigured() {
        return mail;
    }

    /** What a person chose: where e-mails go, in which language, and per kind how they are told. */
    public record Settings(String email, String language, Map<NotificationKind, Delivery> kinds) {}

    /**
     * Tells each recipient once per {@code dedupKey}: an inbox line and, as they chose, an e-mail. Returns how
     * many were newly told.
     */
    @Transactional
    public int tell(
            Collection<String> recipients,
            NotificationKind kind,
            String dedupKey,
            String link,
            List<String> titleArgs) {
        return tell(recipients, kind, titleKey(kind), dedupKey, link, titleArgs);
    }

    /** As {@link #tell(Collection, NotificationKind, String, String, List)}, with a title of its own. */
    @Transactional
    public int tell(
            Collection<String> recipients,
            NotificationKind kind,
            String titleKey,
            String dedupKey,
            String link,
            List<String> titleArgs) {
        Instant now = clock.instant();
        int told = 0;
        for (String recipient : new LinkedHashSet<>(recipients)) {
            if (recipient == null) {
                continue;
            }
            if (notifications.insertOnce(
                    recipient, kind, dedupKey, titleKey, titleArgs, link, now, emailState(recipient, kind))) {
                told++;
            }
        }
        return told;
    }

    static String titleKey(NotificationKind kind) {
        return "notification." + kind.name() + ".title";
    }

    private String emailState(String recipient, NotificationKind kind) {
        if (!mail) {
            return "NONE";
        }
        String email = notifications
                .contact(recipient)
                .map(Notifications.Contact::email)
                .orElse(null);
        if (email == null || email.isBlank()) {
            return "NONE";
        }
        return switch (notifications.settings(recipient).getOrDefault(kind, Delivery.EMAIL)) {
            case IN_APP -> "NONE";
            case EMAIL -> "PENDING";
            case DAILY_DIGEST -> "DIGEST";
        };
    }

    public PageResult<Notification> inbox(Actor reader, boolean unreadOnly, Paging paging) {
        return new PageResult<>(
                notifications.inbox(reader.username(), unreadOnly, (int) paging.offset(), paging.size()),
                paging.page(),
                paging.size(),
                notifications.count(reader.username(), unreadOnly));
    }

    public long unread(String username) {
        return notifications.count(username, true);
    }

    /** Marks one of the reader's notifications read (an unknown id or someone else's is 404). */
    @Transactional
    public Notification markRead(Actor reader, long id) {
        Notification n = notifications
                .find(id)
                .filter(x -> x.recipient().equals(reader.username()))
                .orElseThrow(() -> new NotFoundException("notification", id));
        notifications.markRead(reader.username(), id, clock.instant());
        return notifications.find(n.id()).orElseThrow();
    }

    @Transactional
    public int markAllRead(Actor reader) {
        return notifications.markRead(reader.username(), null, clock.instant());
    }

    public Settings settings(Actor reader) {
        Map<NotificationKind, Delivery> kinds = new EnumMap<>(NotificationKind.class);
        for (NotificationKind k : NotificationKind.values()) {
            kinds.put(k, Delivery.EMAIL);
        }
        kinds.putAll(notifications.settings(reader.username()));
        var contact = notifications.contact(reader.username());
        return new Settings(
                contact.map(Notifications.Contact::email).orElse(null),
                contact.map(Notifications.Contact::language).orElse("vi"),
                kinds);
    }

    /**
     * Saves what the person chose. A field left out (null) keeps its value; an empty address removes it; the
     * kinds given replace those kinds' choices only.
     */
    @Transactional
    public Settings saveSettings(Actor reader, Settings s) {
        Settings current = settings(reader);
        String email = s.email() == null
                ? current.email()
                : s.email().isBlank() ? null : s.email().strip();
        if (email != null && (email.length() > 254 || !EMAIL.matcher(email).matches())) {
            throw new InvalidInputException("email", "error.notifications.email");
        }
        String language =
                s.language() == null ? current.language() : s.language().strip().toLowerCase(Locale.ROOT);
        if (!LANGUAGES.contains(language)) {
            throw new InvalidInputException("language", "error.notifications.language", String.join(", ", LANGUAGES));
        }
        notifications.saveContact(reader.username(), email, language);
        if (s.kinds() != null) {
            Map<NotificationKind, Delivery> chosen = new EnumMap<>(NotificationKind.class);
            chosen.putAll(notifications.settings(reader.username()));
            chosen.putAll(s.kinds());
            notifications.saveSettings(reader.username(), chosen);
        }
        return settings(reader);
    }

    /** Gives a person an address and a language unless they have chosen them (the demo's accounts). */
    @Transactional
    public void seedContact(String username, String email, String language) {
        if (notifications.contact(username).isEmpty()) {
            notifications.saveContact(username, email, language);
        }
    }
}
