package dev.breakdown.broker;

import dev.breakdown.contracts.Topics;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

/**
 * What an operator checks first: the brokers, each topic's partitions and end offsets, the gateway group's lag per
 * partition and how many dead letters wait in issues-dlt. Read only; joins no group.
 */
final class ClusterStatus {
    static final String GATEWAY_GROUP = "agent-gw";
    private static final long TIMEOUT_SECONDS = 15;

    private final Properties connection;

    ClusterStatus(Properties connection) {
        this.connection = connection;
    }

    int print(CliArgs options) throws Exception {
        String group = options.optional("group").orElse(GATEWAY_GROUP);
        try (Admin admin = Admin.create(connection)) {
            int brokers = admin.describeCluster().nodes().get(TIMEOUT_SECONDS, TimeUnit.SECONDS).size();
            System.out.printf("Kafka %s: %d broker(s)%n%n", connection.getProperty("bootstrap.servers"), brokers);

            Set<String> names = new TreeSet<>(admin.listTopics().names().get(TIMEOUT_SECONDS, TimeUnit.SECONDS));
            Map<String, TopicDescription> topics = admin.describeTopics(names).allTopicNames()
                    .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            List<TopicPartition> partitions = topics.values().stream().flatMap(t -> t.partitions().stream()
                    .map(p -> new TopicPartition(t.name(), p.partition())))
                    .sorted(Comparator.comparing(TopicPartition::topic).thenComparing(TopicPartition::partition)).toList();
            Map<TopicPartition, Long> start = offsets(admin, partitions, OffsetSpec.earliest());
            // committed end: what a read_committed consumer (the gateway, chat-web) can reach
            Map<TopicPartition, Long> end = offsets(admin, partitions, OffsetSpec.latest());

            System.out.printf("%-20s %10s %12s  %s%n", "topic", "partitions", "end offsets", "per partition");
            for (String topic : names) {
                List<TopicPartition> own = partitions.stream().filter(tp -> tp.topic().equals(topic)).toList();
                System.out.printf("%-20s %10d %12d  %s%n", topic, own.size(), sum(own, end), own.stream()
                        .map(tp -> tp.partition() + ":" + end.get(tp)).collect(Collectors.joining(" ")));
            }
            for (String required : TopicSetup.ALL) {
                if (!names.contains(required)) {
                    System.out.println("missing topic " + required + " (scripts/setup-topics.sh creates it)");
                }
            }

            System.out.println();
            printGroup(admin, group, partitions, end);

            List<TopicPartition> dlt = partitions.stream().filter(tp -> tp.topic().equals(Topics.ISSUES_DLT)).toList();
            if (!dlt.isEmpty()) {
                long waiting = sum(dlt, end) - sum(dlt, start);
                System.out.printf("%nDead letters in %s: %d record(s)%s%n", Topics.ISSUES_DLT, waiting,
                        waiting > 0 ? " (scripts/replay-dlt.sh sends them to the gateway again)" : "");
            }
        }
        return 0;
    }

    private static void printGroup(Admin admin, String group, List<TopicPartition> partitions,
            Map<TopicPartition, Long> end) throws Exception {
        ConsumerGroupDescription description = admin.describeConsumerGroups(List.of(group)).all()
                .get(TIMEOUT_SECONDS, TimeUnit.SECONDS).get(group);
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        System.out.printf("Consumer group %s: %s, %d member(s)%n", group, description.groupState(),
                description.members().size());
        if (committed.isEmpty()) {
            System.out.println("  no committed offsets yet");
            return;
        }
        long total = 0;
        System.out.printf("  %-20s %10s %10s %8s%n", "partition", "committed", "end", "lag");
        for (TopicPartition tp : partitions) {
            OffsetAndMetadata offset = committed.get(tp);
            if (offset == null) {
                continue;
            }
            long lag = Math.max(0, end.getOrDefault(tp, 0L) - offset.offset());
            total += lag;
            System.out.printf("  %-20s %10d %10d %8d%n", tp, offset.offset(), end.getOrDefault(tp, 0L), lag);
        }
        System.out.printf("  total lag %d%n", total);
    }

    private static Map<TopicPartition, Long> offsets(Admin admin, Collection<TopicPartition> partitions,
            OffsetSpec spec) throws Exception {
        Map<TopicPartition, OffsetSpec> request = partitions.stream()
                .collect(Collectors.toMap(tp -> tp, tp -> spec));
        return admin.listOffsets(request, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all()
                .get(TIMEOUT_SECONDS, TimeUnit.SECONDS).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }

    private static long sum(List<TopicPartition> partitions, Map<TopicPartition, Long> offsets) {
        return partitions.stream().mapToLong(tp -> offsets.getOrDefault(tp, 0L)).sum();
    }
}
