package org.mandate.publication;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Publications and their content, kept gzip-compressed; the digest covers the uncompressed bytes. */
@Repository
class Publications {

    private static final String COLUMNS =
            "id, kind, period, published_at, published_by, content_sha256, previous_digest, digest, content_size";

    private final JdbcClient jdbc;
    private final boolean postgres;

    Publications(JdbcClient jdbc, javax.sql.DataSource dataSource) {
        this.jdbc = jdbc;
        this.postgres = org.mandate.shared.Databases.isPostgres(dataSource);
    }

    long insert(Publication p, byte[] content) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into publication (kind, period, published_at, published_by, content_sha256, previous_digest,
                                         digest, content_size, content_gzip)
                values (:kind, :period, :at, :by, :sha, :prev, :digest, :size, :content)
                """)
                .param("kind", p.kind().name())
                .param("period", p.period())
                .param("at", Timestamp.from(p.publishedAt()))
                .param("by", p.publishedBy())
                .param("sha", p.contentSha256())
                .param("prev", p.previousDigest())
                .param("digest", p.digest())
                .param("size", content.length)
                .param("content", gzip(content))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    /**
     * Locks the chain's head row until the transaction ends, waiting at most {@code wait} for another
     * instance's publication (PostgreSQL; H2 waits its own lock timeout).
     */
    void lockChainHead(java.time.Duration wait) {
        if (postgres) {
            // SET LOCAL takes no parameters: the number is ours, not the client's.
            jdbc.sql("set local lock_timeout = " + Math.max(1, wait.toMillis())).update();
        }
        jdbc.sql("select publication_id from publication_chain_head where id = 1 for update")
                .query(Long.class)
                .optional();
    }

    void moveChainHead(long id) {
        jdbc.sql("update publication_chain_head set publication_id = :id where id = 1")
                .param("id", id)
                .update();
    }

    Optional<Publication> latest() {
        return jdbc.sql("select " + COLUMNS + " from publication order by id desc limit 1")
                .query(Publications::map)
                .optional();
    }

    Optional<Publication> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from publication where id = :id")
                .param("id", id)
                .query(Publications::map)
                .optional();
    }

    Optional<Publication> before(long id) {
        return jdbc.sql("select " + COLUMNS + " from publication where id < :id order by id desc limit 1")
                .param("id", id)
                .query(Publications::map)
                .optional();
    }

    List<Publication> page(int offset, int limit) {
        return jdbc.sql("select " + COLUMNS + " from publication order by id desc limit :limit offset :offset")
                .param("limit", limit)
                .param("offset", offset)
                .query(Publications::map)
                .list();
    }

    /** Every publication up to and including {@code id}, oldest first (metadata only). */
    List<Publication> chainUpTo(long id) {
        return jdbc.sql("select " + COLUMNS + " from publication where id <= :id order by id")
                .param("id", id)
                .query(Publications::map)
                .list();
    }

    long count() {
        return jdbc.sql("select count(*) from publication").query(Long.class).single();
    }

    byte[] content(long id) {
        byte[] compressed = jdbc.sql("select content_gzip from publication where id = :id")
                .param("id", id)
                .query((rs, i) -> rs.getBytes(1))
                .single();
        return gunzip(compressed);
    }

    private static Publication map(ResultSet rs, int row) throws SQLException {
        return new Publication(
                rs.getLong("id"),
                PublicationKind.valueOf(rs.getString("kind")),
                rs.getString("period"),
                rs.getTimestamp("published_at").toInstant(),
                rs.getString("published_by"),
                rs.getString("content_sha256"),
                rs.getString("previous_digest"),
                rs.getString("digest"),
                rs.getLong("content_size"));
    }

    private static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 4 + 64);
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] gunzip(byte[] bytes) {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
