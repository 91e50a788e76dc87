package dev.breakdown.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

class DefaultConfigurationTest {

    @Test
    void defaultDatabaseIsAnH2FileUnderDataCalendarOfTheWorkingDirectory() throws IOException {
        List<PropertySource<?>> yaml = new YamlPropertySourceLoader().load("app", new ClassPathResource("application.yml"));

        assertThat(yaml.get(0).getProperty("spring.datasource.url"))
                .hasToString("${CALENDAR_DATASOURCE_URL:jdbc:h2:file:./data/calendar/calendar}");
        assertThat(yaml.get(0).getProperty("server.port")).hasToString("7300");
    }
}
