package dev.breakdown.platform.flyway;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;

/** {@link OwnHistoryTable} for every service that migrates with Flyway. */
@AutoConfiguration
@ConditionalOnClass(FlywayMigrationStrategy.class)
public class OwnHistoryTableAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    FlywayMigrationStrategy ownHistoryTable() {
        return new OwnHistoryTable();
    }
}
