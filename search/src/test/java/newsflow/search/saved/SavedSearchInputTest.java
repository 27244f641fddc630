package newsflow.search.saved;

import com.fasterxml.jackson.databind.JsonNode;
import newsflow.common.config.SearchConfig;
import newsflow.common.json.Json;
import newsflow.search.query.QuerySyntaxException;
import newsflow.search.query.SearchLimitException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every field of a saved search is checked, and bounded, before it is stored. */
class SavedSearchInputTest {

    private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");
    private static final Instant T1 = Instant.parse("2026-11-02T00:00:00Z");

    private static SavedSearchInput parse(String json) {
        try {
            JsonNode node = Json.mapper().readTree(json);
            return SavedSearchInput.parse(node, SearchConfig.DEFAULTS);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aCompleteSavedSearchIsTaken() {
        SavedSearchInput in = parse("""
                {"name": " Floods ", "query": "flood* AND lang:en", "filters": {"topic": ["weather", "weather"], "lang": "EN"},
                 "webhook": "https://hooks.example/x", "secret": "0123456789abcdef"}""");
        assertThat(in.name()).isEqualTo("Floods");
        assertThat(in.filters().topic()).containsExactly("weather");
        assertThat(in.filters().lang()).containsExactly("en");
        SavedSearch s = in.create("abc", T0);
        assertThat(s.secret()).isEqualTo("0123456789abcdef");
        assertThat(s.matchesSince()).isEqualTo(T0);
    }

    @Test
    void badInputIsRefusedNamingTheField() {
        assertThatThrownBy(() -> parse("{\"query\": \"x\"}")).hasMessageContaining("'name' is required");
        assertThatThrownBy(() -> parse("{\"name\": \"n\", \"query\": \"x\", \"hook\": 1}")).hasMessageContaining("unknown field 'hook'");
        assertThatThrownBy(() -> parse("{\"name\": \"n\"}")).hasMessageContaining("give a 'query' or at least one filter");
        assertThatThrownBy(() -> parse("{\"name\": 5, \"query\": \"x\"}")).hasMessageContaining("'name' must be a string");
        assertThatThrownBy(() -> parse("{\"name\": \"n\", \"filters\": {\"tag\": [\"a\"]}}")).hasMessageContaining("filters.tag");
        assertThatThrownBy(() -> parse("{\"name\": \"n\", \"filters\": {\"lang\": [\"english\"]}}")).hasMessageContaining("ISO 639");
        assertThatThrownBy(() -> parse("{\"name\": \"n\", \"filters\": {\"topic\": [1]}}")).hasMessageContaining("non-empty strings");
        assertThatThrownBy(() -> parse("{\"name\": \"n\", \"query\": \"x\", \"webhook\": \"ftp://h/x\"}")).hasMessageContaining("http(s)");
        assertThatThrownBy(() -> parse("{\"name\": \"n\", \"query\": \"x\", \"webhook\": \"https://u:p@h/x\"}")).hasMessageContaining("credentials");
        assertThatThrownBy(() -> parse("{\"name\": \"n\", \"query\": \"x\", \"secret\": \"short\"}")).hasMessageContaining("at least 16");
    }

    @Test
    void aQueryThatDoesNotParseNamesItsPosition() {
        assertThatThrownBy(() -> parse("{\"name\": \"n\", \"query\": \"water AND (rights\"}"))
                .isInstanceOfSatisfying(QuerySyntaxException.class, e -> assertThat(e.position()).isGreaterThanOrEqualTo(0));
    }

    @Test
    void everyPartIsBounded() {
        assertThatThrownBy(() -> parse("{\"name\": \"" + "n".repeat(SavedSearchInput.MAX_NAME + 1) + "\", \"query\": \"x\"}"))
                .hasMessageContaining("more than " + SavedSearchInput.MAX_NAME);
        String many = "[" + String.join(",", java.util.Collections.nCopies(SavedSearchInput.MAX_VALUES + 1, "\"t\"")) + "]";
        assertThatThrownBy(() -> parse("{\"name\": \"n\", \"filters\": {\"topic\": " + many + "}}"))
                .hasMessageContaining("more than " + SavedSearchInput.MAX_VALUES);
        assertThatThrownBy(() -> parse("{\"name\": \"n\", \"filters\": {\"topic\": [\"" + "t".repeat(SavedSearchInput.MAX_VALUE + 1) + "\"]}}"))
                .hasMessageContaining("longer than " + SavedSearchInput.MAX_VALUE);
        // the query is held to the search limits
        String longQuery = "w ".repeat(SearchConfig.DEFAULTS.maxQueryLength());
        assertThatThrownBy(() -> parse("{\"name\": \"n\", \"query\": \"" + longQuery + "\"}")).hasMessageContaining("more than");
        String wildcards = String.join(" OR ", List.of("a*", "b*", "c*", "d*", "e*", "f*"));
        assertThatThrownBy(() -> parse("{\"name\": \"n\", \"query\": \"" + wildcards + "\"}")).isInstanceOf(SearchLimitException.class);
    }

    @Test
    void anUpdateKeepsTheSecretUnlessToldAndRestartsMatchingWhenTheQueryChanges() {
        SavedSearch stored = parse("{\"name\": \"n\", \"query\": \"flood\", \"secret\": \"0123456789abcdef\"}").create("id1", T0);
        SavedSearch renamed = parse("{\"name\": \"m\", \"query\": \"flood\"}").update(stored, T1);
        assertThat(renamed.secret()).isEqualTo("0123456789abcdef");
        assertThat(renamed.matchesSince()).isEqualTo(T0);
        assertThat(renamed.updated()).isEqualTo(T1);
        SavedSearch requeried = parse("{\"name\": \"m\", \"query\": \"storm\", \"secret\": \"\"}").update(stored, T1);
        assertThat(requeried.secret()).isNull();
        assertThat(requeried.matchesSince()).isEqualTo(T1);
        assertThat(requeried.created()).isEqualTo(T0);
    }

    @Test
    void idsAreRandomAndUrlSafe() {
        String a = SavedSearchStore.newId();
        assertThat(a).matches("[a-z2-7]{12}").isNotEqualTo(SavedSearchStore.newId());
    }
}
