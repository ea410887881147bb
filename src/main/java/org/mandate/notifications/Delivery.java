package org.mandate.notifications;

/** How a kind of notification reaches a person: always in the inbox, and by e-mail at once or once a day. */
public enum Delivery {
    IN_APP,
    EMAIL,
    DAILY_DIGEST
}
