package dev.breakdown.e2e;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The service processes a test class starts from their jars: awaited together and stopped together. */
final class StartedServices implements AutoCloseable {

    private static final Duration HEALTHY_WITHIN = Duration.ofMinutes(3);

    private final List<ServiceProcess> started = new ArrayList<>();

    /** Starts the module's jar in {@code dir} and keeps it to await and stop. */
    ServiceProcess start(String name, Path dir, Map<String, String> env) throws Exception {
        return add(ServiceProcess.start(name, dir, env));
    }

    ServiceProcess add(ServiceProcess service) {
        started.add(service);
        return service;
    }

    void awaitHealthy() throws Exception {
        for (ServiceProcess service : started) {
            service.awaitHealthy(HEALTHY_WITHIN);
        }
    }

    @Override
    public void close() throws Exception {
        for (ServiceProcess service : started) {
            service.close();
        }
    }
}
