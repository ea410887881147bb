package org.mandate.discussion.web;

import java.io.IOException;
import java.io.InputStream;
import org.mandate.discussion.Discussion;
import org.mandate.shared.Actor;
import org.mandate.shared.ProblemException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The comment and evidence forms of the task and bottleneck pages, and evidence downloads. */
@Controller
class DiscussionController {

    private final Discussion discussion;
    private final MessageSource messages;

    DiscussionController(Discussion discussion, MessageSource messages) {
        this.discussion = discussion;
        this.messages = messages;
    }

    @PostMapping("/{type:tasks|bottlenecks}/{id}/comments")
    String comment(
            @PathVariable String type,
            @PathVariable long id,
            @RequestParam(required = false) String text,
            RedirectAttributes redirect) {
        try {
            discussion.post(Actor.require(), target(type, id), text);
            redirect.addFlashAttribute("notice", text("discussion.commented"));
        } catch (ProblemException e) {
            redirect.addFlashAttribute("error", describe(e));
        }
        return "redirect:/" + type + "/" + id + "#discussion";
    }

    @PostMapping("/{type:tasks|bottlenecks}/{id}/attachments")
    String attach(
            @PathVariable String type,
            @PathVariable long id,
            @RequestParam(required = false) MultipartFile file,
            RedirectAttributes redirect)
            throws IOException {
        try {
            if (file == null || file.isEmpty()) {
                throw new org.mandate.shared.InvalidInputException("file", "error.discussion.fileEmpty");
            }
            try (InputStream in = file.getInputStream()) {
                var a = discussion.attach(Actor.require(), target(type, id), file.getOriginalFilename(), in);
                redirect.addFlashAttribute("notice", text("discussion.attached", a.name(), a.sha256()));
            }
        } catch (ProblemException e) {
            redirect.addFlashAttribute("error", describe(e));
        }
        return "redirect:/" + type + "/" + id + "#discussion";
    }

    @GetMapping("/attachments/{id}")
    ResponseEntity<byte[]> download(@PathVariable long id) {
        return DiscussionApi.file(discussion, Actor.require(), id);
    }

    private String describe(ProblemException e) {
        if (!e.fieldProblems().isEmpty()) {
            return e.fieldProblems().stream()
                    .map(p -> text(p.messageKey(), p.args()))
                    .collect(java.util.stream.Collectors.joining(" "));
        }
        return text(e.messageKey(), e.args());
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }

    private static String target(String type, long id) {
        return (type.equals("tasks") ? "task" : "bottleneck") + ":" + id;
    }
}
