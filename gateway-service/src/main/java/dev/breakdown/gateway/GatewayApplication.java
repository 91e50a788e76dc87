package dev.breakdown.gateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Consumes issue events, asks the agent what to do, records and executes the actions, records the outcomes. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class GatewayApplication {

    public static void main(String[] args) {
        // Idle keep-alive connections HttpURLConnection keeps per host (JDK default 5): one per parallel call.
        if (System.getProperty("http.maxConnections") == null) {
            System.setProperty("http.maxConnections", "64");
        }
        SpringApplication.run(GatewayApplication.class, args);
    }
}
