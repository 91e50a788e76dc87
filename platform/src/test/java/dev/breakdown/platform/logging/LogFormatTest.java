package dev.breakdown.platform.logging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

/** LOG_FORMAT on a real Spring application start: what reaches the console. */
@ExtendWith(OutputCaptureExtension.class)
class LogFormatTest {

    @Configuration(proxyBeanMethods = false)
    static class Empty {
    }

    private static ConfigurableApplicationContext start(String... properties) {
        return new SpringApplicationBuilder(Empty.class).web(WebApplicationType.NONE)
                .properties("spring.application.name=log-format-test").properties(properties).run();
    }

    @Test
    void jsonWritesEachLogLineAsOneEcsJsonObject(CapturedOutput output) {
        try (ConfigurableApplicationContext context = start("LOG_FORMAT=json")) {
            LoggerFactory.getLogger(LogFormatTest.class).info("event {} processed", "e-1");
        }

        String line = output.getOut().lines().filter(l -> l.contains("event e-1 processed")).findFirst().orElseThrow();
        DocumentContext json = JsonPath.parse(line);
        assertThat(json.read("$.message", String.class)).isEqualTo("event e-1 processed");
        assertThat(json.read("$.log.level", String.class)).isEqualTo("INFO");
        assertThat(json.read("$.service.name", String.class)).isEqualTo("log-format-test");
        assertThat(json.read("$['@timestamp']", String.class)).isNotBlank();
        assertThat(output.getOut()).as("no text banner in a JSON log").doesNotContain(":: Spring Boot ::");
    }

    @Test
    void theMappedPropertyWinsOverTheVariable(CapturedOutput output) {
        try (ConfigurableApplicationContext context = start("LOG_FORMAT=json", "breakdown.log-format=text")) {
            LoggerFactory.getLogger(LogFormatTest.class).info("plain line");
        }

        assertThat(output.getOut().lines().filter(l -> l.contains("plain line")))
                .singleElement().satisfies(l -> assertThat(l).doesNotStartWith("{").contains(" INFO "));
    }

    @Test
    void anUnknownFormatStopsTheStartNamingTheVariable(CapturedOutput output) {
        assertThatThrownBy(() -> start("LOG_FORMAT=xml")).isInstanceOf(InvalidLogFormatException.class)
                .hasMessage("LOG_FORMAT = 'xml' is not a log format; use one of: text, json, ecs, logstash, gelf"
                        + " (empty: text)");
        assertThat(output).contains("APPLICATION FAILED TO START", "LOG_FORMAT = 'xml' is not a log format",
                "Set LOG_FORMAT to json for JSON lines, or unset it for plain text");
    }
}
