package org.mandate.publication;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.mandate.shared.Actor;
import org.mandate.shared.CacheGenerations;
import org.mandate.shared.ConflictException;
import org.mandate.shared.ForbiddenException;
import org.mandate.shared.NotFoundException;
import org.mandate.shared.PageResult;
import org.mandate.shared.Paging;
import org.mandate.shared.Role;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes snapshots and serves them. Content is canonical JSON (keys sorted, no whitespace, UTF-8) so
 * the same data always gives the same bytes and digest. Published bytes are cached in memory: readers
 * never cause a snapshot to be recomputed.
 */
@Service
public class PublicationManagement {

    private static final JsonMapper CANONICAL = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .build();

    private final Publications publications;
    private final PublicSnapshot snapshot;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Cache<Long, byte[]> contents = Caffeine.newBuilder()
            .maximumWeight(256L << 20)
            .weigher((Long k, byte[] v) -> v.length)
            .build();
    // A national publication's model is several hundred megabytes of maps: keep the latest and the one before
    // it (the what-changed page compares the two), and let the collector take them back under pressure
    // rather than run out of memory; they are re-read from the stored content.
    private final Cache<Long, Map<String, Object>> models =
            Caffeine.newBuilder().maximumSize(2).softValues().build();
    // Several instances may publish: the latest is kept under the "publication" generation, which any
    // instance's publication moves.
    private final Cache<Long, Optional<Publication>> latest =
            Caffeine.newBuilder().maximumSize(4).build();
    private final ReentrantLock queue = new ReentrantLock(true);
    private final CacheGenerations generations;
    private final TransactionTemplate transactions;
    private final Duration wait;

    PublicationManagement(
            Publications publications,
            PublicSnapshot snapshot,
            ApplicationEventPublisher events,
            Clock clock,
            CacheGenerations generations,
            PlatformTransactionManager transactionManager,
            @Value("${mandate.publication.wait:PT2M}") Duration wait) {
        this.publications = publications;
        this.snapshot = snapshot;
        this.events = events;
        this.clock = clock;
        this.generations = generations;
        this.transactions = new TransactionTemplate(transactionManager);
        this.wait = wait;
    }

    private static final String GENERATION = "publication";

    /** The result of recomputing the digest chain. */
    public record Verification(long publication, boolean valid, int checked, Long firstBroken, String reason) {}

    /** A steering user publishes now. */
    public Publication publish(Actor actor) {
        if (!actor.is(Role.ADMIN, Role.STEERING)) {
            throw new ForbiddenException("error.forbidden.role", actor.role());
        }
        return publish(PublicationKind.MANUAL, LocalDate.now(clock));
    }

    /**
     * Publishes a snapshot of everything public as of now; the scheduled jobs call this. One publication at
     * a time in the whole cluster: publishers of this instance queue here, and across instances the chain's
     * head row is locked before the previous digest is read, so two publications can never chain to the same
     * predecessor (the database refuses it as well). A publisher that waits longer than
     * {@code mandate.publication.wait} is told that a publication is in progress (409).
     */
    public Publication publish(PublicationKind kind, LocalDate today) {
        boolean mine;
        try {
            mine = queue.tryLock(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw busy();
        }
        if (!mine) {
            throw busy();
        }
        try {
            return transactions.execute(s -> publishLocked(kind, today));
        } catch (PessimisticLockingFailureException e) {
            throw busy();
        } finally {
            queue.unlock();
        }
    }

    private static ConflictException busy() {
        return new ConflictException("error.publication.busy");
    }

    private Publication publishLocked(PublicationKind kind, LocalDate today) {
        Instant at = clock.instant();
        String period = period(kind, today);
        byte[] content = CANONICAL.writeValueAsBytes(snapshot.build(kind, period, at));
        String contentSha = Digests.sha256(content);
        // Inside the lock the head cannot move: it is the predecessor.
        publications.lockChainHead(wait);
        String previous = publications.latest().map(Publication::digest).orElse(null);
        Publication draft = new Publication(
                0,
                kind,
                period,
                at,
                Actor.currentName(),
                contentSha,
                previous,
                Digests.chain(previous, contentSha),
                content.length);
        long id = publications.insert(draft, content);
        publications.moveChainHead(id);
        Publication published = publications.find(id).orElseThrow();
        contents.put(id, content);
        latest.invalidateAll();
        generations.bump(GENERATION);
        events.publishEvent(new PublicationPublished(id, kind, period, published.digest()));
        events.publishEvent(
                new org.mandate.shared.AuditedChange("publication", String.valueOf(id), "published", null, published));
        return published;
    }

    static String period(PublicationKind kind, LocalDate day) {
        return switch (kind) {
            case WEEKLY ->
                "%dW%02d".formatted(day.get(IsoFields.WEEK_BASED_YEAR), day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            case MONTHLY -> "%d-%02d".formatted(day.getYear(), day.getMonthValue());
            case MANUAL -> day.toString();
        };
    }

    public Optional<Publication> latest() {
        return latest.get(generations.current(GENERATION), k -> publications.latest());
    }

    public Publication get(long id) {
        return publications.find(id).orElseThrow(() -> new NotFoundException("publication", id));
    }

    public Optional<Publication> before(long id) {
        return publications.before(id);
    }

    public PageResult<Publication> list(Paging paging) {
        return new PageResult<>(
                publications.page((int) paging.offset(), paging.size()),
                paging.page(),
                paging.size(),
                publications.count());
    }

    /** The frozen content of a publication, exactly as digested. */
    public byte[] content(long id) {
        get(id);
        return contents.get(id, publications::content);
    }

    /** The content parsed into maps and lists, for rendering. */
    public Map<String, Object> model(long id) {
        return models.get(id, k -> CANONICAL.readValue(content(k), new TypeReference<Map<String, Object>>() {}));
    }

    /** Recomputes every content hash and chained digest from the first publication up to {@code id}. */
    public Verification verify(long id) {
        get(id);
        List<Publication> chain = publications.chainUpTo(id);
        String previous = null;
        int checked = 0;
        java.util.Set<String> predecessors = new java.util.HashSet<>();
        for (Publication p : chain) {
            checked++;
            // Read from the database, not the cache: verification must see what is stored.
            String contentSha = Digests.sha256(publications.content(p.id()));
            List<String> problems = new ArrayList<>();
            if (!contentSha.equals(p.contentSha256())) {
                problems.add("content");
            }
            if (!java.util.Objects.equals(previous, p.previousDigest())) {
                problems.add("previousDigest");
            }
            if (!predecessors.add(String.valueOf(p.previousDigest()))) {
                problems.add("sharedPredecessor");
            }
            if (!Digests.chain(p.previousDigest(), p.contentSha256()).equals(p.digest())) {
                problems.add("digest");
            }
            if (!problems.isEmpty()) {
                return new Verification(id, false, checked, p.id(), String.join(",", problems));
            }
            previous = p.digest();
        }
        return new Verification(id, true, checked, null, null);
    }

    /** Forgets cached bytes, so the next read comes from the database (used after maintenance). */
    public void evictCaches() {
        contents.invalidateAll();
        models.invalidateAll();
        latest.invalidateAll();
    }
}
