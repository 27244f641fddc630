package newsflow.search.alerts;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.AnalyzerWrapper;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The analyzers of the article index, rebuilt in-process: the mapping's {@code newsflow_text} (title, description,
 * body) is Elasticsearch's {@code english} or {@code standard} analyzer, whichever the node offered when the index
 * was made, and {@code authors.text} uses {@code standard}. Elasticsearch builds both from the same Lucene classes
 * (with no stop words for {@code standard}, the English list for {@code english}); like Elasticsearch's text fields
 * they leave a gap of {@value #POSITION_GAP} positions between two values of one field, so a phrase never spans
 * two authors.
 *
 * @param name the Elasticsearch analyzer {@code newsflow_text} stands for
 */
record TextAnalysis(String name, Analyzer text, Analyzer standard) {

    /** Elasticsearch's {@code position_increment_gap} of text fields. */
    static final int POSITION_GAP = 100;
    /** Words whose analysis tells the two apart: only {@code english} stems them and drops "the". */
    static final String PROBE = "The running cats";

    static TextAnalysis englishAnalysis() {
        return new TextAnalysis("english", gapped(new EnglishAnalyzer()), gapped(new StandardAnalyzer()));
    }

    static TextAnalysis standardAnalysis() {
        return new TextAnalysis("standard", gapped(new StandardAnalyzer()), gapped(new StandardAnalyzer()));
    }

    /** The analysis whose tokens for {@link #PROBE} are {@code tokens} (the index's answer); empty when neither's are. */
    static Optional<TextAnalysis> answering(List<String> tokens) {
        for (TextAnalysis a : List.of(englishAnalysis(), standardAnalysis())) {
            if (a.terms(a.text(), "title", PROBE).equals(tokens)) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    /** A token and its position (stop words leave gaps). */
    record Token(String term, int position) {
    }

    List<Token> tokens(Analyzer analyzer, String field, String text) {
        List<Token> out = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
            ts.reset();
            int position = -1;
            while (ts.incrementToken()) {
                position += inc.getPositionIncrement();
                out.add(new Token(term.toString(), position));
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException("analysing a string cannot fail", e);
        }
        return out;
    }

    List<String> terms(Analyzer analyzer, String field, String text) {
        return tokens(analyzer, field, text).stream().map(Token::term).toList();
    }

    private static Analyzer gapped(Analyzer analyzer) {
        return new AnalyzerWrapper(analyzer.getReuseStrategy()) {
            @Override
            protected Analyzer getWrappedAnalyzer(String fieldName) {
                return analyzer;
            }

            @Override
            public int getPositionIncrementGap(String fieldName) {
                return POSITION_GAP;
            }
        };
    }
}
