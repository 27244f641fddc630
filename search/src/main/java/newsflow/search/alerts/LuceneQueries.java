package newsflow.search.alerts;

import newsflow.index.document.TextFields;
import newsflow.search.query.Field;
import newsflow.search.query.QueryNode;
import newsflow.search.saved.SavedFilters;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.spans.SpanMultiTermQueryWrapper;
import org.apache.lucene.queries.spans.SpanNearQuery;
import org.apache.lucene.queries.spans.SpanTermQuery;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static newsflow.search.alerts.ArticleIndexFields.AUTHORS;
import static newsflow.search.alerts.ArticleIndexFields.AUTHORS_TEXT;
import static newsflow.search.alerts.ArticleIndexFields.LANGUAGE;
import static newsflow.search.alerts.ArticleIndexFields.LOWER;
import static newsflow.search.alerts.ArticleIndexFields.SOURCE;
import static newsflow.search.alerts.ArticleIndexFields.TOPICS;

/**
 * A parsed query and a saved search's filters as a Lucene query over {@link ArticleIndexFields}, with the meaning
 * {@code QueryTranslator} gives them in Elasticsearch, clause for clause:
 * <ul>
 *   <li>a word on text fields (the English ones and every language's) is {@code multi_match} best_fields with
 *   operator AND: in some field, every token the field's analyzer makes of it; a word the analyzer drops entirely matches everything ({@code zero_terms_query
 *   all});</li>
 *   <li>a phrase is the field's tokens at their positions (stop words leave their gap), in some field;</li>
 *   <li>a prefix is {@code phrase_prefix}: the analysed words, the last one as a prefix; nothing when the analyzer
 *   leaves no word. Elasticsearch expands the prefix to at most 50 terms of the whole index, so on a large index a
 *   rare word may be missed by search that matching here finds: here the one article's terms are all there is;</li>
 *   <li>{@code source:}, {@code topic:}, {@code lang:} are case-insensitive exact values, {@code author:} words of
 *   the name;</li>
 *   <li>AND, OR and NOT as bool must, should (at least one) and must_not, a bool of only must_not clauses matching
 *   everything else;</li>
 *   <li>filters are exact (case-sensitive) terms, any value of a list, every list.</li>
 * </ul>
 */
final class LuceneQueries {

    private static final List<String> ENGLISH_FIELDS = List.of(ArticleIndexFields.TITLE, ArticleIndexFields.DESCRIPTION,
            ArticleIndexFields.BODY);

    private final TextAnalysis analysis;
    /** The text fields the articles this translation is for can have; null: any. */
    private final Set<String> reached;

    LuceneQueries(TextAnalysis analysis) {
        this(analysis, null);
    }

    private LuceneQueries(TextAnalysis analysis, Set<String> reached) {
        this.analysis = analysis;
        this.reached = reached;
    }

    /**
     * The translation for articles with text in the English fields and these languages' only ({@code i18n} keys;
     * an article has one at most): a word's clause on another language's field could only match nothing there,
     * unless that language's analyzer drops the word entirely (which matches everything), so every other clause
     * on those fields is left out. Same matches on such an article, a tenth of the clauses.
     */
    LuceneQueries forLanguages(Set<String> languages) {
        Set<String> fields = new HashSet<>(ENGLISH_FIELDS);
        for (String key : languages) {
            ENGLISH_FIELDS.forEach(base -> fields.add(TextFields.languageField(key, base)));
        }
        return new LuceneQueries(analysis, Set.copyOf(fields));
    }

    /** The query within the filters; a null query is everything within them. */
    Query toLucene(QueryNode query, SavedFilters filters) {
        BooleanQuery.Builder b = new BooleanQuery.Builder().add(toLucene(query), Occur.MUST);
        anyOf(b, TOPICS, filters.topic());
        anyOf(b, SOURCE, filters.source());
        anyOf(b, LANGUAGE, filters.lang());
        anyOf(b, AUTHORS, filters.author());
        return b.build();
    }

    Query toLucene(QueryNode query) {
        if (query == null) {
            return new MatchAllDocsQuery();
        }
        return switch (query) {
            case QueryNode.Term t -> term(t.field(), t.text());
            case QueryNode.Phrase p -> phrase(p.field(), p.text());
            case QueryNode.Prefix p -> prefix(p.field(), p.prefix());
            case QueryNode.And and -> and(and.clauses());
            case QueryNode.Or or -> {
                BooleanQuery.Builder b = new BooleanQuery.Builder().setMinimumNumberShouldMatch(1);
                or.clauses().forEach(c -> b.add(toLucene(c), Occur.SHOULD));
                yield b.build();
            }
            case QueryNode.Not not -> new BooleanQuery.Builder()
                    .add(new MatchAllDocsQuery(), Occur.MUST).add(toLucene(not.clause()), Occur.MUST_NOT).build();
        };
    }

    private Query and(List<QueryNode> clauses) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        boolean positive = false;
        for (QueryNode c : clauses) {
            if (c instanceof QueryNode.Not not) {
                b.add(toLucene(not.clause()), Occur.MUST_NOT);
            } else {
                b.add(toLucene(c), Occur.MUST);
                positive = true;
            }
        }
        if (!positive) {
            b.add(new MatchAllDocsQuery(), Occur.MUST); // Elasticsearch's bool of must_not alone: everything else
        }
        return b.build();
    }

    private Query term(Field field, String text) {
        return switch (field) {
            case ANY, TITLE, BODY -> anyField(textFields(field), f -> allTokens(f, analysis.forField(f), text));
            case AUTHOR -> allTokens(AUTHORS_TEXT, analysis.standard(), text);
            case SOURCE, TOPIC, LANG -> new TermQuery(new Term(keywordField(field) + LOWER, keywordValue(field, text)));
        };
    }

    private Query phrase(Field field, String text) {
        return switch (field) {
            case ANY, TITLE, BODY -> anyField(textFields(field), f -> phrase(f, analysis.forField(f), text));
            case AUTHOR -> phrase(AUTHORS_TEXT, analysis.standard(), text);
            case SOURCE, TOPIC, LANG -> new TermQuery(new Term(keywordField(field) + LOWER, keywordValue(field, text)));
        };
    }

    private Query prefix(Field field, String prefix) {
        return switch (field) {
            case ANY, TITLE, BODY -> anyField(textFields(field), f -> phrasePrefix(f, analysis.forField(f), prefix));
            case AUTHOR -> phrasePrefix(AUTHORS_TEXT, analysis.standard(), prefix);
            case SOURCE, TOPIC, LANG -> new PrefixQuery(new Term(keywordField(field) + LOWER, keywordValue(field, prefix)));
        };
    }

    private interface PerField {
        Query on(String field);
    }

    /** Best fields: a match in any one field is a match (scores aside, which an alert does not need). */
    private Query anyField(List<String> fields, PerField perField) {
        List<Query> clauses = new ArrayList<>(fields.size());
        for (String f : fields) {
            Query q = perField.on(f);
            if (reached == null || reached.contains(f) || q instanceof MatchAllDocsQuery) {
                clauses.add(q);
            }
        }
        if (clauses.isEmpty()) {
            return new MatchNoDocsQuery("none of the fields is in the article");
        }
        if (clauses.size() == 1) {
            return clauses.getFirst();
        }
        BooleanQuery.Builder b = new BooleanQuery.Builder().setMinimumNumberShouldMatch(1);
        clauses.forEach(q -> b.add(q, Occur.SHOULD));
        return b.build();
    }

    private Query allTokens(String field, Analyzer analyzer, String text) {
        List<TextAnalysis.Token> tokens = analysis.tokens(analyzer, field, text);
        if (tokens.isEmpty()) {
            return new MatchAllDocsQuery();
        }
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        tokens.forEach(t -> b.add(new TermQuery(new Term(field, t.term())), Occur.MUST));
        return b.build();
    }

    private Query phrase(String field, Analyzer analyzer, String text) {
        List<TextAnalysis.Token> tokens = analysis.tokens(analyzer, field, text);
        if (tokens.isEmpty()) {
            return new MatchAllDocsQuery();
        }
        if (tokens.size() == 1) {
            return new TermQuery(new Term(field, tokens.getFirst().term()));
        }
        PhraseQuery.Builder b = new PhraseQuery.Builder();
        tokens.forEach(t -> b.add(new Term(field, t.term()), t.position()));
        return b.build();
    }

    private Query phrasePrefix(String field, Analyzer analyzer, String text) {
        List<TextAnalysis.Token> tokens = analysis.tokens(analyzer, field, text);
        if (tokens.isEmpty()) {
            return new MatchNoDocsQuery("the analyzer leaves no word of '" + text + "'");
        }
        TextAnalysis.Token last = tokens.getLast();
        PrefixQuery prefix = new PrefixQuery(new Term(field, last.term()));
        if (tokens.size() == 1) {
            return prefix;
        }
        SpanNearQuery.Builder b = SpanNearQuery.newOrderedNearQuery(field).setSlop(0);
        int position = tokens.getFirst().position();
        for (TextAnalysis.Token t : tokens) {
            if (t.position() > position) {
                b.addGap(t.position() - position);
            }
            position = t.position() + 1;
            b.addClause(t == last ? new SpanMultiTermQueryWrapper<>(prefix) : new SpanTermQuery(new Term(field, t.term())));
        }
        return b.build();
    }

    private List<String> textFields(Field field) {
        return ArticleIndexFields.textFieldsOf(switch (field) {
            case TITLE -> ArticleIndexFields.TITLE;
            case BODY -> ArticleIndexFields.BODY;
            default -> null;
        }, analysis);
    }

    private static String keywordField(Field field) {
        return switch (field) {
            case SOURCE -> SOURCE;
            case TOPIC -> TOPICS;
            case LANG -> LANGUAGE;
            default -> throw new IllegalArgumentException(field + " is not a keyword field");
        };
    }

    private static String keywordValue(Field field, String value) {
        return ArticleIndexFields.fold(field == Field.LANG ? value.toLowerCase(Locale.ROOT) : value);
    }

    private static void anyOf(BooleanQuery.Builder b, String field, List<String> values) {
        if (values.isEmpty()) {
            return;
        }
        List<Query> terms = new ArrayList<>();
        values.forEach(v -> terms.add(new TermQuery(new Term(field, v))));
        BooleanQuery.Builder any = new BooleanQuery.Builder().setMinimumNumberShouldMatch(1);
        terms.forEach(t -> any.add(t, Occur.SHOULD));
        b.add(any.build(), Occur.FILTER);
    }
}
