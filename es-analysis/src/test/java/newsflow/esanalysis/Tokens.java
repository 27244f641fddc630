package newsflow.esanalysis;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** Test helpers: a chain of plugin filters as an analyzer, and the tokens an analyzer makes of a text. */
final class Tokens {

    private Tokens() {
    }

    /** The standard tokenizer followed by {@code filters}, as a custom analyzer on the node is built. */
    static Analyzer chain(TokenFilterFactory... filters) {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer tokenizer = new StandardTokenizer();
                TokenStream stream = tokenizer;
                for (TokenFilterFactory filter : filters) {
                    stream = filter.create(stream);
                }
                return new TokenStreamComponents(tokenizer, stream);
            }
        };
    }

    /** Each token as {@code term@position}: a removed stop word leaves a gap in the positions, as it must. */
    static List<String> of(Analyzer analyzer, String text) {
        List<String> tokens = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream("f", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
            stream.reset();
            int position = -1;
            while (stream.incrementToken()) {
                position += increment.getPositionIncrement();
                tokens.add(term + "@" + position);
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tokens;
    }

    /** {@code tokens} with each term folded to ASCII, as a last {@code asciifolding} filter would. */
    static List<String> folded(List<String> tokens) {
        return tokens.stream().map(t -> {
            char[] in = t.toCharArray();
            char[] out = new char[in.length * 4];
            int length = ASCIIFoldingFilter.foldToASCII(in, 0, out, 0, in.length);
            return new String(out, 0, length);
        }).toList();
    }
}
