package org.mandate.discussion.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.mandate.discussion.Attachment;
import org.mandate.discussion.Comment;
import org.mandate.discussion.Discussion;
import org.mandate.shared.Actor;
import org.mandate.shared.InvalidInputException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Comments on tasks and bottlenecks ({@code /api/v1/tasks/{id}/comments}, {@code
 * /api/v1/bottlenecks/{id}/comments}, {@code PATCH /api/v1/comments/{id}}) and evidence files ({@code
 * /api/v1/attachments}).
 */
@RestController
class DiscussionApi {

    private final Discussion discussion;

    DiscussionApi(Discussion discussion) {
        this.discussion = discussion;
    }

    record CommentRequest(String text, Long version) {}

    @GetMapping("/api/v1/{type:tasks|bottlenecks}/{id}/comments")
    List<Comment> comments(@PathVariable String type, @PathVariable long id) {
        return discussion.comments(Actor.require(), target(type, id));
    }

    @PostMapping("/api/v1/{type:tasks|bottlenecks}/{id}/comments")
    ResponseEntity<Comment> post(
            @PathVariable String type, @PathVariable long id, @RequestBody CommentRequest request) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(discussion.post(Actor.require(), target(type, id), request.text()));
    }

    @PatchMapping("/api/v1/comments/{id}")
    Comment edit(@PathVariable long id, @RequestBody CommentRequest request) {
        return discussion.edit(Actor.require(), id, request.text(), request.version());
    }

    @GetMapping("/api/v1/attachments")
    List<Attachment> attachments(@RequestParam String target) {
        return discussion.attachments(Actor.require(), target);
    }

    @PostMapping(value = "/api/v1/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<Attachment> attach(@RequestParam String target, @RequestParam(required = false) MultipartFile file)
            throws IOException {
        if (file == null) {
            throw new InvalidInputException("file", "error.discussion.fileEmpty");
        }
        try (InputStream in = file.getInputStream()) {
            return ResponseEntity.status(HttpStatus.CREATED)
                    .body(discussion.attach(Actor.require(), target, file.getOriginalFilename(), in));
        }
    }

    @GetMapping("/api/v1/attachments/{id}")
    ResponseEntity<byte[]> download(@PathVariable long id) {
        return file(discussion, Actor.require(), id);
    }

    /** Evidence behind public tasks, bottlenecks and approved reports, for anyone to check. */
    @GetMapping("/api/v1/public/evidence/{id}")
    ResponseEntity<byte[]> publicDownload(@PathVariable long id) {
        return file(discussion.publicAttachment(id), discussion.publicContent(id));
    }

    @GetMapping("/api/v1/public/evidence")
    List<Attachment> publicEvidence(@RequestParam String target) {
        return discussion.publicAttachments(target);
    }

    /** The bytes as stored, with their digest and as a download, never shown inline. */
    static ResponseEntity<byte[]> file(Discussion discussion, Actor reader, long id) {
        return file(discussion.attachment(reader, id), discussion.content(reader, id));
    }

    private static ResponseEntity<byte[]> file(Attachment a, byte[] bytes) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(a.contentType()))
                .header("X-Content-SHA256", a.sha256())
                .header(
                        "Content-Disposition",
                        ContentDisposition.attachment()
                                .filename(a.name(), java.nio.charset.StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .body(bytes);
    }

    private static String target(String type, long id) {
        return (type.equals("tasks") ? "task" : "bottleneck") + ":" + id;
    }
}
