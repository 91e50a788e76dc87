package dev.breakdown.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

class SampleRoundTripTest {

    static List<Path> sampleEvents() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("..", "samples", "events"))) {
            List<Path> found = files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
            assertThat(found).as("samples/events holds the four original samples").hasSizeGreaterThanOrEqualTo(4);
            return found;
        }
    }

    @ParameterizedTest
    @MethodSource("sampleEvents")
    void everySampleEventRoundTripsWithoutLosingAField(Path file) throws IOException {
        JsonNode original = Json.mapper().readTree(Files.readString(file));

        IssueEvent event = Json.mapper().readValue(Files.readString(file), IssueEvent.class);
        JsonNode written = Json.mapper().valueToTree(event);

        assertThat(written).isEqualTo(original);
        assertThat(event.topicKey()).startsWith(event.source() + ":");
    }
}
