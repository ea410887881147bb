package org.mandate.shared;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Appends rows to one table: with PostgreSQL's COPY (CSV streamed in chunks) or, on other databases,
 * JDBC batches. Values are Java objects: String, Number, Boolean, LocalDate, Instant or null. Give it the
 * connection of the current transaction (JdbcTemplate's ConnectionCallback does) and the rows commit or
 * roll back with the rest of the change.
 */
public final class BulkWriter implements AutoCloseable {

    private static final int COPY_CHUNK = 50_000;
    private static final int BATCH = 2_000;

    private final String table;
    private final String[] columns;
    private final CopyManager copy;
    private final PreparedStatement insert;
    private final StringBuilder buffer = new StringBuilder(1 << 20);
    private int pending;
    private long rows;
    private BulkWriter parent;

    public BulkWriter(Connection connection, String table, String... columns) throws SQLException {
        this.table = table;
        this.columns = columns;
        if (connection.isWrapperFor(PGConnection.class)) {
            this.copy = connection.unwrap(PGConnection.class).getCopyAPI();
            this.insert = null;
        } else {
            this.copy = null;
            String marks = String.join(", ", java.util.Collections.nCopies(columns.length, "?"));
            this.insert = connection.prepareStatement(
                    "insert into " + table + " (" + String.join(", ", columns) + ") values (" + marks + ")");
        }
    }

    /** Rows of this table reference rows of {@code parent}: the parent's pending rows are written first. */
    public BulkWriter after(BulkWriter parent) {
        this.parent = parent;
        return this;
    }

    public void row(Object... values) throws SQLException {
        if (values.length != columns.length) {
            throw new IllegalArgumentException(
                    table + ": " + values.length + " values for " + columns.length + " columns");
        }
        rows++;
        if (copy != null) {
            for (int i = 0; i < values.length; i++) {
                if (i > 0) {
                    buffer.append(',');
                }
                csv(values[i]);
            }
            buffer.append('\n');
            if (++pending >= COPY_CHUNK) {
                flush();
            }
        } else {
            for (int i = 0; i < values.length; i++) {
                Object v = values[i];
                if (v instanceof Instant instant) {
                    v = Timestamp.from(instant);
                } else if (v instanceof LocalDate date) {
                    v = java.sql.Date.valueOf(date);
                }
                insert.setObject(i + 1, v);
            }
            insert.addBatch();
            if (++pending >= BATCH) {
                flush();
            }
        }
    }

    public long rows() {
        return rows;
    }

    private void csv(Object v) {
        if (v == null) {
            return;
        }
        String s = v instanceof Boolean b ? (b ? "t" : "f") : v.toString();
        if (s.isEmpty() || s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
            buffer.append('"').append(s.replace("\"", "\"\"")).append('"');
        } else {
            buffer.append(s);
        }
    }

    private void flush() throws SQLException {
        if (pending == 0) {
            return;
        }
        if (parent != null) {
            parent.flush();
        }
        if (copy != null) {
            try {
                copy.copyIn(
                        "COPY " + table + " (" + String.join(", ", columns) + ") FROM STDIN WITH (FORMAT csv)",
                        new StringReader(buffer.toString()));
            } catch (IOException e) {
                throw new SQLException(e);
            }
            buffer.setLength(0);
        } else {
            insert.executeBatch();
        }
        pending = 0;
    }

    @Override
    public void close() throws SQLException {
        flush();
        if (insert != null) {
            insert.close();
        }
    }
}
