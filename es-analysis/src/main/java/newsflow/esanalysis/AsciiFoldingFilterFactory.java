package newsflow.esanalysis;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;

/**
 * Folds letters to their ASCII form ({@code café} → {@code cafe}), as Elasticsearch's {@code asciifolding} filter
 * with its default (original not preserved), also for prefix and wildcard query terms.
 */
@NamedComponent("newsflow_asciifolding")
public final class AsciiFoldingFilterFactory implements TokenFilterFactory {

    @Override
    public TokenStream create(TokenStream input) {
        return new ASCIIFoldingFilter(input);
    }

    @Override
    public TokenStream normalize(TokenStream input) {
        return new ASCIIFoldingFilter(input);
    }
}
