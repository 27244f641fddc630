package newsflow.app.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TimeArgumentTest {

    private static final Instant NOW = Instant.parse("2026-05-10T12:00:00Z");

    @Test
    void readsInstantsDaysAndDurationsBack() {
        assertThat(TimeArgument.parse("2026-05-01T08:30:00Z", NOW)).isEqualTo(Instant.parse("2026-05-01T08:30:00Z"));
        assertThat(TimeArgument.parse("2026-05-01T10:30:00+02:00", NOW)).isEqualTo(Instant.parse("2026-05-01T08:30:00Z"));
        assertThat(TimeArgument.parse("2026-05-01", NOW)).isEqualTo(Instant.parse("2026-05-01T00:00:00Z"));
        assertThat(TimeArgument.parse("90m", NOW)).isEqualTo(Instant.parse("2026-05-10T10:30:00Z"));
        assertThat(TimeArgument.parse("2d", NOW)).isEqualTo(Instant.parse("2026-05-08T12:00:00Z"));
        assertThat(TimeArgument.parse(" PT6H ", NOW)).isEqualTo(Instant.parse("2026-05-10T06:00:00Z"));
    }

    @Test
    void anythingElseIsAnErrorNamingTheFormsAccepted() {
        for (String bad : new String[]{"yesterday", "2026-13-01", "2026-05-01T08:30:00", "-5m", ""}) {
            assertThatThrownBy(() -> TimeArgument.parse(bad, NOW)).as(bad)
                    .isInstanceOf(CommandLine.TypeConversionException.class)
                    .hasMessageContaining("is not a time").hasMessageContaining("2026-05-01T12:00:00Z");
        }
    }
}
