package org.mandate.shared;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Which database this is, for the few statements that differ between PostgreSQL and H2. */
public final class Databases {

    private Databases() {}

    public static boolean isPostgres(DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            return c.getMetaData()
                    .getDatabaseProductName()
                    .toLowerCase(java.util.Locale.ROOT)
                    .contains("postgres");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the database product", e);
        }
    }
}
