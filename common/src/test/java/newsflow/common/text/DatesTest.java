package newsflow.common.text;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The one date parser: feed layouts, the strict nulls, and the allowances pages get. */
class DatesTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            // RFC 822 and its relatives
            "Tue, 07 May 2024 14:05:09 GMT            | 2024-05-07T14:05:09Z",
            "Tue, 7 May 2024 14:05:09 +0200           | 2024-05-07T12:05:09Z",
            "Tue, 07 May 2024 14:05:09 +02:00         | 2024-05-07T12:05:09Z",
            "Tue,07 May 2024 14:05 -0000              | 2024-05-07T14:05:00Z",
            "Tue, 07 May 24 14:05:09 EDT              | 2024-05-07T18:05:09Z",
            "Tue, 07 May, 2024 14:05:09 UTC           | 2024-05-07T14:05:09Z",
            "Tuesday, 07-May-24 14:05:09 GMT          | 2024-05-07T14:05:09Z",
            "07 May 2024 14:05:09 CEST                | 2024-05-07T12:05:09Z",
            "Tue, 07 May 2024                         | 2024-05-07T00:00:00Z",
            "Tue, 07 September 2024 08:00:00 PT       | 2024-09-07T16:00:00Z",
            "Sat, 11 May 2024 09:30:00 GMT+05:30      | 2024-05-11T04:00:00Z",
            "Sat, 11 May 2024 09:30:00 Etc/GMT        | 2024-05-11T09:30:00Z",
            // localised month and day names
            "mar., 14 févr. 2023 10:00:00 +0100       | 2023-02-14T09:00:00Z",
            "Di, 14 Dez 2021 10:00:00 +0100           | 2021-12-14T09:00:00Z",
            "Mié, 03 Ago 2022 18:20:00 -0300          | 2022-08-03T21:20:00Z",
            "2022-augusztus-03T18:20-03:00            | 2022-08-03T21:20:00Z",
            // W3C-DTF / ISO 8601
            "2024-05-07T14:05:09Z                     | 2024-05-07T14:05:09Z",
            "2024-05-07T14:05:09.5+01:00              | 2024-05-07T13:05:09.500Z",
            "2024-05-07T14:05:09.123456789Z           | 2024-05-07T14:05:09.123456789Z",
            "2024-05-07T14:05:09+0530                 | 2024-05-07T08:35:09Z",
            "2024-05-07T14:05Z                        | 2024-05-07T14:05:00Z",
            "2024-05-07 14:05:09                      | 2024-05-07T14:05:09Z",
            "2024-05-07 14:05:09.0                    | 2024-05-07T14:05:09Z",
            "2024-05-07 14:05:09 -00:30               | 2024-05-07T14:35:09Z",
            "2024-05-07                               | 2024-05-07T00:00:00Z",
            "2024-05                                  | 2024-05-01T00:00:00Z",
            "2024                                     | 2024-01-01T00:00:00Z",
            "20240507T140509Z                         | 2024-05-07T14:05:09Z",
            "2024-02-29T23:00:00-02:00                | 2024-03-01T01:00:00Z",
            // asctime, JavaScript, Perforce, Korean
            "Tue May  7 14:05:09 2024                 | 2024-05-07T14:05:09Z",
            "Tue May 7 14:05:09 +0000 2024            | 2024-05-07T14:05:09Z",
            "Tue May 07 2024 14:05:09 +0200           | 2024-05-07T12:05:09Z",
            "Tue, 2024/05/07 14:05:09 PDT             | 2024-05-07T21:05:09Z",
            "2024-05-07 오전 9:05:09                   | 2024-05-07T00:05:09Z",
            "2024년 05월 07일 14:05:09                  | 2024-05-07T05:05:09Z",
    })
    void readsTheInstant(String text, String expected) {
        assertThat(Dates.parse(text)).isEqualTo(Instant.parse(expected));
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @ValueSource(strings = {
            "Fri, 31 Jun 2024 10:00:00 GMT",      // June has 30 days: no rolling into July
            "Tue, 45 May 2024 10:00:00 GMT",
            "2023-02-29T10:00:00Z",               // not a leap year
            "2024-05-07T24:30:00Z",
            "2024-05-07T10:75:00Z",
            "2024-05-07T10:10:75Z",
            "2024-05-07T10:10:10+25:00",
            "2024-05-07T10:10:10+01:75",
            "Tue, 07 May 2024 14:05:09 +qq:00",
            "Tue, 07 Foo 2024 14:05:09 GMT",
            "Tue, 07 May 2024 14:05:09 XYZT",     // unknown zone: no guess
            "Tue, 07 May 2024 14:05:09 IST",      // ambiguous zone
            "Tue, 07 May 2024 1:2:3:4 GMT",
            "2024-05-07T10:00:00Zjunk",
            "2024-05-07-05",
            "2024-xx-07",
            "yesterday",
            "",
            "   ",
    })
    void givesNullRatherThanAWrongDate(String text) {
        assertThat(Dates.parse(text)).isNull();
    }

    @Test
    void nullIsNull() {
        assertThat(Dates.parse(null)).isNull();
    }

    // What pages put in JSON-LD, meta tags and <time datetime> (moved from enrich's date parser).
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "2025-02-18T16:05:00+00:00                | 2025-02-18T16:05:00Z",
            "2025-02-18T17:05:00+0100                 | 2025-02-18T16:05:00Z",
            "2025-02-18 16:05:00                      | 2025-02-18T16:05:00Z",
            "2025-02-18T16:05:00.250Z                 | 2025-02-18T16:05:00.250Z",
            "2025-02-18                               | 2025-02-18T00:00:00Z",
            "2025-02-18T17:05:00+01:00[Europe/Paris]  | 2025-02-18T16:05:00Z",
            "2025-02-18T16:05:00 Nowhere/Tz           | 2025-02-18T00:00:00Z",
            "2025-02-18T25:05:00Z                     | 2025-02-18T00:00:00Z",
            "Tue, 18 Feb 2025 16:05:00 GMT            | 2025-02-18T16:05:00Z"})
    void pageDatesKeepTheDayWhenTheTimeIsUnreadable(String raw, String expected) {
        assertThat(Dates.parseOrDay(raw)).isEqualTo(Instant.parse(expected));
    }

    @Test
    void onlyPagesFallBackToTheDay() {
        assertThat(Dates.parse("2025-02-18T16:05:00 Nowhere/Tz")).isNull();
        assertThat(Dates.parseOrDay("2025-02-31T16:05:00 Nowhere/Tz")).isNull(); // no such day either
        assertThat(Dates.parseOrDay("2025-02-18 junk")).isNull();                // no time: not a date with a bad zone
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"yesterday", "18/02/2025", "February 18, 2025"})
    void unreadablePageDatesAreNull(String raw) {
        assertThat(Dates.parseOrDay(raw)).isNull();
    }

    @Test
    void dayInUrl() {
        assertThat(Dates.dayInUrl("https://x.example/2025/02/18/story/")).isEqualTo(Instant.parse("2025-02-18T00:00:00Z"));
        assertThat(Dates.dayInUrl("https://x.example/news/2025-2-8-story")).isEqualTo(Instant.parse("2025-02-08T00:00:00Z"));
        assertThat(Dates.dayInUrl("https://x.example/2025/13/40/story/")).isNull();
        assertThat(Dates.dayInUrl("https://x.example/story-2025")).isNull();
        assertThat(Dates.dayInUrl(null)).isNull();
    }
}
