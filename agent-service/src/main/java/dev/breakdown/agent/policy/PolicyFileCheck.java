package dev.breakdown.agent.policy;

import dev.breakdown.agent.policy.yaml.PolicyFileException;
import dev.breakdown.platform.directory.DirectoryException;
import dev.breakdown.platform.directory.TeamDirectoryAutoConfiguration;
import java.io.PrintStream;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Optional;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * {@code java -jar agent-service.jar --validate-policies FILE...}: checks policy files for a CI job and exits
 * 0 when all are valid, 1 when one is not (its problems printed), 2 on wrong usage. Starts no web server and
 * no database: only the registries of conditions, actions and strategies.
 */
public final class PolicyFileCheck {

    public static final String FLAG = "--validate-policies";

    private PolicyFileCheck() {
    }

    public static int run(String[] files, PrintStream out, PrintStream err) {
        if (files.length == 0) {
            err.println("Usage: java -jar agent-service.jar " + FLAG + " FILE [FILE...]");
            return 2;
        }
        ZoneId zone;
        try {
            String configured = System.getenv("AGENT_ZONE");
            zone = configured == null || configured.isBlank() ? ZoneId.of("UTC") : ZoneId.of(configured);
        } catch (DateTimeException e) {
            err.println("AGENT_ZONE is not a time zone: " + e.getMessage());
            return 2;
        }
        ConfigurableApplicationContext started;
        try {
            started = registries();
        } catch (RuntimeException e) {
            Optional<DirectoryException> directory = directoryProblem(e);
            if (directory.isEmpty()) {
                throw e;
            }
            err.println(directory.get().getMessage());
            err.println("INVALID team directory: " + directory.get().problems().size() + " problem(s)");
            return 1;
        }
        try (ConfigurableApplicationContext registries = started) {
            PolicyReader reader = registries.getBean(PolicyReader.class);
            int failed = 0;
            for (String file : files) {
                try {
                    PolicySet policies = reader.read(file, PolicyFiles.read(file), zone);
                    out.println("OK " + file + ": " + policies.rules().size() + " rules " + policies.ruleNames()
                            + ", " + policies.teams().teams().size() + " teams");
                } catch (PolicyFileException broken) {
                    failed++;
                    broken.problems().forEach(err::println);
                    err.println("INVALID " + file + ": " + broken.problems().size() + " problem(s)");
                }
            }
            return failed == 0 ? 0 : 1;
        }
    }

    private static Optional<DirectoryException> directoryProblem(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof DirectoryException directory) {
                return Optional.of(directory);
            }
        }
        return Optional.empty();
    }

    /** A small context holding the policy reader, its registries and the team directory. */
    static ConfigurableApplicationContext registries() {
        return new SpringApplicationBuilder(Registries.class)
                .web(WebApplicationType.NONE).bannerMode(Banner.Mode.OFF).logStartupInfo(false)
                .properties("logging.level.root=WARN", "spring.main.register-shutdown-hook=false",
                        // a failed start is reported by run() (or thrown), not logged three times
                        "logging.level.org.springframework.boot.SpringApplication=OFF",
                        "logging.level.org.springframework.boot.diagnostics=OFF",
                        "logging.level.org.springframework.context=ERROR")
                .run();
    }

    /** Just what reading a policy file needs: the kinds found by name and the team directory; no web, database or actuator. */
    @Configuration(proxyBeanMethods = false)
    @ComponentScan({"dev.breakdown.agent.policy.condition", "dev.breakdown.agent.policy.action",
            "dev.breakdown.agent.team.strategy"})
    @Import({PolicyReader.class, TeamDirectoryAutoConfiguration.class})
    static class Registries {
    }
}
