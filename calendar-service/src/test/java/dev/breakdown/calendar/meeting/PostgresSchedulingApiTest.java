package dev.breakdown.calendar.meeting;

import dev.breakdown.calendar.PostgresDatabase;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link SchedulingApiTest} on a real PostgreSQL database. */
class PostgresSchedulingApiTest extends SchedulingApiTest {

    @RegisterExtension
    static final PostgresDatabase database = new PostgresDatabase("scheduling");

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        database.register(registry);
        directory(registry);
    }
}
