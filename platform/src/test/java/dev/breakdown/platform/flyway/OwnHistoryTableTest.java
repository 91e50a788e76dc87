package dev.breakdown.platform.flyway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** Own history tables on a real (embedded H2) database, including one a service migrated before under the default. */
class OwnHistoryTableTest {

    private final DriverManagerDataSource database = new DriverManagerDataSource(
            "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
    private final JdbcClient jdbc = JdbcClient.create(database);

    private Flyway flyway(String location, String table, String target) {
        return Flyway.configure().dataSource(database).locations(location).table(table).target(target)
                .baselineOnMigrate(true).baselineVersion("0").load();
    }

    private java.util.List<String> history(String table) {
        return jdbc.sql("SELECT \"version\" || ' ' || \"type\" || ' ' || \"success\" FROM \"" + table
                        + "\" WHERE \"version\" IS NOT NULL ORDER BY \"installed_rank\"")
                .query(String.class).list();
    }

    @Test
    void theServicesOwnDefaultTableIsRenamedAndMigrationContinuesThere() {
        flyway("classpath:db/legacy", OwnHistoryTable.LEGACY, "1").migrate();

        new OwnHistoryTable().migrate(flyway("classpath:db/legacy", "flyway_history_notes", "latest"));

        assertThat(history("flyway_history_notes")).containsExactly("1 SQL TRUE", "2 SQL TRUE");
        assertThat(jdbc.sql("SELECT text FROM notes ORDER BY id").query(String.class).list())
                .containsExactly("kept", "added after the rename");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM information_schema.tables WHERE table_name = 'flyway_schema_history'")
                .query(Integer.class).single()).isZero();
    }

    @Test
    void anotherServicesHistoryIsLeftAloneAndOursStartsBesideIt() {
        flyway("classpath:db/other", OwnHistoryTable.LEGACY, "latest").migrate();

        new OwnHistoryTable().migrate(flyway("classpath:db/legacy", "flyway_history_notes", "latest"));

        assertThat(history(OwnHistoryTable.LEGACY)).containsExactly("1 SQL TRUE");
        assertThat(history("flyway_history_notes")).containsExactly("0 BASELINE TRUE", "1 SQL TRUE", "2 SQL TRUE");
    }
}
