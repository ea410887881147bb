package org.mandate.feedback.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import org.mandate.feedback.CommentState;
import org.mandate.feedback.FeedbackManagement;
import org.mandate.feedback.FeedbackManagement.NewFeedback;
import org.mandate.feedback.RespondentType;
import org.mandate.feedback.Target;
import org.mandate.feedback.Targets;
import org.mandate.shared.Actor;
import org.mandate.shared.InvalidInputException;
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
import org.springframework.web.util.UriComponentsBuilder;

/** The public feedback page (form, averages, approved comments) and the moderators' queue. */
@Controller
class FeedbackController {

    static final String PUBLIC_VIEW = "feedback/public";
    static final String MODERATION_VIEW = "feedback/moderation";

    private final FeedbackManagement feedback;
    private final Targets targets;
    private final ClientIdentity clients;
    private final FeedbackRateLimiter limiter;
    private final MessageSource messages;

    FeedbackController(
            FeedbackManagement feedback,
            Targets targets,
            ClientIdentity clients,
            FeedbackRateLimiter limiter,
            MessageSource messages) {
        this.feedback = feedback;
        this.targets = targets;
        this.clients = clients;
        this.limiter = limiter;
        this.messages = messages;
    }

    /** The canonical address, {@code /public/feedback/unit:CAOBANG}: the language links keep the target. */
    @GetMapping("/public/feedback/{target}")
    String pageAt(
            @PathVariable String target,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) String sent,
            Model model) {
        return page(target, page, sent, model);
    }

    @GetMapping("/public/feedback")
    String page(
            @RequestParam String target,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) String sent,
            Model model) {
        Target t = Target.parse(target)
                .filter(targets::exists)
                .orElseThrow(() -> new InvalidInputException("target", "error.unknown", target));
        model.addAttribute("target", t.key());
        model.addAttribute("label", targets.label(t, LocaleContextHolder.getLocale()));
        model.addAttribute("satisfaction", feedback.satisfaction(t.key(), null, null));
        model.addAttribute("comments", feedback.approvedComments(t.key(), Paging.of(page, 20)));
        model.addAttribute("respondentTypes", RespondentType.values());
        model.addAttribute("sent", sent != null);
        return PUBLIC_VIEW;
    }

    @PostMapping({"/public/feedback", "/public/feedback/{target}"})
    String submit(
            @RequestParam(required = false) String target,
            @RequestParam(required = false) Integer rating,
            @RequestParam(required = false) String comment,
            @RequestParam(required = false) String respondentType,
            @RequestParam(required = false) String website,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        String client = clients.of(request);
        try {
            limiter.tryAcquire(clients.rateKeys(request)).ifPresent(seconds -> {
                throw new RateLimitedException(seconds);
            });
            RespondentType type = Arrays.stream(RespondentType.values())
                    .filter(r -> r.name().equals(respondentType))
                    .findFirst()
                    .orElse(null);
            feedback.submit(new NewFeedback(target, rating, comment, type, website, client));
        } catch (ProblemException e) {
            if (e instanceof RateLimitedException limited) {
                response.setHeader("Retry-After", String.valueOf(limited.retryAfterSeconds()));
            }
            if (Target.parse(target).filter(targets::exists).isEmpty()) {
                throw e;
            }
            response.setStatus(e.status().value());
            model.addAttribute("error", describe(e));
            return page(target, null, null, model);
        }
        return "redirect:"
                + UriComponentsBuilder.fromPath("/public/feedback/{target}")
                        .queryParam("sent", "1")
                        .encode()
                        .buildAndExpand(target)
                        .toUriString();
    }

    @GetMapping("/feedback/moderation")
    String moderation(
            @RequestParam(required = false) CommentState state,
            @RequestParam(required = false) Integer page,
            Model model) {
        CommentState shown = state == null ? CommentState.PENDING : state;
        model.addAttribute("state", shown);
        model.addAttribute("states", CommentState.values());
        model.addAttribute("comments", feedback.comments(Actor.require(), shown, Paging.of(page, 50)));
        return MODERATION_VIEW;
    }

    @PostMapping("/feedback/moderation/{id}/approve")
    String approve(@PathVariable long id, @RequestParam(required = false) Long version, RedirectAttributes redirect) {
        feedback.approve(Actor.require(), id, version);
        redirect.addFlashAttribute("done", "feedback.moderation.approved");
        return "redirect:/feedback/moderation";
    }

    @PostMapping("/feedback/moderation/{id}/reject")
    String reject(
            @PathVariable long id,
            @RequestParam(required = false) String reason,
            @RequestParam(required = false) Long version,
            RedirectAttributes redirect) {
        feedback.reject(Actor.require(), id, reason, version);
        redirect.addFlashAttribute("done", "feedback.moderation.rejected");
        return "redirect:/feedback/moderation";
    }

    private String describe(ProblemException e) {
        var locale = LocaleContextHolder.getLocale();
        StringBuilder text = new StringBuilder(messages.getMessage(e.messageKey(), e.args(), e.messageKey(), locale));
        e.fieldProblems()
                .forEach(p -> text.append(" — ")
                        .append(messages.getMessage("feedback.field." + p.field(), null, p.field(), locale))
                        .append(": ")
                        .append(messages.getMessage(p.messageKey(), p.args(), p.messageKey(), locale)));
        return text.toString();
    }
}
