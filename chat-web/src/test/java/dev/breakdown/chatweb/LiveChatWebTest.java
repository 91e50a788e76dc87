package dev.breakdown.chatweb;

import dev.breakdown.contracts.Topics;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The running app on a random port with a real embedded Kafka broker, its model pointed at a local Chat Completions
 * stand-in and its agent and calendar services at HTTP stand-ins. Test classes extending this share one context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "breakdown.chat-web.assistant.api-key=sk-test-key",
        "breakdown.chat-web.assistant.model=stand-in-model",
        "breakdown.chat-web.assistant.timeout=8s",
        "spring.ai.openai.api-key=sk-test-key",
        "spring.ai.openai.chat.model=stand-in-model",
        "spring.ai.openai.max-retries=0",
        "spring.ai.openai.timeout=20s",
        "logging.level.kafka=WARN", "logging.level.org.apache.kafka=WARN", "logging.level.state.change.logger=WARN"})
@EmbeddedKafka(partitions = 1, topics = {Topics.ISSUES, Topics.ACTIONS, Topics.OUTCOMES, Topics.CHATKIT_TELEMETRY})
public abstract class LiveChatWebTest {
    protected static final StandInChatModel MODEL = start(StandInChatModel::new);
    protected static final StandInService AGENT = start(StandInService::new);
    protected static final StandInService CALENDAR = start(StandInService::new);

    @LocalServerPort
    protected int port;

    @Autowired
    protected org.springframework.jdbc.core.simple.JdbcClient jdbc;

    protected ChatKitClient chatkit;

    @DynamicPropertySource
    static void standIns(DynamicPropertyRegistry registry) {
        registry.add("breakdown.chat-web.assistant.base-url", MODEL::baseUrl);
        registry.add("spring.ai.openai.base-url", MODEL::baseUrl);
        registry.add("breakdown.chat-web.assistant.agent-api-base", () -> AGENT.url(""));
        registry.add("breakdown.chat-web.assistant.calendar-api-base", () -> CALENDAR.url("/api"));
    }

    @BeforeEach
    void freshStandIns() {
        MODEL.reset();
        AGENT.reset();
        CALENDAR.reset();
        chatkit = new ChatKitClient(port);
    }

    private interface Starter<T> {
        T start() throws IOException;
    }

    private static <T> T start(Starter<T> starter) {
        try {
            return starter.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
