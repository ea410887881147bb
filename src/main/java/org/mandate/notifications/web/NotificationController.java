package org.mandate.notifications.web;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.mandate.notifications.Delivery;
import org.mandate.notifications.Notification;
import org.mandate.notifications.NotificationCenter;
import org.mandate.notifications.NotificationKind;
import org.mandate.shared.Actor;
import org.mandate.shared.PageResult;
import org.mandate.shared.Paging;
import org.mandate.shared.ProblemException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The inbox page ({@code /notifications}): each line opens the thing it is about and is then read. */
@Controller
class NotificationController {

    private final NotificationCenter center;
    private final MessageSource messages;

    NotificationController(NotificationCenter center, MessageSource messages) {
        this.center = center;
        this.messages = messages;
    }

    /** An inbox line as the page shows it. */
    record Line(Notification notification, String title) {}

    @GetMapping("/notifications")
    String inbox(
            @RequestParam(defaultValue = "false") boolean unread,
            @RequestParam(required = false) Integer page,
            Model model) {
        PageResult<Notification> p = center.inbox(Actor.require(), unread, Paging.of(page, 50));
        model.addAttribute(
                "lines",
                p.items().stream().map(n -> new Line(n, Titles.of(messages, n))).toList());
        model.addAttribute("page", p);
        model.addAttribute("unreadOnly", unread);
        model.addAttribute("mailConfigured", center.mailConfigured());
        return "notifications/inbox";
    }

    /** Opens a notification: marks it read and goes to what it is about. */
    @PostMapping("/notifications/{id}/open")
    String open(@PathVariable long id) {
        Notification n = center.markRead(Actor.require(), id);
        return "redirect:" + (n.link().startsWith("/") ? n.link() : "/notifications");
    }

    @PostMapping("/notifications/read-all")
    String readAll() {
        center.markAllRead(Actor.require());
        return "redirect:/notifications";
    }

    @GetMapping("/notifications/settings")
    String settings(Model model) {
        model.addAttribute("settings", center.settings(Actor.require()));
        model.addAttribute("kinds", NotificationKind.values());
        model.addAttribute("deliveries", Delivery.values());
        model.addAttribute("languages", List.of("vi", "en", "fr", "ru"));
        model.addAttribute("mailConfigured", center.mailConfigured());
        return "notifications/settings";
    }

    @PostMapping("/notifications/settings")
    String save(@RequestParam Map<String, String> form, RedirectAttributes redirect) {
        Map<NotificationKind, Delivery> kinds = new EnumMap<>(NotificationKind.class);
        for (NotificationKind k : NotificationKind.values()) {
            String chosen = form.get("kind." + k.name());
            if (chosen != null) {
                try {
                    kinds.put(k, Delivery.valueOf(chosen));
                } catch (IllegalArgumentException e) {
                    // An unknown choice from a tampered form keeps the current one.
                }
            }
        }
        try {
            center.saveSettings(
                    Actor.require(), new NotificationCenter.Settings(form.get("email"), form.get("language"), kinds));
            redirect.addFlashAttribute("notice", text("notification.settings.saved"));
        } catch (ProblemException e) {
            redirect.addFlashAttribute(
                    "error",
                    e.fieldProblems().isEmpty()
                            ? text(e.messageKey(), e.args())
                            : text(
                                    e.fieldProblems().get(0).messageKey(),
                                    e.fieldProblems().get(0).args()));
        }
        return "redirect:/notifications/settings";
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }
}
