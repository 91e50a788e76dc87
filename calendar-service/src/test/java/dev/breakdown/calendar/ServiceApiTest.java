package dev.breakdown.calendar;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A test class that talks to the service it started (on a random port) over plain HTTP. */
public abstract class ServiceApiTest {

    @LocalServerPort
    protected int port;

    protected Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }
}
