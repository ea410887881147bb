package org.mandate.feedback.web;

import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.util.Locale;
import org.mandate.feedback.Comment;
import org.mandate.feedback.CommentState;
import org.mandate.feedback.FeedbackManagement;
import org.mandate.feedback.FeedbackManagement.NewFeedback;
import org.mandate.feedback.FeedbackManagement.Receipt;
import org.mandate.feedback.RespondentType;
import org.mandate.feedback.Satisfaction;
import org.mandate.feedback.Target;
import org.mandate.feedback.Targets;
import org.mandate.shared.Actor;
import org.mandate.shared.InvalidInputException;
import org.mandate.shared.PageResult;
import org.mandate.shared.Paging;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Public satisfaction over HTTP: {@code POST /api/v1/public/feedback} (no login, rate-limited per client),
 * {@code GET /api/v1/public/feedback?target=} (averages, counts and approved comments), and moderation under
 * {@code /api/v1/feedback/comments}.
 */
@RestController
class FeedbackApi {

    private final FeedbackManagement feedback;
    private final Targets targets;
    private final ClientIdentity clients;
    private final FeedbackRateLimiter limiter;
    private final MessageSource messages;

    FeedbackApi(
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

    /** {@code website} is the honeypot: people leave it empty. */
    record FeedbackRequest(
            String target, Integer rating, String comment, RespondentType respondentType, String website) {}

    record TargetFeedback(
            String target, String label, Satisfaction satisfaction, PageResult<Comment.Public> comments) {}

    record Moderation(String reason, Long version) {}

    @PostMapping("/api/v1/public/feedback")
    ResponseEntity<Receipt> submit(@RequestBody FeedbackRequest body, HttpServletRequest request) {
        String client = clients.of(request);
        limiter.tryAcquire(clients.rateKeys(request)).ifPresent(seconds -> {
            throw new RateLimitedException(seconds);
        });
        Receipt receipt = feedback.submit(new NewFeedback(
                body.target(), body.rating(), body.comment(), body.respondentType(), body.website(), client));
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(receipt);
    }

    @GetMapping("/api/v1/public/feedback")
    TargetFeedback forTarget(
            @RequestParam String target,
            @RequestParam(required = false) LocalDate from,
            @RequestParam(required = false) LocalDate to,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        Target t = Target.parse(target)
                .filter(targets::exists)
                .orElseThrow(() -> new InvalidInputException("target", "error.unknown", target));
        return new TargetFeedback(
                t.key(),
                targets.label(t, LocaleContextHolder.getLocale()),
                feedback.satisfaction(t.key(), from, to),
                feedback.approvedComments(t.key(), Paging.of(page, size)));
    }

    /** A unit and everything under it (the units and the tasks they lead). */
    @GetMapping("/api/v1/public/feedback/units/{code}")
    Satisfaction forUnitSubtree(
            @PathVariable String code,
            @RequestParam(required = false) LocalDate from,
            @RequestParam(required = false) LocalDate to) {
        targets.require("code", "unit:" + code, java.util.Set.of(org.mandate.feedback.TargetType.UNIT));
        return feedback.unitSatisfaction(code, from, to);
    }

    @GetMapping("/api/v1/feedback/comments")
    PageResult<Comment> comments(
            @RequestParam(required = false) CommentState state,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return feedback.comments(Actor.require(), state, Paging.of(page, size));
    }

    @PostMapping("/api/v1/feedback/comments/{id}/approve")
    Comment approve(@PathVariable long id, @RequestBody(required = false) Moderation body) {
        if (body != null && body.reason() != null) {
            // Only a rejection takes a reason: one sent with an approval is refused, not dropped.
            throw new InvalidInputException("reason", "error.unknownField");
        }
        return feedback.approve(Actor.require(), id, body == null ? null : body.version());
    }

    @PostMapping("/api/v1/feedback/comments/{id}/reject")
    Comment reject(@PathVariable long id, @RequestBody(required = false) Moderation body) {
        return feedback.reject(
                Actor.require(), id, body == null ? null : body.reason(), body == null ? null : body.version());
    }

    @ExceptionHandler(RateLimitedException.class)
    ResponseEntity<ProblemDetail> tooMany(RateLimitedException e) {
        Locale locale = LocaleContextHolder.getLocale();
        ProblemDetail body = ProblemDetail.forStatusAndDetail(
                HttpStatus.TOO_MANY_REQUESTS, messages.getMessage(e.messageKey(), e.args(), e.messageKey(), locale));
        body.setTitle(HttpStatus.TOO_MANY_REQUESTS.getReasonPhrase());
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header("Retry-After", String.valueOf(e.retryAfterSeconds()))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(body);
    }
}
