package newsflow.esanalysis;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;

/** Drops a trailing {@code 's} ("council's" → "council"), as Elasticsearch's {@code possessive_english} stemmer. */
@NamedComponent("newsflow_possessive_english")
public final class EnglishPossessiveFilterFactory implements TokenFilterFactory {

    @Override
    public TokenStream create(TokenStream input) {
        return new EnglishPossessiveFilter(input);
    }
}
