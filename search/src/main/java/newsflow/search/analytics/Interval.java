package newsflow.search.analytics;

import co.elastic.clients.elasticsearch._types.aggregations.CalendarInterval;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;

/**
 * The calendar bucket of an attention series, in UTC, as Elasticsearch's {@code calendar_interval} cuts time:
 * days, ISO weeks (Monday to Sunday) and months.
 */
enum Interval {
    DAY(CalendarInterval.Day, ChronoUnit.DAYS, Period.ofDays(30)),
    WEEK(CalendarInterval.Week, ChronoUnit.WEEKS, Period.ofWeeks(26)),
    MONTH(CalendarInterval.Month, ChronoUnit.MONTHS, Period.ofMonths(24));

    private final CalendarInterval calendar;
    private final ChronoUnit unit;
    private final Period defaultRange;

    Interval(CalendarInterval calendar, ChronoUnit unit, Period defaultRange) {
        this.calendar = calendar;
        this.unit = unit;
        this.defaultRange = defaultRange;
    }

    /** @param value {@code day}, {@code week} or {@code month}; null or blank means {@code day} */
    static Interval parse(String value) {
        if (value == null || value.isBlank()) {
            return DAY;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "day" -> DAY;
            case "week" -> WEEK;
            case "month" -> MONTH;
            default -> throw new IllegalArgumentException("'interval' must be day, week or month, got '" + value + "'");
        };
    }

    CalendarInterval calendar() {
        return calendar;
    }

    ChronoUnit unit() {
        return unit;
    }

    /** How far back {@code from} lies from {@code to} when the request gives no {@code from}. */
    Period defaultRange() {
        return defaultRange;
    }

    String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The first day of the bucket {@code t} falls in (UTC). */
    LocalDate bucketOf(Instant t) {
        LocalDate day = t.atOffset(ZoneOffset.UTC).toLocalDate();
        return switch (this) {
            case DAY -> day;
            case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> day.withDayOfMonth(1);
        };
    }

    /** How many buckets {@code [from, to)} touches, partial ones at either end included. */
    long buckets(Instant from, Instant to) {
        return unit.between(bucketOf(from), bucketOf(to.minusMillis(1))) + 1;
    }
}
