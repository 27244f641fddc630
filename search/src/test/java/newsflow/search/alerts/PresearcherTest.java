package newsflow.search.alerts;

import newsflow.common.config.SearchConfig;
import newsflow.search.query.QueryParser;
import newsflow.search.saved.SavedFilters;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.util.FixedBitSet;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The presearcher passes over the saved searches an article cannot match, and only those. */
class PresearcherTest {

    @Test
    void candidatesAreTheSearchesWhoseRequiredWordsTheArticleHas() throws IOException {
        TextAnalysis analysis = TextAnalysis.standardAnalysis();
        LuceneQueries translation = new LuceneQueries(analysis);
        // the harbour article: "breakwater" in title and description, "harbour" in the description only
        Map<String, Boolean> candidate = new LinkedHashMap<>();
        candidate.put("breakwater", true);
        candidate.put("volcano", false);
        candidate.put("breakwater volcano", false); // both words are needed
        candidate.put("(volcano OR harbour) stones", true);
        candidate.put("(volcano OR lava) stones", false);
        candidate.put("\"stones capping\"", true); // its words are there, out of order: run, and it will not match
        candidate.put("title:harbour", false); // not in any title field
        candidate.put("break*", true);
        candidate.put("volc*", false);
        candidate.put("storm-dam*", true);
        candidate.put("storm-vol*", false);
        candidate.put("source:harb*", true);
        candidate.put("source:volc*", false);
        candidate.put("NOT volcano", true); // nothing is required: always run
        candidate.put("-breakwater", true);
        candidate.put("breakwater NOT harbour", true); // a NOT clause requires nothing
        candidate.put("volcano NOT harbour", false);
        candidate.put("lang:en", true);
        candidate.put("lang:de", false);
        List<RequiredTerms> required = new ArrayList<>();
        for (String q : candidate.keySet()) {
            required.add(RequiredTerms.of(translation.toLucene(QueryParser.parse(q, SearchConfig.DEFAULTS), SavedFilters.NONE)));
        }
        LeafReader article = ArticleIndexFields.of(SavedSearchMatcherEquivalenceTest.ARTICLES.getFirst(), analysis)
                .createSearcher().getIndexReader().leaves().getFirst().reader();

        FixedBitSet candidates = new Presearcher(required).candidates(article);

        List<String> queries = List.copyOf(candidate.keySet());
        for (int i = 0; i < queries.size(); i++) {
            assertThat(candidates.get(i)).as(queries.get(i)).isEqualTo(candidate.get(queries.get(i)));
        }
    }

    @Test
    void aQueryNoArticleCanMatchIsNeverACandidateAndOneWithoutWordsAlwaysIs() {
        TextAnalysis analysis = TextAnalysis.englishAnalysis();
        LuceneQueries translation = new LuceneQueries(analysis);
        // english leaves no word of "the": as a prefix it matches nothing, as a word everything
        assertThat(RequiredTerms.of(translation.toLucene(QueryParser.parse("the*", SearchConfig.DEFAULTS), SavedFilters.NONE)).never())
                .isTrue();
        assertThat(RequiredTerms.of(translation.toLucene(QueryParser.parse("the", SearchConfig.DEFAULTS), SavedFilters.NONE)))
                .isEqualTo(RequiredTerms.ANYTHING);
        assertThat(RequiredTerms.of(translation.toLucene(null, new SavedFilters(List.of("local"), List.of(), List.of(), List.of())))
                .groups()).hasSize(1);
    }
}
