package org.mandate.notifications.web;

import org.mandate.notifications.Notification;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;

/** A notification's title in the reader's language. */
final class Titles {

    private Titles() {}

    static String of(MessageSource messages, Notification n) {
        return messages.getMessage(
                n.titleKey(), n.titleArgs().toArray(), n.titleKey(), LocaleContextHolder.getLocale());
    }
}
