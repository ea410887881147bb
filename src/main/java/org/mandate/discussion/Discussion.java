package org.mandate.discussion;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.tika.Tika;
import org.mandate.shared.Actor;
import org.mandate.shared.AuditedChange;
import org.mandate.shared.Checks;
import org.mandate.shared.ConflictException;
import org.mandate.shared.ForbiddenException;
import org.mandate.shared.InvalidInputException;
import org.mandate.shared.NotFoundException;
import org.mandate.shared.ProblemException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.unit.DataSize;

/**
 * Comments and evidence files on the targets other modules declare ({@link DiscussionTarget}). Every read
 * and write checks the target against the actor: a hidden target is as absent as an unknown one (404), a
 * visible one the actor may not act on is 403.
 */
@Service
public class Discussion {

    /** A comment may be corrected this long after it was posted; after that only added to. */
    public static final Duration EDIT_WINDOW = Duration.ofMinutes(15);

    public static final int MAX_TEXT = 4000;
    private static final Pattern TARGET = Pattern.compile("([a-z]+):([1-9][0-9]{0,17})");
    private static final Pattern MENTION = Pattern.compile("(?<![\\w@])@([A-Z0-9][A-Z0-9-]{1,49})");
    // Evidence people attach: documents and pictures, never anything a browser would run.
    private static final Set<String> ACCEPTED = Set.of(
            "application/pdf",
            "image/png",
            "image/jpeg",
            "image/gif",
            "image/webp",
            "text/plain",
            "text/csv",
            "application/msword",
            "application/vnd.ms-excel",
            "application/vnd.ms-powerpoint",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "application/vnd.openxmlformats-officedocument.presentationml.presentation",
            "application/vnd.oasis.opendocument.text",
            "application/vnd.oasis.opendocument.spreadsheet");

    private final JdbcClient jdbc;
    private final Map<String, DiscussionTarget> targets;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final long maxFileSize;
    private final Tika tika = new Tika();

    Discussion(
            JdbcClient jdbc,
            List<DiscussionTarget> targets,
            ApplicationEventPublisher events,
            Clock clock,
            @Value("${mandate.attachments.max-size:20MB}") DataSize maxFileSize) {
        this.jdbc = jdbc;
        this.targets = targets.stream().collect(Collectors.toMap(DiscussionTarget::type, Function.identity()));
        this.events = events;
        this.clock = clock;
        this.maxFileSize = maxFileSize.toBytes();
    }

    public long maxFileSize() {
        return maxFileSize;
    }

    /** The comments on a target, oldest first. */
    public List<Comment> comments(Actor reader, String target) {
        subject(reader, target);
        return jdbc.sql("select " + COMMENT_COLUMNS + " from discussion_comment where target = :t order by id")
                .param("t", target)
                .query(Discussion::comment)
                .list();
    }

    @Transactional
    public Comment post(Actor actor, String target, String text) {
        DiscussionTarget.Subject subject = writable(actor, target);
        String body = checkedText(text);
        Instant now = clock.instant();
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into discussion_comment (target, author, author_unit, body, created_at, version)
                values (:t, :author, :unit, :body, :at, 0)
                """)
                .param("t", target)
                .param("author", actor.username())
                .param("unit", actor.scopeUnit())
                .param("body", body)
                .param("at", Timestamp.from(now))
                .update(keys, "id");
        long id = keys.getKey().longValue();
        Comment created = comment(id);
        events.publishEvent(AuditedChange.created("comment", String.valueOf(id), created));
        events.publishEvent(new DiscussionEvents.CommentPosted(
                id, target, subject.link(), actor.username(), subject.unit(), mentions(body)));
        return created;
    }

    /** Corrects one's own comment within {@link #EDIT_WINDOW}; the audit trail keeps the version before. */
    @Transactional
    public Comment edit(Actor actor, long id, String text, Long version) {
        Comment current = comment(id);
        subject(actor, current.target());
        if (!current.author().equals(actor.username())) {
            throw new ForbiddenException("error.discussion.notYours");
        }
        if (clock.instant().isAfter(current.createdAt().plus(EDIT_WINDOW))) {
            throw new ConflictException("error.discussion.editWindow", EDIT_WINDOW.toMinutes());
        }
        if (version != null && version != current.version()) {
            throw ConflictException.staleVersion(version, current.version());
        }
        String body = checkedText(text);
        jdbc.sql("update discussion_comment set body = :body, edited_at = :at, version = version + 1 where id = :id")
                .param("body", body)
                .param("at", Timestamp.from(clock.instant()))
                .param("id", id)
                .update();
        Comment updated = comment(id);
        events.publishEvent(AuditedChange.updated("comment", String.valueOf(id), current, updated));
        return updated;
    }

    public List<Attachment> attachments(Actor reader, String target) {
        subject(reader, target);
        return jdbc.sql("select " + ATTACHMENT_COLUMNS + " from discussion_attachment where target = :t order by id")
                .param("t", target)
                .query(Discussion::attachment)
                .list();
    }

    /**
     * Stores an evidence file: at most {@code mandate.attachments.max-size} (413 beyond), of a type read from
     * its bytes, not its name (415 for anything but documents and pictures).
     */
    @Transactional
    public Attachment attach(Actor actor, String target, String fileName, InputStream in) throws IOException {
        DiscussionTarget.Subject subject = writable(actor, target);
        String name = fileName == null
                ? ""
                : fileName.replaceAll("[\\\\/\\p{Cntrl}]", "_").strip();
        if (name.isEmpty() || name.length() > 255) {
            throw new InvalidInputException("file", "error.discussion.fileName");
        }
        byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxFileSize + 1));
        if (bytes.length > maxFileSize) {
            throw new ProblemException(
                    HttpStatus.CONTENT_TOO_LARGE, "error.discussion.fileTooLarge", maxFileSize / (1024 * 1024));
        }
        if (bytes.length == 0) {
            throw new InvalidInputException("file", "error.discussion.fileEmpty");
        }
        String type = tika.detect(bytes, name);
        if (!ACCEPTED.contains(type)) {
            throw new ProblemException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "error.discussion.fileType", type);
        }
        String sha256 = sha256(bytes);
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into discussion_attachment (target, name, content_type, size, sha256, content, uploaded_by,
                                                   uploaded_at)
                values (:t, :name, :type, :size, :sha, :content, :by, :at)
                """)
                .param("t", target)
                .param("name", name)
                .param("type", type)
                .param("size", bytes.length)
                .param("sha", sha256)
                .param("content", bytes)
                .param("by", actor.username())
                .param("at", Timestamp.from(clock.instant()))
                .update(keys, "id");
        long id = keys.getKey().longValue();
        Attachment created = attachment(id);
        events.publishEvent(AuditedChange.created("attachment", String.valueOf(id), created));
        return created;
    }

    /** An attachment the reader may see. */
    public Attachment attachment(Actor reader, long id) {
        Attachment a = attachment(id);
        subject(reader, a.target());
        return a;
    }

    /** The stored bytes of an attachment the reader may see. */
    public byte[] content(Actor reader, long id) {
        attachment(reader, id);
        return bytes(id);
    }

    private byte[] bytes(long id) {
        return jdbc.sql("select content from discussion_attachment where id = :id")
                .param("id", id)
                .query((rs, n) -> rs.getBytes(1))
                .single();
    }

    /** An evidence file of a public target, for anyone; 404 for any other. */
    public Attachment publicAttachment(long id) {
        Attachment a = attachment(id);
        Matcher m = TARGET.matcher(a.target());
        DiscussionTarget owner = m.matches() ? targets.get(m.group(1)) : null;
        if (owner == null || !owner.isPublic(Long.parseLong(m.group(2)))) {
            throw new NotFoundException("attachment", id);
        }
        return a;
    }

    /** The bytes of an evidence file of a public target. */
    public byte[] publicContent(long id) {
        publicAttachment(id);
        return bytes(id);
    }

    /** The evidence files of a public target, oldest first (empty for any other). */
    public List<Attachment> publicAttachments(String target) {
        Matcher m = target == null ? null : TARGET.matcher(target);
        if (m == null
                || !m.matches()
                || !targets.containsKey(m.group(1))
                || !targets.get(m.group(1)).isPublic(Long.parseLong(m.group(2)))) {
            return List.of();
        }
        return jdbc.sql("select " + ATTACHMENT_COLUMNS + " from discussion_attachment where target = :t order by id")
                .param("t", target)
                .query(Discussion::attachment)
                .list();
    }

    /** Whether the target has at least one evidence file (a legal document's issued text, say). */
    public boolean hasEvidence(String target) {
        return jdbc.sql("select count(*) from discussion_attachment where target = :t")
                        .param("t", target)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** The org unit codes named with {@code @CODE} in a text, in order, each once. */
    static List<String> mentions(String text) {
        Set<String> found = new LinkedHashSet<>();
        Matcher m = MENTION.matcher(text);
        while (m.find() && found.size() < 20) {
            found.add(m.group(1));
        }
        return List.copyOf(found);
    }

    private DiscussionTarget.Subject subject(Actor reader, String target) {
        Matcher m = target == null ? null : TARGET.matcher(target);
        if (m == null || !m.matches() || !targets.containsKey(m.group(1))) {
            throw new InvalidInputException("target", "error.discussion.target", String.valueOf(target));
        }
        return targets.get(m.group(1))
                .find(reader, Long.parseLong(m.group(2)))
                .orElseThrow(() -> new NotFoundException(m.group(1), m.group(2)));
    }

    private DiscussionTarget.Subject writable(Actor actor, String target) {
        DiscussionTarget.Subject subject = subject(actor, target);
        if (!subject.writable()) {
            throw new ForbiddenException("error.forbidden.scope", subject.unit());
        }
        return subject;
    }

    private static String checkedText(String text) {
        String body = text == null ? "" : text.strip();
        if (body.isEmpty()) {
            throw new InvalidInputException("text", "error.discussion.textRequired");
        }
        List<ProblemException.FieldProblem> problems = new ArrayList<>();
        Checks.maxLength(problems, "text", body, MAX_TEXT);
        Checks.throwIfAny(problems);
        return body;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final String COMMENT_COLUMNS =
            "id, target, author, author_unit, body, created_at, edited_at, version";
    private static final String ATTACHMENT_COLUMNS =
            "id, target, name, content_type, size, sha256, uploaded_by, uploaded_at";

    private Comment comment(long id) {
        return jdbc.sql("select " + COMMENT_COLUMNS + " from discussion_comment where id = :id")
                .param("id", id)
                .query(Discussion::comment)
                .optional()
                .orElseThrow(() -> new NotFoundException("comment", id));
    }

    private Attachment attachment(long id) {
        return jdbc.sql("select " + ATTACHMENT_COLUMNS + " from discussion_attachment where id = :id")
                .param("id", id)
                .query(Discussion::attachment)
                .optional()
                .orElseThrow(() -> new NotFoundException("attachment", id));
    }

    private static Comment comment(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        Timestamp edited = rs.getTimestamp("edited_at");
        return new Comment(
                rs.getLong("id"),
                rs.getString("target"),
                rs.getString("author"),
                rs.getString("author_unit"),
                rs.getString("body"),
                rs.getTimestamp("created_at").toInstant(),
                edited == null ? null : edited.toInstant(),
                rs.getLong("version"));
    }

    private static Attachment attachment(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Attachment(
                rs.getLong("id"),
                rs.getString("target"),
                rs.getString("name"),
                rs.getString("content_type"),
                rs.getLong("size"),
                rs.getString("sha256"),
                rs.getString("uploaded_by"),
                rs.getTimestamp("uploaded_at").toInstant());
    }
}
