package dev.breakdown.e2e;

import java.util.HashMap;
import java.util.Map;

/** The environment of a gateway process in these tests: quick to notice a dead member and a dead transaction. */
final class GatewayEnv {

    private GatewayEnv() {
    }

    static Map<String, String> of(String brokers, ServiceProcess agent, ServiceProcess calendar, String instanceId) {
        Map<String, String> env = new HashMap<>();
        env.put("KAFKA_BOOTSTRAP_SERVERS", brokers);
        env.put("AGENTKIT_URL", agent.url("/run"));
        env.put("CALENDAR_API_BASE", calendar.url("/api"));
        env.put("GATEWAY_INSTANCE_ID", instanceId);
        // A killed instance's open transaction is aborted after this; its partitions wait for it.
        env.put("GATEWAY_TRANSACTION_TIMEOUT", "10s");
        env.put("GATEWAY_RETRY_INITIAL_INTERVAL", "200ms");
        // The group drops a killed member after the session timeout (default 45 s); 6 s is the broker's minimum.
        env.put("SPRING_APPLICATION_JSON", "{\"spring.kafka.consumer.properties.session.timeout.ms\": \"6000\","
                + " \"spring.kafka.consumer.heartbeat-interval\": \"1s\"}");
        return env;
    }
}
