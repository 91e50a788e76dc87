package dev.breakdown.platform.kafka;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Turns KAFKA_SASL_*, KAFKA_CA_CERT and their aliases into spring.kafka settings for every service, so each
 * application.yml only names the bootstrap servers. Lowest precedence: explicit spring.kafka.* settings win.
 */
public class KafkaConnectionEnvironmentPostProcessor implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> properties = new LinkedHashMap<>();
        KafkaConnection.securityProperties(environment::getProperty).forEach((key, value) -> {
            if (key.equals("security.protocol")) {
                properties.put("spring.kafka.security.protocol", value);
            } else {
                properties.put("spring.kafka.properties." + key, value);
            }
        });
        if (!properties.isEmpty()) {
            environment.getPropertySources().addLast(new MapPropertySource("breakdownKafkaConnection", properties));
        }
    }
}
