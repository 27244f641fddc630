package newsflow.esanalysis;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.de.GermanNormalizationFilter;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;

/** Folds German umlauts and ß ("Wärme" → "warme"), as Elasticsearch's {@code german_normalization} filter. */
@NamedComponent("newsflow_german_normalization")
public final class GermanNormalizationFilterFactory implements TokenFilterFactory {

    @Override
    public TokenStream create(TokenStream input) {
        return new GermanNormalizationFilter(input);
    }

    @Override
    public TokenStream normalize(TokenStream input) {
        return new GermanNormalizationFilter(input);
    }
}
