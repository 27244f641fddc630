package newsflow.esanalysis;

import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.util.ElisionFilter;
import org.elasticsearch.plugin.Inject;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;

import java.util.List;
import java.util.Map;

/**
 * Strips elided articles ({@code l'}, {@code qu'}, {@code dell'} …) from the front of words, with the article
 * lists of Lucene's French and Italian analyzers (case-insensitive, as they use them). Without a {@code language}:
 * French, as Elasticsearch's {@code elision} filter.
 */
@NamedComponent("newsflow_elision")
public final class ElisionFilterFactory implements TokenFilterFactory {

    /** Lucene's {@code ItalianAnalyzer} keeps its list private; this is that list, as its source has it. */
    static final List<String> ITALIAN_ARTICLES = List.of("c", "l", "all", "dall", "dell", "nell", "sull", "coll",
            "pell", "gl", "agl", "dagl", "degl", "negl", "sugl", "un", "m", "t", "s", "v", "d");

    static final Map<String, CharArraySet> ARTICLES = Map.of(
            "french", FrenchAnalyzer.DEFAULT_ARTICLES,
            "italian", CharArraySet.unmodifiableSet(new CharArraySet(ITALIAN_ARTICLES, true)));

    private final CharArraySet articles;

    @Inject
    public ElisionFilterFactory(LanguageSettings settings) {
        this.articles = Languages.lookUp(ARTICLES, "newsflow_elision", settings, "french");
    }

    @Override
    public TokenStream create(TokenStream input) {
        return new ElisionFilter(input, articles);
    }
}
