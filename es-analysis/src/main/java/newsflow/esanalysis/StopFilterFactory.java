package newsflow.esanalysis;

import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.da.DanishAnalyzer;
import org.apache.lucene.analysis.de.GermanAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.es.SpanishAnalyzer;
import org.apache.lucene.analysis.fi.FinnishAnalyzer;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.it.ItalianAnalyzer;
import org.apache.lucene.analysis.nl.DutchAnalyzer;
import org.apache.lucene.analysis.no.NorwegianAnalyzer;
import org.apache.lucene.analysis.pt.PortugueseAnalyzer;
import org.apache.lucene.analysis.ru.RussianAnalyzer;
import org.apache.lucene.analysis.sv.SwedishAnalyzer;
import org.elasticsearch.plugin.Inject;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;

import java.util.Map;

/**
 * Removes a language's stop words: Lucene's default list for that language, the one Elasticsearch's
 * {@code stop} filter uses for {@code _<language>_} and its built-in language analyzers use. Without a
 * {@code language}: English, as that filter.
 */
@NamedComponent("newsflow_stop")
public final class StopFilterFactory implements TokenFilterFactory {

    static final Map<String, CharArraySet> STOP_WORDS = Map.ofEntries(
            Map.entry("english", EnglishAnalyzer.ENGLISH_STOP_WORDS_SET),
            Map.entry("french", FrenchAnalyzer.getDefaultStopSet()),
            Map.entry("german", GermanAnalyzer.getDefaultStopSet()),
            Map.entry("spanish", SpanishAnalyzer.getDefaultStopSet()),
            Map.entry("italian", ItalianAnalyzer.getDefaultStopSet()),
            Map.entry("portuguese", PortugueseAnalyzer.getDefaultStopSet()),
            Map.entry("dutch", DutchAnalyzer.getDefaultStopSet()),
            Map.entry("swedish", SwedishAnalyzer.getDefaultStopSet()),
            Map.entry("danish", DanishAnalyzer.getDefaultStopSet()),
            Map.entry("norwegian", NorwegianAnalyzer.getDefaultStopSet()),
            Map.entry("finnish", FinnishAnalyzer.getDefaultStopSet()),
            Map.entry("russian", RussianAnalyzer.getDefaultStopSet()));

    private final CharArraySet stopWords;

    @Inject
    public StopFilterFactory(LanguageSettings settings) {
        this.stopWords = Languages.lookUp(STOP_WORDS, "newsflow_stop", settings, "english");
    }

    @Override
    public TokenStream create(TokenStream input) {
        return new StopFilter(input, stopWords);
    }
}
