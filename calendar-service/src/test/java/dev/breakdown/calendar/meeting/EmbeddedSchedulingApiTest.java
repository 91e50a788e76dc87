package dev.breakdown.calendar.meeting;

import dev.breakdown.calendar.EmbeddedDatabase;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link SchedulingApiTest} on the shipped default: the embedded H2 file database. */
class EmbeddedSchedulingApiTest extends SchedulingApiTest {

    @RegisterExtension
    static final EmbeddedDatabase database = new EmbeddedDatabase();

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        database.register(registry);
        directory(registry);
    }
}
