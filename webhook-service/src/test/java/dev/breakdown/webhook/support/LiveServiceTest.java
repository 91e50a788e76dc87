package dev.breakdown.webhook.support;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.EmbeddedKafkaBroker;

/** A client for the running service and a probe on the issues topic that sees only records sent by the current test. */
public abstract class LiveServiceTest {
    @LocalServerPort
    protected int port;
    @Autowired
    protected EmbeddedKafkaBroker broker;

    protected WebhookClient client;
    protected IssuesTopicProbe issues;

    @BeforeAll
    void connect() {
        client = new WebhookClient(port);
        issues = new IssuesTopicProbe(broker.getBrokersAsString());
    }

    @AfterAll
    void disconnect() {
        issues.close();
    }

    @BeforeEach
    void onlyNewRecords() {
        issues.mark();
    }
}
