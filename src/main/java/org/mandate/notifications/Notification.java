package org.mandate.notifications;

import java.time.Instant;
import java.util.List;

/** A line of a person's inbox: its title is a message key with arguments, written in the reader's language. */
public record Notification(
        long id,
        String recipient,
        NotificationKind kind,
        String titleKey,
        List<String> titleArgs,
        String link,
        Instant createdAt,
        Instant readAt,
        String emailState) {

    public boolean unread() {
        return readAt == null;
    }
}
