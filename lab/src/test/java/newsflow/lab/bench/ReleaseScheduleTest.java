package newsflow.lab.bench;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class ReleaseScheduleTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void listsTheLoadAtItsRateAndNeverMoreThanIt() {
        ReleaseSchedule s = new ReleaseSchedule(100, 0, 40.0);

        assertThat(s.seconds()).isEqualTo(2.5);
        assertThat(s.loadDue(0)).isZero();
        assertThat(s.loadDue(SECOND / 40 - 1)).isZero();
        assertThat(s.loadDue(SECOND / 40)).isEqualTo(1);
        assertThat(s.loadDue(SECOND)).isEqualTo(40);
        assertThat(s.loadDue(10 * SECOND)).isEqualTo(100);
        assertThat(s.loadDue(-SECOND)).as("a clock read before the start").isZero();
    }

    @Test
    void spreadsTheFreshArticlesOverTheMiddleOfTheListing() {
        ReleaseSchedule s = new ReleaseSchedule(100, 4, 10.0); // 10 s of listing

        assertThat(s.freshAtNanos(0)).isCloseTo(2 * SECOND, within(1_000L));          // after the first 20 %
        assertThat(s.freshAtNanos(1)).isCloseTo(3_500_000_000L, within(1_000L));
        assertThat(s.freshAtNanos(3)).isCloseTo(6_500_000_000L, within(1_000L));     // before the last 20 %
        assertThat(s.freshDue(2 * SECOND - 1_000_000)).isZero();
        assertThat(s.freshDue(2 * SECOND + 1_000_000)).isEqualTo(1);
        assertThat(s.freshDue(5 * SECOND)).isEqualTo(3);
        assertThat(s.freshDue(60 * SECOND)).isEqualTo(4);
        assertThatThrownBy(() -> s.freshAtNanos(4)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void refusesARunWithNothingToListOrNoRate() {
        assertThatThrownBy(() -> new ReleaseSchedule(0, 1, 1.0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ReleaseSchedule(10, -1, 1.0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ReleaseSchedule(10, 1, 0.0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ReleaseSchedule(10, 1, Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }
}
