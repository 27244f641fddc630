package newsflow.search;

import newsflow.common.json.Json;
import newsflow.search.export.ExportWriter;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A hit's source, read into the fields a hit shows only: a search page's hit and an export's row. */
class HitSourceTest {

    @Test
    void everyHitFieldIsReadUnderItsStoredName() {
        HitSource source = Json.read("""
                {"id": "a1", "published": "2026-11-02T08:00:00Z", "source": "example.org", "site_name": "Example",
                 "language": "en", "title": "Flood", "url": "https://example.org/a1", "authors": ["A. Writer"],
                 "topics": ["weather"], "story_id": "s1", "body": "not asked for, skipped"}
                """, HitSource.class);

        assertThat(source).isEqualTo(new HitSource("a1", "2026-11-02T08:00:00Z", "example.org", "Example",
                "en", "Flood", "https://example.org/a1", List.of("A. Writer"), List.of("weather"), "s1"));
        assertThat(source.publishedInstant()).isEqualTo(Instant.parse("2026-11-02T08:00:00Z"));
        assertThat(new HitSource("a2", null, null, null, null, null, null, null, null, null).publishedInstant()).isNull();
        assertThat(SearchRequests.HIT_FIELDS).containsExactlyInAnyOrder("id", "published", "source", "site_name",
                "language", "title", "url", "authors", "topics", "story_id");
        assertThat(ExportWriter.COLUMNS).as("an export row is those fields, in the stored names").containsExactlyInAnyOrderElementsOf(
                SearchRequests.HIT_FIELDS);
    }
}
