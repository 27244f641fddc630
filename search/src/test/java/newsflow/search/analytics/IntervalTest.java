package newsflow.search.analytics;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Calendar buckets in UTC as Elasticsearch cuts them, and how many a range touches. */
class IntervalTest {

    @Test
    void bucketsStartOnTheDayTheMondayAndTheFirstOfTheMonth() {
        Instant wednesdayEvening = Instant.parse("2026-11-04T22:30:00Z");
        assertThat(Interval.DAY.bucketOf(wednesdayEvening)).isEqualTo(LocalDate.parse("2026-11-04"));
        assertThat(Interval.WEEK.bucketOf(wednesdayEvening)).isEqualTo(LocalDate.parse("2026-11-02"));
        assertThat(Interval.MONTH.bucketOf(wednesdayEvening)).isEqualTo(LocalDate.parse("2026-11-01"));
    }

    @Test
    void aRangeCountsEveryBucketItTouchesItsExclusiveEndNot() {
        Instant from = Instant.parse("2026-11-01T00:00:00Z");
        assertThat(Interval.DAY.buckets(from, Instant.parse("2026-11-08T00:00:00Z"))).isEqualTo(7);
        assertThat(Interval.DAY.buckets(from, Instant.parse("2026-11-08T00:00:01Z"))).isEqualTo(8);
        // Sunday 1 November is in the week of Monday 26 October
        assertThat(Interval.WEEK.buckets(from, Instant.parse("2026-11-08T00:00:00Z"))).isEqualTo(2);
        assertThat(Interval.MONTH.buckets(from, Instant.parse("2027-11-01T00:00:00Z"))).isEqualTo(12);
        assertThat(Interval.DAY.buckets(from, from.plusSeconds(1))).isEqualTo(1);
    }

    @Test
    void parsesTheThreeNamesAndRefusesOthers() {
        assertThat(Interval.parse(null)).isEqualTo(Interval.DAY);
        assertThat(Interval.parse(" Week ")).isEqualTo(Interval.WEEK);
        assertThat(Interval.parse("month")).isEqualTo(Interval.MONTH);
        assertThatThrownBy(() -> Interval.parse("hour")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'interval' must be day, week or month");
    }
}
