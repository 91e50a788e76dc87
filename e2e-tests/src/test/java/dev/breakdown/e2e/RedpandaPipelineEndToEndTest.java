package dev.breakdown.e2e;

import org.junit.jupiter.api.condition.EnabledIf;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.redpanda.RedpandaContainer;

/**
 * {@link PipelineEndToEndTest}'s flow and assertions against a real Redpanda broker in a container (the image the
 * compose file runs), where Docker runs; reported as skipped, with the reason, where it does not.
 */
@EnabledIf(value = "dockerAvailable", disabledReason = "no Docker engine answers here (DOCKER_HOST or"
        + " /var/run/docker.sock): the Redpanda variant is skipped; PipelineEndToEndTest ran the same flow on the"
        + " embedded broker. Where Docker runs: ./mvnw -pl e2e-tests -am verify -Dtest='*PipelineEndToEndTest'"
        + " -Dsurefire.failIfNoSpecifiedTests=false")
class RedpandaPipelineEndToEndTest extends PipelineEndToEndTest {

    static final String IMAGE = "redpandadata/redpanda:v25.2.10";

    static boolean dockerAvailable() {
        return DockerClientFactory.instance().isDockerAvailable();
    }

    @Override
    String startBroker() {
        RedpandaContainer redpanda = new RedpandaContainer(IMAGE);
        redpanda.start();
        stopBrokerWith(redpanda::stop);
        return redpanda.getBootstrapServers();
    }
}
