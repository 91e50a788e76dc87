package dev.breakdown.agent.team;

import static org.assertj.core.api.Assertions.assertThat;

import dev.breakdown.agent.AgentApplication;
import dev.breakdown.agent.PostgresDatabase;
import dev.breakdown.agent.policy.PolicyEngine;
import dev.breakdown.contracts.IssueEvent;
import dev.breakdown.contracts.agent.Decision;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Least-loaded keeps its counts in PostgreSQL: they survive a restart of the service, and replays count once. */
class LeastLoadedPostgresTest {

    @RegisterExtension
    static final PostgresDatabase database = new PostgresDatabase("agent_load");

    @TempDir
    Path dir;

    private ConfigurableApplicationContext start(Path policies) {
        return new SpringApplicationBuilder(AgentApplication.class).run(
                "--spring.main.web-application-type=none",
                "--spring.datasource.url=" + database.url(),
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=",
                "--breakdown.agent.policy-file=" + policies);
    }

    private static IssueEvent event(String eventId, int number, String type) {
        return IssueEvent.builder().eventId(eventId).source("github").type(type).repo("acme/api")
                .issueNumber(number).state(type.equals("issue_closed") ? "closed" : "open")
                .updatedAt(Instant.parse("2025-10-20T12:00:00Z")).build();
    }

    private static String owner(ConfigurableApplicationContext service, IssueEvent event) {
        List<Decision> decisions = service.getBean(PolicyEngine.class).decide(event);
        assertThat(decisions).hasSize(1);
        return decisions.get(0).target().substring("owner:".length());
    }

    @Test
    void loadSurvivesARestartAndReplaysCountOnce() throws IOException, SQLException {
        Path policies = dir.resolve("policies.yml");
        Files.writeString(policies, """
                teams:
                  api: {members: [ann, ben]}
                rules:
                  - name: assign
                    when: {state: open}
                    then: {assign_owner: {strategy: least_loaded, team: api}}
                """);

        String first;
        try (ConfigurableApplicationContext service = start(policies)) {
            first = owner(service, event("e-1", 1, "issue_opened"));
        }
        String other = first.equals("ann") ? "ben" : "ann";
        try (ConfigurableApplicationContext restarted = start(policies)) {
            assertThat(owner(restarted, event("e-1", 1, "issue_opened"))).as("the replay").isEqualTo(first);
            assertThat(owner(restarted, event("e-2", 2, "issue_opened"))).as("the less loaded one").isEqualTo(other);
            restarted.getBean(PolicyEngine.class).decide(event("e-close", 1, "issue_closed"));
            assertThat(owner(restarted, event("e-3", 3, "issue_opened"))).as("the closed issue no longer counts")
                    .isEqualTo(first);
        }
        assertThat(rows("SELECT event_id || ' ' || assignee || ' ' || (released_at IS NULL) FROM assignment ORDER BY event_id"))
                .containsExactly("e-1 " + first + " false", "e-2 " + other + " true", "e-3 " + first + " true");
    }

    private static List<String> rows(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(database.url(), "postgres", "");
             ResultSet rs = c.createStatement().executeQuery(sql)) {
            List<String> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
            return rows;
        }
    }
}
