package dev.breakdown.broker;

import dev.breakdown.contracts.Topics;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;

/** Creates the architecture's topics where they are missing; existing topics are left as they are. */
final class TopicSetup {
    static final List<String> ALL = List.of(Topics.ISSUES, Topics.ACTIONS, Topics.OUTCOMES, Topics.CHATKIT_TELEMETRY,
            Topics.ISSUES_DLT);
    private final Properties connection;

    TopicSetup(Properties connection) {
        this.connection = connection;
    }

    int create(CliArgs options) throws Exception {
        int partitions = Integer.parseInt(options.optional("partitions")
                .orElseGet(() -> CliArgs.firstSet("KAFKA_TOPIC_PARTITIONS").orElse("3")));
        short replicas = Short.parseShort(options.optional("replicas")
                .orElseGet(() -> CliArgs.firstSet("KAFKA_TOPIC_REPLICAS").orElse("1")));
        Properties props = new Properties();
        props.putAll(connection);
        try (Admin admin = Admin.create(props)) {
            Set<String> existing = admin.listTopics().names().get(15, TimeUnit.SECONDS);
            List<NewTopic> missing = ALL.stream().filter(t -> !existing.contains(t))
                    .map(t -> new NewTopic(t, partitions, replicas)).toList();
            admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
            for (String topic : ALL) {
                System.out.printf("%-18s %s%n", topic, existing.contains(topic) ? "exists" : "created (" + partitions + " partitions)");
            }
        }
        return 0;
    }
}
