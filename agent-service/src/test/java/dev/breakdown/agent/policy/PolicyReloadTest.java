package dev.breakdown.agent.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import dev.breakdown.agent.FixedClockConfiguration;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/** The running service picks up an edited policy file; a broken edit is refused, counted, and changes nothing. */
@SpringBootTest
@AutoConfigureMockMvc
@Import(FixedClockConfiguration.class)
class PolicyReloadTest {

    private static final Path FILE = tempFile();
    private static final String FRONTEND = """
            {"event_id": "%s", "source": "github", "type": "issue_opened", "repo": "acme/web", "issue_number": 5,
             "labels": ["frontend"], "state": "open"}""";

    @DynamicPropertySource
    static void policyFile(DynamicPropertyRegistry registry) {
        registry.add("breakdown.agent.policy-file", FILE::toString);
        registry.add("breakdown.agent.policy-reload-interval", () -> "100ms");
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    MeterRegistry meters;

    private static Path tempFile() {
        try {
            Path file = Files.createTempFile("reload-policies", ".yml");
            Files.writeString(file, PolicyFiles.read("classpath:policies/default.yml"));
            file.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Replaces the file in one step, as editors and config deployments do: an in-place write could be read half
     * done by the 100 ms poll, which then rejects that half (and picks up the whole file at the next poll).
     */
    private static void replaceFile(String content) throws IOException {
        Path next = Files.writeString(FILE.resolveSibling(FILE.getFileName() + ".next"), content);
        Files.move(next, FILE, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private String frontendOwner(String eventId) throws Exception {
        String body = mvc.perform(post("/run").contentType(MediaType.APPLICATION_JSON).content(FRONTEND.formatted(eventId)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        return JsonPath.read(body, "$.decisions[0].target");
    }

    private double reloads(String result) {
        var counter = meters.find("breakdown.agent.policy.reload").tag("result", result).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void goodEditChangesTheNextDecisionAndBrokenEditChangesNothing() throws Exception {
        assertThat(frontendOwner("e-1")).isEqualTo("owner:alice");

        String good = Files.readString(FILE).replace("owner: alice", "owner: dana");
        replaceFile(good);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(frontendOwner("e-2")).isEqualTo("owner:dana"));
        assertThat(reloads("ok")).isEqualTo(1);

        replaceFile(good.replace("escalate_owner: {team: platform}", "escalate_owner: {team: platfrom}"));
        await().atMost(Duration.ofSeconds(10)).until(() -> reloads("rejected") == 1);

        assertThat(frontendOwner("e-3")).isEqualTo("owner:dana");
        mvc.perform(get("/policies"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rules[1]").value("frontend-specialist"))
                .andExpect(jsonPath("$.last_rejected.problems[0].file").value(FILE.toString()))
                .andExpect(jsonPath("$.last_rejected.problems[0].line").value(15))
                .andExpect(jsonPath("$.last_rejected.problems[0].message").value(
                        "unknown team 'platfrom' in rule 'p0-bug-escalation'.then.escalate_owner.team; "
                                + "known teams: platform, frontend, triage (teams are declared in the team directory, BREAKDOWN_TEAMS_FILE)"));
        assertThat(reloads("ok")).isEqualTo(1);
    }
}
