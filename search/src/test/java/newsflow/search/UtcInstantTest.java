package newsflow.search;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** An export's instants are written as Instant writes them, whatever form the stored text had. */
class UtcInstantTest {

    @Test
    void whatInstantWritesIsKeptAsItIs() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 20_000; i++) {
            long seconds = random.nextLong(Instant.parse("0000-01-01T00:00:00Z").getEpochSecond(),
                    Instant.parse("9999-12-31T23:59:59Z").getEpochSecond());
            // whole seconds, milliseconds, microseconds and nanoseconds alike
            int nanos = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1000;
                default -> random.nextInt(1_000_000_000);
            };
            String text = Instant.ofEpochSecond(seconds, nanos).toString();

            assertThat(UtcInstant.isCanonical(text)).as(text).isTrue();
            assertThat(UtcInstant.canonical(text)).isSameAs(text);
        }
    }

    @Test
    void otherFormsOfAnInstantAreWrittenAsInstantWritesThem() {
        assertThat(UtcInstant.canonical("2026-11-03T08:00:00.000Z")).isEqualTo("2026-11-03T08:00:00Z");
        assertThat(UtcInstant.canonical("2026-11-03T08:00:00.120000Z")).isEqualTo("2026-11-03T08:00:00.120Z");
        assertThat(UtcInstant.canonical("2026-11-03T08:00:00.123456000Z")).isEqualTo("2026-11-03T08:00:00.123456Z");
        assertThat(UtcInstant.canonical("2026-11-03T08:00:00.5Z")).isEqualTo("2026-11-03T08:00:00.500Z");
        assertThat(UtcInstant.canonical("2026-11-03T09:30:00+01:30")).isEqualTo("2026-11-03T08:00:00Z");
        // what Instant.parse reads besides: lower case, and midnight written as the end of the day before
        assertThat(UtcInstant.canonical("2026-11-03t08:00:00z")).isEqualTo("2026-11-03T08:00:00Z");
        assertThat(UtcInstant.isCanonical("2026-11-03T24:00:00Z")).isFalse();
        assertThat(UtcInstant.canonical("2026-11-03T24:00:00Z")).isEqualTo("2026-11-04T00:00:00Z");
    }

    @Test
    void textThatNamesNoInstantIsUnknown() {
        assertThat(UtcInstant.canonical(null)).isNull();
        assertThat(UtcInstant.canonical("yesterday")).isNull();
        assertThat(UtcInstant.canonical("")).isNull();
        for (String notADate : new String[]{"2026-02-29T08:00:00Z", "2026-04-31T08:00:00Z", "2026-13-01T08:00:00Z",
                "2026-00-10T08:00:00Z", "2026-11-00T08:00:00Z", "2026-11-03T25:00:00Z", "2026-11-03T08:60:00Z",
                "2026-11-03T08:00:61Z", "2026-11-03T08:00:00.12aZ", "2026-11-03 08:00:00Z", "２０２６-11-03T08:00:00Z"}) {
            assertThat(UtcInstant.isCanonical(notADate)).as(notADate).isFalse();
            assertThat(UtcInstant.canonical(notADate)).as(notADate).isNull();
        }
        assertThat(UtcInstant.isCanonical("2024-02-29T08:00:00Z")).as("a leap day").isTrue();
    }
}
