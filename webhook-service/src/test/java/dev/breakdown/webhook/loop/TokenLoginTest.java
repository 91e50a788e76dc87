package dev.breakdown.webhook.loop;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.breakdown.contracts.Json;
import dev.breakdown.webhook.intake.Normalized;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.node.ObjectNode;

/** Without GITHUB_BOT_LOGIN the bot's login is the one GitHub's GET /user gives for GITHUB_TOKEN, asked once. */
class TokenLoginTest {

    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private HttpServer github;

    @AfterEach
    void stop() {
        github.stop(0);
    }

    @Test
    void loginOfTheTokenIsOurOwnAndLookedUpOnce() throws Exception {
        github = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        github.createContext("/user", exchange -> {
            authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
            byte[] body = "{\"login\":\"Breakdown-Bot\",\"type\":\"User\"}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        github.start();
        OwnChanges own = new OwnChanges(new LoopProperties(List.of(), "ghp_loop",
                "http://127.0.0.1:" + github.getAddress().getPort(), List.of(), null), RestClient.builder());

        assertThat(own.github(sentBy("breakdown-bot"))).get().isInstanceOfSatisfying(Normalized.Ignored.class,
                ignored -> assertThat(ignored.result()).isEqualTo("own_change"));
        assertThat(own.github(sentBy("octocat"))).isEmpty();
        assertThat(authorizations).containsExactly("Bearer ghp_loop");
    }

    private static ObjectNode sentBy(String login) {
        ObjectNode payload = Json.mapper().createObjectNode();
        payload.put("action", "assigned");
        payload.putObject("sender").put("login", login);
        return payload;
    }
}
