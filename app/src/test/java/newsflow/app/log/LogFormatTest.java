package newsflow.app.log;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import com.fasterxml.jackson.databind.JsonNode;
import newsflow.common.json.Json;
import newsflow.common.log.LogContext;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.MDC;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The log format choice and what each format writes, through the product's own logback.xml (not the tests'
 * configuration) loaded into a logger context of the test's own.
 */
class LogFormatTest {

    @Test
    void textUnlessJsonIsChosenAndThePropertyWinsOverTheEnvironment() {
        assertThat(LogFormat.chosen(p -> null, v -> null)).isEqualTo(LogFormat.TEXT);
        assertThat(LogFormat.chosen(p -> null, Map.of(LogFormat.VARIABLE, "json")::get)).isEqualTo(LogFormat.JSON);
        assertThat(LogFormat.chosen(p -> null, Map.of(LogFormat.VARIABLE, " JSON ")::get)).isEqualTo(LogFormat.JSON);
        assertThat(LogFormat.chosen(Map.of(LogFormat.PROPERTY, "text")::get, Map.of(LogFormat.VARIABLE, "json")::get))
                .isEqualTo(LogFormat.TEXT);
    }

    @Test
    void anyOtherValueIsAnErrorNamingTheSetting() {
        assertThatThrownBy(() -> LogFormat.chosen(p -> null, Map.of(LogFormat.VARIABLE, "jsn")::get))
                .hasMessage("NEWSFLOW_LOG_FORMAT must be text or json, got 'jsn'");
        assertThatThrownBy(() -> LogFormat.chosen(Map.of(LogFormat.PROPERTY, "xml")::get, v -> null))
                .hasMessage("-Dnewsflow.log.format must be text or json, got 'xml'");
    }

    @Test
    void textIsOneReadableLinePerEventByDefault() throws Exception {
        String written = logThroughProductConfiguration(null);

        assertThat(written).containsPattern("(?m)^\\d\\d:\\d\\d:\\d\\d\\.\\d{3} WARN  \\[main\\] newsflow\\.enrich\\.Probe - "
                + "page of https://example\\.org/a failed$");
        assertThat(written).doesNotStartWith("{");
    }

    @Test
    void jsonIsOneObjectPerLineWithTheStageAndWhatTheLineIsAbout() throws Exception {
        String written = logThroughProductConfiguration("json");

        String[] lines = written.split("\n");
        assertThat(lines).hasSize(3); // a multi-line message and a stack trace stay inside their line
        JsonNode warn = Json.mapper().readTree(lines[0]);
        assertThat(Instant.parse(warn.get("time").asText())).isNotNull();
        assertThat(warn.get("level").asText()).isEqualTo("WARN");
        assertThat(warn.get("stage").asText()).isEqualTo("enrich");
        assertThat(warn.get("article").asText()).isEqualTo("0123456789abcdef0123456789abcdef");
        assertThat(warn.get("logger").asText()).isEqualTo("newsflow.enrich.Probe");
        assertThat(warn.get("message").asText()).isEqualTo("page of https://example.org/a failed");
        assertThat(warn.has("feed")).isFalse();

        JsonNode error = Json.mapper().readTree(lines[1]);
        assertThat(error.get("stage").asText()).isEqualTo("ingest");
        assertThat(error.get("feed").asText()).isEqualTo("https://example.org/feed.xml");
        assertThat(error.get("message").asText()).isEqualTo("two\nlines");
        assertThat(error.get("error").asText()).isEqualTo("java.lang.IllegalStateException: broken \"feed\"");
        assertThat(error.get("stack").asText()).contains("LogFormatTest");

        JsonNode plain = Json.mapper().readTree(lines[2]);
        assertThat(plain.has("stage")).as("the scopes were closed").isFalse();
        assertThat(plain.has("article")).isFalse();
        assertThat(plain.get("message").asText()).isEqualTo("done");
    }

    /** Logs three events through logback.xml from main resources with {@code format}, returning what reached stderr. */
    private static String logThroughProductConfiguration(String format) throws Exception {
        URL productConfiguration = LogFormat.class.getResource("/logback.xml");
        assertThat(productConfiguration.toString()).doesNotContain("test-classes");
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(MDC.getMDCAdapter()); // the one LogContext writes to
        if (format != null) {
            context.putProperty(LogFormat.PROPERTY, format);
        }
        PrintStream stderr = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try {
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            JoranConfigurator configurator = new JoranConfigurator();
            configurator.setContext(context);
            configurator.doConfigure(productConfiguration);
            Logger enrich = context.getLogger("newsflow.enrich.Probe");
            try (LogContext.Scope about = LogContext.article("enrich", "0123456789abcdef0123456789abcdef")) {
                enrich.warn("page of {} failed", "https://example.org/a");
            }
            try (LogContext.Scope about = LogContext.feed("ingest", "https://example.org/feed.xml")) {
                context.getLogger("newsflow.ingest.Probe").error("two\nlines", new IllegalStateException("broken \"feed\""));
            }
            enrich.info("done");
        } finally {
            System.setErr(stderr);
            context.stop();
        }
        return captured.toString(StandardCharsets.UTF_8);
    }
}
