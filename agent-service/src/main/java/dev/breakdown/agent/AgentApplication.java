package dev.breakdown.agent;

import dev.breakdown.agent.policy.PolicyFileCheck;
import java.util.Arrays;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The policy brain: {@code POST /run} takes an IssueEvent and answers with decisions. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class AgentApplication {

    public static void main(String[] args) {
        // Validating a policy file for CI must not start the web server or touch the database.
        if (args.length > 0 && args[0].equals(PolicyFileCheck.FLAG)) {
            System.exit(PolicyFileCheck.run(Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
        }
        SpringApplication.run(AgentApplication.class, args);
    }
}
