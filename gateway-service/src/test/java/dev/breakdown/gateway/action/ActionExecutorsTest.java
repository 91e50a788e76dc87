package dev.breakdown.gateway.action;

import static org.assertj.core.api.Assertions.assertThat;

import dev.breakdown.gateway.GatewayProperties;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each executor declares its risk delta; configuration overrides it for one action without touching the others. */
class ActionExecutorsTest {

    private final ActionExecutor page = new Fixed("page_oncall", -0.4);
    private final ActionExecutor label = new Fixed("add_label", -0.02);

    @Test
    void successfulActionTakesItsExecutorsRiskDelta() {
        ActionExecutors executors = new ActionExecutors(List.of(page, label), properties(Map.of()));
        assertThat(executors.riskDeltaOf("page_oncall")).isEqualTo(-0.4);
        assertThat(executors.riskDeltaOf("add_label")).isEqualTo(-0.02);
        assertThat(executors.riskDeltaOf("unknown_action")).isZero();
    }

    @Test
    void configuredRiskDeltaOverridesTheExecutorsOne() {
        ActionExecutors executors = new ActionExecutors(List.of(page, label), properties(Map.of("page-oncall", -0.9)));
        assertThat(executors.riskDeltaOf("page_oncall")).isEqualTo(-0.9);
        assertThat(executors.riskDeltaOf("add_label")).isEqualTo(-0.02);
    }

    private static GatewayProperties properties(Map<String, Double> riskDeltas) {
        return new GatewayProperties("http://localhost:8000/run", "http://localhost:7300/api", 1,
                java.time.Duration.ofSeconds(60), riskDeltas, 0.1, null, null, null);
    }

    private record Fixed(String action, double defaultRiskDelta) implements ActionExecutor {
        @Override
        public String execute(ActionContext context) {
            return "done";
        }
    }
}
