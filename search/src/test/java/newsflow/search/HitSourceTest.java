package newsflow.search;

import newsflow.common.json.Json;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** An export page's source, read into the export's fields only, becomes the same hit an export row is made of. */
class HitSourceTest {

    @Test
    void everyExportFieldIsReadUnderItsStoredName() {
        HitSource source = Json.read("""
                {"id": "a1", "published": "2026-11-02T08:00:00Z", "source": "example.org", "site_name": "Example",
                 "language": "en", "title": "Flood", "url": "https://example.org/a1", "authors": ["A. Writer"],
                 "topics": ["weather"], "story_id": "s1"}
                """, HitSource.class);

        SearchHit hit = source.toHit("a1");

        assertThat(hit).isEqualTo(new SearchHit("a1", "Flood", "https://example.org/a1", "example.org", "Example",
                Instant.parse("2026-11-02T08:00:00Z"), "en", List.of("weather"), List.of("A. Writer"), null, List.of(),
                null, "s1", List.of()));
        assertThat(SearchRequests.HIT_FIELDS).containsExactlyInAnyOrder("id", "published", "source", "site_name",
                "language", "title", "url", "authors", "topics", "story_id");
    }
}
