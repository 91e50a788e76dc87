package dev.breakdown.agent.policy;

import dev.breakdown.agent.AgentProperties;
import dev.breakdown.agent.nudge.NudgeThrottle;
import dev.breakdown.agent.policy.action.ActionKinds;
import dev.breakdown.agent.policy.condition.ConditionKinds;
import dev.breakdown.agent.team.AssignmentLedger;
import dev.breakdown.contracts.IssueEvent;
import dev.breakdown.contracts.agent.Decision;
import dev.breakdown.platform.directory.TeamDirectory;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A policy engine over a policy text, without a web server: the real reader and registries, and a fresh
 * in-memory H2 database with the real migrations.
 */
final class PolicyHarness {

    private static final ConfigurableApplicationContext REGISTRIES = PolicyFileCheck.registries();
    static final PolicyReader READER = REGISTRIES.getBean(PolicyReader.class);

    final JdbcTemplate jdbc;
    final PolicyEngine engine;
    final PolicyStore store;

    private PolicyHarness(String yaml, Clock clock, PolicyReader reader) {
        String url = "jdbc:h2:mem:harness-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        Flyway.configure().dataSource(url, "sa", "").load().migrate();
        jdbc = new JdbcTemplate(new DriverManagerDataSource(url, "sa", ""));
        try {
            Path file = Files.createTempFile("policies", ".yml");
            Files.writeString(file, yaml);
            file.toFile().deleteOnExit();
            store = new PolicyStore(new AgentProperties(file.toString(), ZoneOffset.UTC, Duration.ZERO), reader,
                    new SimpleMeterRegistry(), clock);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        engine = new PolicyEngine(store, clock, new AssignmentLedger(jdbc), new NudgeThrottle(jdbc));
    }

    static PolicyHarness of(String yaml) {
        return new PolicyHarness(yaml, Events.TODAY, READER);
    }

    static PolicyHarness of(String yaml, Clock clock) {
        return new PolicyHarness(yaml, clock, READER);
    }

    /** Policies read against {@code directory} instead of the shipped team directory. */
    static PolicyHarness of(String yaml, TeamDirectory directory) {
        return new PolicyHarness(yaml, Events.TODAY, reader(directory));
    }

    static PolicyReader reader(TeamDirectory directory) {
        return new PolicyReader(REGISTRIES.getBean(ConditionKinds.class), REGISTRIES.getBean(ActionKinds.class), directory);
    }

    /** The default policy file shipped in the jar. */
    static PolicyHarness defaults(Clock clock) {
        return new PolicyHarness(PolicyFiles.read("classpath:policies/default.yml"), clock, READER);
    }

    List<Decision> run(IssueEvent event) {
        return engine.decide(event);
    }

    Decision only(IssueEvent event) {
        List<Decision> decisions = engine.decide(event);
        if (decisions.size() != 1) {
            throw new AssertionError("expected exactly one decision, got " + decisions);
        }
        return decisions.get(0);
    }

    Explanation explain(IssueEvent event) {
        return engine.explain(event);
    }

    int rows(String table) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Integer.class);
    }
}
