package newsflow.esanalysis;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.de.GermanLightStemFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.es.SpanishLightStemFilter;
import org.apache.lucene.analysis.fr.FrenchLightStemFilter;
import org.apache.lucene.analysis.it.ItalianLightStemFilter;
import org.apache.lucene.analysis.pt.PortugueseLightStemFilter;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.elasticsearch.plugin.Inject;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;
import org.tartarus.snowball.ext.DanishStemmer;
import org.tartarus.snowball.ext.DutchStemmer;
import org.tartarus.snowball.ext.FinnishStemmer;
import org.tartarus.snowball.ext.NorwegianStemmer;
import org.tartarus.snowball.ext.RussianStemmer;
import org.tartarus.snowball.ext.SwedishStemmer;

import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Stems words of one language. The {@code language} names are those of Elasticsearch's {@code stemmer} filter, and
 * each maps to the same Lucene filter that one uses ({@code english} is Porter, as in the built-in {@code english}
 * analyzer), so an index defined with either filter stems alike. Without a {@code language}: English, as that
 * filter.
 */
@NamedComponent("newsflow_stemmer")
public final class StemmerFilterFactory implements TokenFilterFactory {

    static final Map<String, UnaryOperator<TokenStream>> STEMMERS = Map.ofEntries(
            Map.entry("english", PorterStemFilter::new),
            Map.entry("light_french", FrenchLightStemFilter::new),
            Map.entry("light_german", GermanLightStemFilter::new),
            Map.entry("light_spanish", SpanishLightStemFilter::new),
            Map.entry("light_italian", ItalianLightStemFilter::new),
            Map.entry("light_portuguese", PortugueseLightStemFilter::new),
            // a Snowball stemmer keeps state: one per stream, never shared
            Map.entry("dutch", in -> new SnowballFilter(in, new DutchStemmer())),
            Map.entry("swedish", in -> new SnowballFilter(in, new SwedishStemmer())),
            Map.entry("danish", in -> new SnowballFilter(in, new DanishStemmer())),
            Map.entry("norwegian", in -> new SnowballFilter(in, new NorwegianStemmer())),
            Map.entry("finnish", in -> new SnowballFilter(in, new FinnishStemmer())),
            Map.entry("russian", in -> new SnowballFilter(in, new RussianStemmer())));

    private final UnaryOperator<TokenStream> stemmer;

    @Inject
    public StemmerFilterFactory(LanguageSettings settings) {
        this.stemmer = Languages.lookUp(STEMMERS, "newsflow_stemmer", settings, "english");
    }

    @Override
    public TokenStream create(TokenStream input) {
        return stemmer.apply(input);
    }
}
