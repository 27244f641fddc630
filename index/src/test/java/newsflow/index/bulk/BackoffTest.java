package newsflow.index.bulk;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BackoffTest {

    @Test
    void growsExponentiallyUpToTheCap() {
        Backoff noJitter = new Backoff(Duration.ofMillis(250), Duration.ofSeconds(30), () -> 1.0);

        assertThat(noJitter.delay(1)).isEqualTo(Duration.ofMillis(250));
        assertThat(noJitter.delay(2)).isEqualTo(Duration.ofMillis(500));
        assertThat(noJitter.delay(5)).isEqualTo(Duration.ofMillis(4000));
        assertThat(noJitter.delay(9)).isEqualTo(Duration.ofSeconds(30));
        assertThat(noJitter.delay(500)).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void jitterStaysWithinTheUpperHalf() {
        Backoff lowest = new Backoff(Duration.ofMillis(250), Duration.ofSeconds(30), () -> 0.0);
        Backoff middle = new Backoff(Duration.ofMillis(250), Duration.ofSeconds(30), () -> 0.5);

        assertThat(lowest.delay(5)).isEqualTo(Duration.ofMillis(2000));
        assertThat(middle.delay(5)).isEqualTo(Duration.ofMillis(3000));
        assertThat(lowest.delay(40)).isEqualTo(Duration.ofSeconds(15));
    }

    @Test
    void defaultStaysInBounds() {
        for (int attempt = 1; attempt < 50; attempt++) {
            assertThat(Backoff.DEFAULT.delay(attempt)).isBetween(Duration.ofMillis(125), Duration.ofSeconds(30));
        }
        assertThatThrownBy(() -> Backoff.DEFAULT.delay(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
