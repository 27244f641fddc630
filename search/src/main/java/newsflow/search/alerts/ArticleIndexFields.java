package newsflow.search.alerts;

import newsflow.index.document.ArticleDocument;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.index.memory.MemoryIndex;

import java.util.List;

/**
 * One article as the index holds it, in a single-document Lucene index: the fields of {@code article-mapping.json}
 * that a query can reach, from the very {@link ArticleDocument} the index stage writes. Keyword fields keep their
 * exact value (dropped past the mapping's {@code ignore_above}, as Elasticsearch does) and, under {@code .lc}, the
 * value case-folded character by character, for the {@code case_insensitive} term queries of {@code source:},
 * {@code topic:} and {@code lang:} (Elasticsearch folds each character of the value to match them).
 */
final class ArticleIndexFields {

    static final String TITLE = "title";
    static final String DESCRIPTION = "description";
    static final String BODY = "body";
    static final String AUTHORS_TEXT = "authors.text";
    static final String AUTHORS = "authors";
    static final String SOURCE = "source";
    static final String TOPICS = "topics";
    static final String LANGUAGE = "language";
    static final String LOWER = ".lc";
    /** The mapping's {@code ignore_above} of {@code source} and {@code authors}. */
    static final int SOURCE_IGNORE_ABOVE = 512;
    static final int AUTHORS_IGNORE_ABOVE = 256;

    private static final Analyzer KEYWORD = new KeywordAnalyzer();

    private ArticleIndexFields() {
    }

    static MemoryIndex of(ArticleDocument doc, TextAnalysis analysis) {
        MemoryIndex index = new MemoryIndex();
        text(index, TITLE, doc.title(), analysis.text());
        text(index, DESCRIPTION, doc.description(), analysis.text());
        text(index, BODY, doc.body(), analysis.text());
        for (String author : doc.authors()) {
            text(index, AUTHORS_TEXT, author, analysis.standard());
            keyword(index, AUTHORS, author, AUTHORS_IGNORE_ABOVE, false);
        }
        keyword(index, SOURCE, doc.source(), SOURCE_IGNORE_ABOVE, true);
        for (String topic : doc.topics()) {
            keyword(index, TOPICS, topic, Integer.MAX_VALUE, true);
        }
        keyword(index, LANGUAGE, doc.language(), Integer.MAX_VALUE, true);
        return index;
    }

    private static void text(MemoryIndex index, String field, String value, Analyzer analyzer) {
        if (value != null) {
            index.addField(field, value, analyzer);
        }
    }

    private static void keyword(MemoryIndex index, String field, String value, int ignoreAbove, boolean lowerToo) {
        if (value == null || value.length() > ignoreAbove) {
            return;
        }
        index.addField(field, value, KEYWORD);
        if (lowerToo) {
            index.addField(field + LOWER, fold(value), KEYWORD);
        }
    }

    /** Simple case folding, one character at a time ({@code Σ}, {@code σ} and {@code ς} all fold alike). */
    static String fold(String s) {
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().map(cp -> Character.toLowerCase(Character.toUpperCase(cp))).forEach(b::appendCodePoint);
        return b.toString();
    }

    static List<String> textFieldsOf(String base) {
        return base == null ? List.of(TITLE, DESCRIPTION, BODY) : List.of(base);
    }
}
