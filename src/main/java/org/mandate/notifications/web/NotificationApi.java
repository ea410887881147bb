package org.mandate.notifications.web;

import java.util.Map;
import org.mandate.notifications.Notification;
import org.mandate.notifications.NotificationCenter;
import org.mandate.notifications.NotificationKind;
import org.mandate.shared.Actor;
import org.mandate.shared.PageResult;
import org.mandate.shared.Paging;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The caller's inbox ({@code /api/v1/notifications}) and choices ({@code /api/v1/me/notification-settings}). */
@RestController
class NotificationApi {

    private final NotificationCenter center;
    private final org.springframework.context.MessageSource messages;

    NotificationApi(NotificationCenter center, org.springframework.context.MessageSource messages) {
        this.center = center;
        this.messages = messages;
    }

    /** An inbox line as the API gives it: the title already written in the caller's language. */
    record NotificationJson(
            long id,
            NotificationKind kind,
            java.time.Instant createdAt,
            java.time.Instant readAt,
            String title,
            String link) {}

    @GetMapping("/api/v1/notifications")
    PageResult<NotificationJson> inbox(
            @RequestParam(defaultValue = "false") boolean unread,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        PageResult<Notification> p = center.inbox(Actor.require(), unread, Paging.of(page, size));
        return new PageResult<>(p.items().stream().map(this::json).toList(), p.page(), p.size(), p.total());
    }

    @PostMapping("/api/v1/notifications/{id}/read")
    NotificationJson read(@PathVariable long id) {
        return json(center.markRead(Actor.require(), id));
    }

    @PostMapping("/api/v1/notifications/read-all")
    Map<String, Integer> readAll() {
        return Map.of("read", center.markAllRead(Actor.require()));
    }

    @GetMapping("/api/v1/me/notification-settings")
    NotificationCenter.Settings settings() {
        return center.settings(Actor.require());
    }

    @PutMapping("/api/v1/me/notification-settings")
    NotificationCenter.Settings save(@RequestBody NotificationCenter.Settings settings) {
        return center.saveSettings(Actor.require(), settings);
    }

    private NotificationJson json(Notification n) {
        return new NotificationJson(n.id(), n.kind(), n.createdAt(), n.readAt(), Titles.of(messages, n), n.link());
    }
}
