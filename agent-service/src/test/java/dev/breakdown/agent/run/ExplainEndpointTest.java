package dev.breakdown.agent.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.breakdown.agent.FixedClockConfiguration;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/** Explain shows every rule, each condition's result and reason, and what would be done, recording nothing. */
@SpringBootTest
@AutoConfigureMockMvc
@Import(FixedClockConfiguration.class)
class ExplainEndpointTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    private static String sample(String name) throws Exception {
        return Files.readString(Path.of("..", "samples", "events", name));
    }

    @Test
    void explainShowsEveryRuleWithItsConditionsAndTheDecision() throws Exception {
        mvc.perform(post("/explain").contentType(MediaType.APPLICATION_JSON).content(sample("frontend-issue.json")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.event_id").value("4a2c7b3f-7c1d-11f0-9f3b-2b3c4d5e6f70"))
                .andExpect(jsonPath("$.dry_run").value(true))
                .andExpect(jsonPath("$.policy_file").value("classpath:policies/default.yml"))
                .andExpect(jsonPath("$.rules", hasSize(4)))
                .andExpect(jsonPath("$.rules[0].rule").value("p0-bug-escalation"))
                .andExpect(jsonPath("$.rules[0].matched").value(false))
                .andExpect(jsonPath("$.rules[0].conditions[0].condition").value("labels"))
                .andExpect(jsonPath("$.rules[0].conditions[0].matched").value(false))
                .andExpect(jsonPath("$.rules[0].conditions[0].reason").value("missing label bug (labels: frontend)"))
                .andExpect(jsonPath("$.rules[1].rule").value("frontend-specialist"))
                .andExpect(jsonPath("$.rules[1].matched").value(true))
                .andExpect(jsonPath("$.rules[1].applied").value(true))
                .andExpect(jsonPath("$.rules[1].conditions[0].reason").value("label frontend"))
                .andExpect(jsonPath("$.rules[1].decisions[0].target").value("owner:alice"))
                .andExpect(jsonPath("$.rules[3].rule").value("new-issue-triage"))
                .andExpect(jsonPath("$.rules[3].matched").value(true))
                .andExpect(jsonPath("$.rules[3].applied").value(false))
                .andExpect(jsonPath("$.rules[3].why").value(
                        "matched, but rule 'frontend-specialist' matched first and does not continue"))
                .andExpect(jsonPath("$.decisions", hasSize(1)))
                .andExpect(jsonPath("$.decisions[0].action").value("assign_owner"));

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM assignment", Integer.class)).isZero();
    }

    @Test
    void dryRunOnRunAnswersTheRunContractPlusTheRules() throws Exception {
        mvc.perform(post("/run?dry_run=true").contentType(MediaType.APPLICATION_JSON).content(sample("overdue-jira.json")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.event_id").value("b7e5c1d2-0a4f-4c3e-9d8b-6f1e2a3b4c5d"))
                .andExpect(jsonPath("$.decisions[0].action").value("schedule_unblocker"))
                .andExpect(jsonPath("$.rules[2].conditions[1].condition").value("any_of"))
                .andExpect(jsonPath("$.rules[2].conditions[1].reason")
                        .value("due 2025-10-10, before today 2025-10-20 (UTC)"));
    }

    @Test
    void realRunRecordsTheAssignmentExplainDoesNot() throws Exception {
        mvc.perform(post("/run").contentType(MediaType.APPLICATION_JSON).content(sample("frontend-issue.json")))
                .andExpect(status().isOk());
        mvc.perform(post("/run").contentType(MediaType.APPLICATION_JSON).content(sample("frontend-issue.json")))
                .andExpect(status().isOk());

        assertThat(jdbc.queryForList("SELECT assignee FROM assignment WHERE issue_key = 'github:acme/web#456'", String.class))
                .containsExactly("alice");
    }

    @Test
    void explainWithoutEventIdIsRejected() throws Exception {
        mvc.perform(post("/explain").contentType(MediaType.APPLICATION_JSON).content("{\"source\": \"github\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("missing_field"));
    }
}
