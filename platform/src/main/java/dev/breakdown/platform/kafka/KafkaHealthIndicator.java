package dev.breakdown.platform.kafka;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Health "kafka": UP with the cluster id and the number of brokers when the cluster describes itself within the
 * timeout, DOWN with the client's error otherwise (e.g. failed SASL authentication). Boot has no Kafka health
 * indicator; services put this one in their readiness group only, so a broker outage stops traffic to them but
 * never makes a liveness probe restart them.
 */
public class KafkaHealthIndicator extends AbstractHealthIndicator implements DisposableBean {

    private final KafkaAdmin kafkaAdmin;
    private final Duration timeout;
    private volatile Admin client;

    public KafkaHealthIndicator(KafkaAdmin kafkaAdmin, Duration timeout) {
        super("Kafka health check failed");
        this.kafkaAdmin = kafkaAdmin;
        this.timeout = timeout;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws Exception {
        DescribeClusterResult cluster = client().describeCluster(
                new DescribeClusterOptions().timeoutMs((int) timeout.toMillis()));
        String clusterId = cluster.clusterId().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        int nodes = cluster.nodes().get(timeout.toMillis(), TimeUnit.MILLISECONDS).size();
        builder.up().withDetail("clusterId", clusterId).withDetail("nodes", nodes);
    }

    // One client for all checks, with the service's own connection settings (SASL, TLS); it reconnects by itself.
    private Admin client() {
        Admin current = client;
        if (current == null) {
            synchronized (this) {
                if (client == null) {
                    client = Admin.create(kafkaAdmin.getConfigurationProperties());
                }
                current = client;
            }
        }
        return current;
    }

    @Override
    public void destroy() {
        Admin current = client;
        if (current != null) {
            current.close(Duration.ofSeconds(1));
        }
    }
}
