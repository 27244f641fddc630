package newsflow.common.http;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class RetryAfterTest {

    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");

    @Test
    void secondsAndHttpDatesAreUnderstood() {
        assertThat(RetryAfter.parse("120", NOW)).contains(Duration.ofSeconds(120));
        assertThat(RetryAfter.parse("Tue, 24 Nov 2026 10:05:00 GMT", NOW)).contains(Duration.ofMinutes(5));
    }

    @Test
    void pastDatesMeanNowAndAbsurdWaitsAreCapped() {
        assertThat(RetryAfter.parse("Tue, 24 Nov 2026 09:00:00 GMT", NOW)).contains(Duration.ZERO);
        assertThat(RetryAfter.parse("99999999999999999999", NOW)).contains(RetryAfter.MAX);
        assertThat(RetryAfter.parse(String.valueOf(Duration.ofDays(30).toSeconds()), NOW)).contains(RetryAfter.MAX);
    }

    @Test
    void garbageIsIgnored() {
        assertThat(RetryAfter.parse("soon", NOW)).isEmpty();
        assertThat(RetryAfter.parse("", NOW)).isEmpty();
    }
}
