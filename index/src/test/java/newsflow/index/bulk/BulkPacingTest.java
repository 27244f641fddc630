package newsflow.index.bulk;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The adaptive bulk policy as a function of what the last batch was: no clock, no timing. */
class BulkPacingTest {

    private final BulkPacing pacing = new BulkPacing(Duration.ofMillis(250), 500, 8_000_000);

    @Test
    void afterASmallBatchTheNextWaitsOutTheLingerCountingTheBulksOwnTime() {
        assertThat(pacing.holdAfter(3, 30_000, Duration.ofMillis(40))).isEqualTo(Duration.ofMillis(210));
        assertThat(pacing.holdAfter(1, 900, Duration.ZERO)).isEqualTo(Duration.ofMillis(250));
    }

    @Test
    void aBulkSlowerThanTheLingerIsFollowedAtOnce() {
        assertThat(pacing.holdAfter(40, 400_000, Duration.ofMillis(600))).isZero();
    }

    @Test
    void aFullBatchByDocumentsOrBytesIsFollowedAtOnceForMoreIsWaiting() {
        assertThat(pacing.holdAfter(500, 1_000_000, Duration.ofMillis(10))).isZero();
        assertThat(pacing.holdAfter(12, 8_000_000, Duration.ofMillis(10))).isZero();
    }

    @Test
    void noLingerMeansEveryBatchGoesAtOnce() {
        assertThat(new BulkPacing(Duration.ZERO, 500, 1).holdAfter(1, 0, Duration.ZERO)).isZero();
    }

    @Test
    void refusesNegativeLingerAndEmptyBounds() {
        assertThatThrownBy(() -> new BulkPacing(Duration.ofMillis(-1), 500, 1)).hasMessageContaining("linger");
        assertThatThrownBy(() -> new BulkPacing(Duration.ZERO, 0, 1)).hasMessageContaining("positive bounds");
    }
}
