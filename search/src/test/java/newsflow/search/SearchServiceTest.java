package newsflow.search;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class SearchServiceTest {

    @Test
    void turnsAnElasticsearchResponseIntoAResult() {
        SearchQuery query = SearchQuery.text("ferry").withSize(2);

        SearchResult result = SearchService.toResult(query,
                EsResponses.searchResponse(EsResponses.fixture("es-search-response.json"), HitSource.class));

        assertThat(result.total()).isEqualTo(3);
        assertThat(result.hits()).hasSize(2);
        SearchHit first = result.hits().getFirst();
        assertThat(first.id()).isEqualTo("a1");
        assertThat(first.title()).isEqualTo("New ferry route opens");
        assertThat(first.titleHighlight()).isEqualTo("New <em>ferry</em> route opens");
        assertThat(first.snippets()).hasSize(2);
        assertThat(first.published()).isEqualTo(Instant.parse("2026-11-03T08:15:00Z"));
        assertThat(first.topics()).containsExactly("transport", "local");
        assertThat(first.authors()).containsExactly("Mara Lind");
        assertThat(first.siteName()).isEqualTo("Harbour Gazette");
        assertThat(first.score()).isEqualTo(2.5);
        assertThat(result.hits().get(1).titleHighlight()).isNull();

        assertThat(result.facets().iptc()).containsExactly(
                new Facets.IptcCount("medtop:11000000", "politics", 2, null),
                new Facets.IptcCount("medtop:20000621", "election", 1, "medtop:11000000"),
                new Facets.IptcCount("medtop:14000000", "society", 1, null));
        assertThat(result.facets().operatorTopics()).extracting(Facets.FacetCount::key).containsExactly("transport", "local", "labour");
        assertThat(result.facets().watchTopics()).containsExactly(new Facets.FacetCount("ferry watch", 1));
        assertThat(result.facets().modelTopics()).isEmpty();
        assertThat(result.facets().authors()).containsExactly(new Facets.FacetCount("Mara Lind", 1));
        assertThat(result.facets().sources().getFirst()).isEqualTo(new Facets.FacetCount("Harbour Gazette", 2));
        assertThat(result.facets().languages()).containsExactly(new Facets.FacetCount("en", 3));
        assertThat(result.facets().perDay()).containsExactly(new Facets.DayCount("2026-10-30", 1), new Facets.DayCount("2026-11-03", 2));
    }

    @Test
    void nextCursorIsTheLastHitsSortValuesWhenThePageIsFull() {
        SearchQuery fullPage = SearchQuery.text("ferry").withSize(2);
        SearchQuery lastPage = SearchQuery.text("ferry").withSize(5);
        var response = EsResponses.searchResponse(EsResponses.fixture("es-search-response.json"), HitSource.class);

        String next = SearchService.toResult(fullPage, response).next();

        assertThat(next).isNotNull();
        assertThat(Cursor.decode(next, 3)).extracting(v -> v._get().toString())
                .containsExactly("1.25", "1793379600000", "b2");
        assertThat(SearchService.toResult(lastPage, response).next()).isNull();
    }
}
