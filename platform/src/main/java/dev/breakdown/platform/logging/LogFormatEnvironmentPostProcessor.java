package dev.breakdown.platform.logging;

import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Turns {@code breakdown.log-format} (services map it to {@code LOG_FORMAT}) into Spring Boot's structured console
 * logging: {@code json} writes one ECS JSON object per line. Runs before the logging system starts, after
 * application.yml is read; an explicit {@code logging.structured.format.console} still wins.
 */
public class LogFormatEnvironmentPostProcessor implements EnvironmentPostProcessor {

    public static final String PROPERTY = "breakdown.log-format";
    public static final String VARIABLE = "LOG_FORMAT";
    static final String SOURCE = "breakdownLogFormat";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        // the variable itself is the fallback, so a service that does not map the property still honours it
        String value = environment.getProperty(PROPERTY, environment.getProperty(VARIABLE, ""));
        if (value.isBlank()) {
            return;
        }
        LogFormat.of(value).structured().ifPresent(format -> {
            Map<String, Object> settings = new HashMap<>();
            settings.put("logging.structured.format.console", format);
            // a text banner would be the one line a JSON log reader cannot parse
            settings.put("spring.main.banner-mode", "off");
            environment.getPropertySources().addLast(new MapPropertySource(SOURCE, settings));
        });
    }
}
