package dev.breakdown.platform.flyway;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.configuration.Configuration;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;

/**
 * Migrates with each service's own history table ({@code spring.flyway.table}), so several services can share one
 * database. A database a service migrated before under Flyway's default table is taken over first: that table is
 * renamed when every script it lists is one of this service's, so existing data directories keep working.
 */
public class OwnHistoryTable implements FlywayMigrationStrategy {

    static final String LEGACY = "flyway_schema_history";

    private static final Log log = LogFactory.getLog(OwnHistoryTable.class);

    @Override
    public void migrate(Flyway flyway) {
        Configuration configuration = flyway.getConfiguration();
        String table = configuration.getTable();
        if (!LEGACY.equalsIgnoreCase(table)) {
            try (Connection connection = configuration.getDataSource().getConnection()) {
                takeOverLegacy(connection, flyway, table);
            } catch (SQLException e) {
                throw new IllegalStateException("Could not check for the Flyway history table " + LEGACY + ": "
                        + e.getMessage(), e);
            }
        }
        flyway.migrate();
    }

    private static void takeOverLegacy(Connection connection, Flyway flyway, String table) throws SQLException {
        String legacy = existing(connection, LEGACY);
        if (legacy == null || existing(connection, table) != null) {
            return;
        }
        Set<String> ours = new HashSet<>();
        for (MigrationInfo migration : flyway.info().all()) {
            ours.add(migration.getScript());
        }
        Set<String> listed = new HashSet<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT \"script\" FROM \"" + legacy + "\" WHERE \"version\" IS NOT NULL")) {
            while (rows.next()) {
                listed.add(rows.getString(1));
            }
        }
        if (listed.isEmpty() || !ours.containsAll(listed)) {
            // another service's history: leave it alone, migrate into our own table beside it
            return;
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("ALTER TABLE \"" + legacy + "\" RENAME TO \"" + table + "\"");
        }
        log.info("Flyway history table " + legacy + " renamed to " + table + " (spring.flyway.table)");
    }

    /** The table's name as the database stores it (H2 and PostgreSQL fold differently), or null. */
    private static String existing(Connection connection, String name) throws SQLException {
        DatabaseMetaData metadata = connection.getMetaData();
        for (String candidate : new String[] {name, name.toLowerCase(), name.toUpperCase()}) {
            try (ResultSet tables = metadata.getTables(connection.getCatalog(), connection.getSchema(), candidate,
                    new String[] {"TABLE", "BASE TABLE"})) {
                if (tables.next()) {
                    return tables.getString("TABLE_NAME");
                }
            }
        }
        return null;
    }
}
