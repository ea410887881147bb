package org.mandate.notifications.web;

import org.mandate.notifications.NotificationCenter;
import org.mandate.shared.Actor;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** The bell of every staff page: the signed-in person's unread count (one indexed count). */
@ControllerAdvice(annotations = Controller.class)
class BellAdvice {

    private final NotificationCenter center;

    BellAdvice(NotificationCenter center) {
        this.center = center;
    }

    @ModelAttribute("unreadNotifications")
    Long unreadNotifications() {
        return Actor.current().map(a -> center.unread(a.username())).orElse(null);
    }
}
