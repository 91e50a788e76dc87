package dev.breakdown.agent.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.breakdown.agent.FixedClockConfiguration;
import dev.breakdown.agent.policy.PolicyEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

@SpringBootTest
@AutoConfigureMockMvc
@Import(FixedClockConfiguration.class)
class RunEndpointTest {

    private static final Path SAMPLES = Path.of("..", "samples", "events");

    @Autowired
    MockMvc mvc;

    @Autowired
    PolicyEngine engine;

    private ResultActions run(String json) throws Exception {
        return mvc.perform(post("/run").contentType(MediaType.APPLICATION_JSON).content(json));
    }

    private ResultActions runSample(String file) throws Exception {
        return run(Files.readString(SAMPLES.resolve(file)));
    }

    @Test
    void p0BugSampleIsEscalatedToPlatform() throws Exception {
        runSample("p0-bug.json")
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.event_id").value("3f1b6a2e-7c1d-11f0-8e2a-1a2b3c4d5e6f"))
                .andExpect(jsonPath("$.decisions", hasSize(1)))
                .andExpect(jsonPath("$.decisions[0].action").value("escalate_owner"))
                .andExpect(jsonPath("$.decisions[0].target").value("team:platform"))
                .andExpect(jsonPath("$.decisions[0].policy").value("p0-bug-escalation"))
                .andExpect(jsonPath("$.decisions[0].rationale").value(containsString("P0 bug")));
    }

    @Test
    void frontendSampleIsAssignedToAlice() throws Exception {
        runSample("frontend-issue.json")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.decisions", hasSize(1)))
                .andExpect(jsonPath("$.decisions[0].action").value("assign_owner"))
                .andExpect(jsonPath("$.decisions[0].target").value("owner:alice"))
                .andExpect(jsonPath("$.decisions[0].policy").value("frontend-specialist"));
    }

    @Test
    void overdueJiraSampleSchedulesAnUnblockerWithBob() throws Exception {
        runSample("overdue-jira.json")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.event_id").value("b7e5c1d2-0a4f-4c3e-9d8b-6f1e2a3b4c5d"))
                .andExpect(jsonPath("$.decisions", hasSize(1)))
                .andExpect(jsonPath("$.decisions[0].action").value("schedule_unblocker"))
                .andExpect(jsonPath("$.decisions[0].target").value("owner:Bob Builder"))
                .andExpect(jsonPath("$.decisions[0].participants[0]").value("Bob Builder"))
                .andExpect(jsonPath("$.decisions[0].duration_min").value(15))
                .andExpect(jsonPath("$.decisions[0].policy").value("overdue-unblocker"));
    }

    @Test
    void docsSampleIsNudgedToTriage() throws Exception {
        runSample("docs-issue.json")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.decisions", hasSize(1)))
                .andExpect(jsonPath("$.decisions[0].action").value("post_nudge"))
                .andExpect(jsonPath("$.decisions[0].target").value("team:triage"))
                .andExpect(jsonPath("$.decisions[0].message").value(
                        "New issue needs triage: Document the new API rate limits https://github.com/acme/docs/issues/77"));
    }

    @Test
    void firstMatchingPolicyWins() throws Exception {
        run("""
                {"event_id": "e-1", "source": "github", "type": "issue_opened", "repo": "acme/web", "issue_number": 1,
                 "labels": ["frontend", "bug", "p0", "overdue"], "state": "open"}
                """)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.decisions", hasSize(1)))
                .andExpect(jsonPath("$.decisions[0].policy").value("p0-bug-escalation"));
    }

    @Test
    void policiesRunInTheDocumentedOrder() {
        assertThat(engine.policyNames())
                .containsExactly("p0-bug-escalation", "frontend-specialist", "overdue-unblocker", "new-issue-triage");
    }

    @Test
    void updateThatNoPolicyCaresAboutYieldsNoDecisions() throws Exception {
        run("""
                {"event_id": "e-2", "source": "jira", "type": "issue_updated", "issue_key": "PROJ-1",
                 "labels": ["backend"], "due_at": "2025-10-20", "state": "open", "future_field": 1}
                """)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.event_id").value("e-2"))
                .andExpect(jsonPath("$.decisions", hasSize(0)));
    }

    @Test
    void missingEventIdIsRejectedNamingTheField() throws Exception {
        run("{\"source\": \"github\", \"type\": \"issue_opened\"}")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.error").value("missing_field"))
                .andExpect(jsonPath("$.detail").value(containsString("event_id")))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.instance").value("/run"));
    }

    @Test
    void missingSourceIsRejectedNamingTheField() throws Exception {
        run("{\"event_id\": \"e-3\", \"source\": \" \"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(containsString("source")));
    }

    @Test
    void malformedJsonIsRejected() throws Exception {
        run("{\"event_id\": \"e-4\", ")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("malformed_json"))
                .andExpect(jsonPath("$.detail").value(containsString("not valid JSON")));
    }

    @Test
    void emptyBodyIsRejected() throws Exception {
        run("").andExpect(status().isBadRequest()).andExpect(jsonPath("$.error").value("malformed_json"));
    }

    @Test
    void fieldOfTheWrongTypeIsRejectedNamingTheField() throws Exception {
        run("{\"event_id\": \"e-5\", \"source\": \"github\", \"issue_number\": \"seven\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("invalid_field"))
                .andExpect(jsonPath("$.detail").value(containsString("issue_number")));
        run("{\"event_id\": \"e-5\", \"source\": \"github\", \"created_at\": \"yesterday\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(containsString("created_at")));
    }

    @Test
    void bodyThatIsNotAnObjectIsRejected() throws Exception {
        run("[1, 2]").andExpect(status().isBadRequest()).andExpect(jsonPath("$.error").value("invalid_body"));
        run("null").andExpect(status().isBadRequest()).andExpect(jsonPath("$.error").exists());
    }

    @Test
    void nonJsonContentTypeIsUnsupported() throws Exception {
        mvc.perform(post("/run").contentType(MediaType.TEXT_PLAIN).content("event_id=1"))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.error").value("unsupported_media_type"))
                .andExpect(jsonPath("$.detail").value(containsString("application/json")));
    }

    @Test
    void getOnRunIsNotAllowed() throws Exception {
        mvc.perform(get("/run"))
                .andExpect(status().isMethodNotAllowed())
                .andExpect(jsonPath("$.error").value("method_not_allowed"));
    }
}
