package dev.breakdown.e2e;

import java.util.Map;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.server.common.MetadataVersion;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * Embedded KRaft clusters fit for the gateway's Kafka transactions: the transaction state log (default replication
 * 3) and the offsets topic must fit the number of brokers, or InitProducerId never completes.
 */
final class TestBrokers {

    private TestBrokers() {
    }

    /** One broker, topics created by the services with {@code partitions} partitions. */
    static EmbeddedKafkaKraftBroker single(int partitions) {
        return start(1, partitions, Map.of(
                "transaction.state.log.replication.factor", "1",
                "transaction.state.log.min.isr", "1",
                "offsets.topic.replication.factor", "1"));
    }

    /**
     * Three brokers and one separate controller: internal topics replicated three times, writes acknowledged by
     * at least two replicas. Built on Kafka's test kit directly, because EmbeddedKafkaKraftBroker(3, ...) runs three
     * combined controllers whose quorum breaks down seconds after start with this Kafka version (raft IO threads die
     * on an UpdateVoter response, then topic creation times out).
     */
    static KafkaClusterTestKit cluster() throws Exception {
        TestKitNodes nodes = new TestKitNodes.Builder()
                .setCombined(false)
                .setNumBrokerNodes(3)
                .setNumControllerNodes(1)
                .setBootstrapMetadataVersion(MetadataVersion.latestProduction())
                .build();
        KafkaClusterTestKit cluster = new KafkaClusterTestKit.Builder(nodes)
                .setConfigProp("transaction.state.log.replication.factor", "3")
                .setConfigProp("transaction.state.log.min.isr", "2")
                .setConfigProp("offsets.topic.replication.factor", "3")
                .setConfigProp("min.insync.replicas", "2")
                .setConfigProp("group.initial.rebalance.delay.ms", "0")
                .build();
        cluster.format();
        cluster.startup();
        cluster.waitForReadyBrokers();
        return cluster;
    }

    private static EmbeddedKafkaKraftBroker start(int count, int partitions, Map<String, String> properties) {
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(count, partitions);
        broker.brokerProperties(properties);
        broker.afterPropertiesSet();
        return broker;
    }
}
