package newsflow.lab.eval;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MetadataMatchTest {

    @Test
    void textIsComparedCaseFoldedWithWhitespaceCollapsed() {
        assertThat(MetadataMatch.matches("title", "  The  Big\nStory ", "the big story")).isTrue();
        assertThat(MetadataMatch.matches("siteName", "Straße Zeitung", "STRASSE zeitung")).isTrue();
        assertThat(MetadataMatch.matches("title", "One", "Two")).isFalse();
    }

    @Test
    void blankAndNullAreTheSame() {
        assertThat(MetadataMatch.matches("byline", null, " ")).isTrue();
        assertThat(MetadataMatch.matches("byline", "Ann Lee", null)).isFalse();
    }

    @Test
    void languagesReadUnderscoreAsHyphen() {
        assertThat(MetadataMatch.matches("lang", "en_US", "en-us")).isTrue();
        assertThat(MetadataMatch.matches("lang", "en-US", "en")).isFalse();
    }

    @Test
    void timesCompareAsUtcInstants() {
        assertThat(MetadataMatch.matches("publishedTime", "2021-11-01T10:52:50+0100", "2021-11-01T09:52:50Z")).isTrue();
        assertThat(MetadataMatch.matches("publishedTime", "2021-11-01T10:52:50+01:00", "2021-11-01T09:52:50.000Z")).isTrue();
        // no offset means UTC, a date alone its midnight
        assertThat(MetadataMatch.matches("publishedTime", "2017-11-03 03:01:00.000000", "2017-11-03T03:01:00Z")).isTrue();
        assertThat(MetadataMatch.matches("publishedTime", "2024-06-25", "2024-06-25T00:00:00Z")).isTrue();
        assertThat(MetadataMatch.matches("publishedTime", "2024-06-25", "2024-06-26T00:00:00Z")).isFalse();
    }

    @Test
    void unparsableTimesFallBackToText() {
        assertThat(MetadataMatch.matches("publishedTime", "June 5, 2020", "june 5,  2020")).isTrue();
    }
}
