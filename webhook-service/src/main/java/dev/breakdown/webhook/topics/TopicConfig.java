package dev.breakdown.webhook.topics;

import dev.breakdown.contracts.Topics;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/** Creates {@code issues} at start if it is missing; an unreachable broker is logged, not fatal (admin fail-fast off). */
@Configuration(proxyBeanMethods = false)
public class TopicConfig {

    @Bean
    NewTopic issuesTopic(TopicProperties topics) {
        return TopicBuilder.name(Topics.ISSUES).partitions(topics.partitions()).replicas(topics.replicas()).build();
    }
}
