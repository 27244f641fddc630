package newsflow.search.query;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch._types.query_dsl.TextQueryType;
import co.elastic.clients.elasticsearch._types.query_dsl.ZeroTermsQuery;
import newsflow.index.document.TextFields;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The one place a {@link QueryNode} and {@link Filters} become an Elasticsearch query. Field names are those of
 * {@code index/MAPPING.md}.
 *
 * <p>Text fields ({@link Field#ANY}, {@code title:}, {@code body:}) are matched through their analyzer, so
 * stemming and case folding apply as at index time, the English fields' and the article language's
 * ({@link #TEXT_FIELDS}); a word the analyzer drops entirely (a stop word) matches
 * everything rather than nothing. Keyword fields ({@code source:}, {@code topic:}, {@code lang:}) match the whole
 * value, case aside. {@code author:} matches words of the name.
 */
public final class QueryTranslator {

    /**
     * The English text fields, with boosts: a word in the title says more than one in the body. {@code title:} and
     * {@code body:} use the entries of this list whose field (before any {@code .sub-field} and {@code ^boost}) is
     * {@code title} or {@code body}, so a sub-field added here is searched by them too.
     */
    static final List<String> ENGLISH_TEXT_FIELDS = List.of("title^3", "description^2", "body");
    /**
     * Fields free text is matched against: the English ones, then the same fields of every language with fields of
     * its own ({@link TextFields}), same boosts. Each field analyses the words with its own analyzer, so an article
     * is found by its own language's stemming; it has text in its own language's fields only.
     */
    public static final List<String> TEXT_FIELDS = TextFields.withLanguageFields(ENGLISH_TEXT_FIELDS);
    /** Index terms one prefix word ({@code wat*}) expands to, at most, per field. */
    static final int PREFIX_EXPANSIONS = 50;

    private static final String AUTHOR_TEXT = "authors.text";

    private QueryTranslator() {
    }

    /** The query within the filters; a null query means everything in the filters. */
    public static Query toEsQuery(QueryNode query, Filters filters) {
        List<Query> filterQueries = filterQueries(filters);
        if (filterQueries.isEmpty()) {
            return toEsQuery(query);
        }
        Query main = toEsQuery(query);
        return Query.of(q -> q.bool(b -> b.must(main).filter(filterQueries)));
    }

    /** The scope's query within its filters. */
    public static Query toEsQuery(SearchScope scope) {
        return toEsQuery(scope.query(), scope.filters());
    }

    /** Everything in the filters, whatever the query: the "total in the same scope" a share is computed against. */
    public static Query filtersOnly(Filters filters) {
        return toEsQuery(null, filters);
    }

    /** The query alone; a null query matches everything. */
    public static Query toEsQuery(QueryNode query) {
        if (query == null) {
            return Query.of(q -> q.matchAll(m -> m));
        }
        return switch (query) {
            case QueryNode.Term t -> term(t.field(), t.text());
            case QueryNode.Phrase p -> phrase(p.field(), p.text());
            case QueryNode.Prefix p -> prefix(p.field(), p.prefix());
            case QueryNode.And and -> and(and.clauses());
            case QueryNode.Or or -> {
                List<Query> should = or.clauses().stream().map(QueryTranslator::toEsQuery).toList();
                yield Query.of(q -> q.bool(b -> b.should(should).minimumShouldMatch("1")));
            }
            case QueryNode.Not not -> Query.of(q -> q.bool(b -> b.mustNot(toEsQuery(not.clause()))));
        };
    }

    /** Negated clauses become must_not of the same bool rather than a bool each. */
    private static Query and(List<QueryNode> clauses) {
        BoolQuery.Builder b = new BoolQuery.Builder();
        for (QueryNode c : clauses) {
            if (c instanceof QueryNode.Not not) {
                b.mustNot(toEsQuery(not.clause()));
            } else {
                b.must(toEsQuery(c));
            }
        }
        return Query.of(q -> q.bool(b.build()));
    }

    private static Query term(Field field, String text) {
        return switch (field) {
            case ANY, TITLE, BODY -> Query.of(q -> q.multiMatch(m -> m
                    .query(text).fields(textFields(field)).type(TextQueryType.BestFields)
                    // "e-mail" is two words: both must be there
                    .operator(Operator.And).zeroTermsQuery(ZeroTermsQuery.All)));
            case AUTHOR -> Query.of(q -> q.match(m -> m.field(AUTHOR_TEXT).query(text).operator(Operator.And)
                    .zeroTermsQuery(ZeroTermsQuery.All)));
            case SOURCE, TOPIC, LANG -> keyword(field, text);
        };
    }

    private static Query phrase(Field field, String text) {
        return switch (field) {
            case ANY, TITLE, BODY -> Query.of(q -> q.multiMatch(m -> m
                    .query(text).fields(textFields(field)).type(TextQueryType.Phrase).zeroTermsQuery(ZeroTermsQuery.All)));
            case AUTHOR -> Query.of(q -> q.matchPhrase(m -> m.field(AUTHOR_TEXT).query(text).zeroTermsQuery(ZeroTermsQuery.All)));
            case SOURCE, TOPIC, LANG -> keyword(field, text);
        };
    }

    /** Through the analyzer (phrase_prefix) so the prefix is folded and stemmed like the indexed words. */
    private static Query prefix(Field field, String prefix) {
        return switch (field) {
            case ANY, TITLE, BODY -> Query.of(q -> q.multiMatch(m -> m
                    .query(prefix).fields(textFields(field)).type(TextQueryType.PhrasePrefix).maxExpansions(PREFIX_EXPANSIONS)));
            case AUTHOR -> Query.of(q -> q.matchPhrasePrefix(m -> m.field(AUTHOR_TEXT).query(prefix).maxExpansions(PREFIX_EXPANSIONS)));
            case SOURCE, TOPIC, LANG -> Query.of(q -> q.prefix(p -> p.field(keywordField(field))
                    .value(keywordValue(field, prefix)).caseInsensitive(true)));
        };
    }

    private static Query keyword(Field field, String value) {
        if (field == Field.TOPIC && TopicFilter.isIptcCode(value)) {
            return TopicFilter.of(value);
        }
        return Query.of(q -> q.term(t -> t.field(keywordField(field)).value(keywordValue(field, value)).caseInsensitive(true)));
    }

    private static String keywordValue(Field field, String value) {
        return field == Field.LANG ? value.toLowerCase(Locale.ROOT) : value;
    }

    private static String keywordField(Field field) {
        return switch (field) {
            case SOURCE -> "source";
            case TOPIC -> "topics";
            case LANG -> "language";
            default -> throw new IllegalArgumentException(field + " is not a keyword field");
        };
    }

    /** The entries of {@link #TEXT_FIELDS} a field stands for: {@code title:} the English and every language's title. */
    static List<String> textFields(Field field) {
        if (field == Field.ANY) {
            return TEXT_FIELDS;
        }
        String base = field == Field.TITLE ? "title" : "body";
        return TextFields.withLanguageFields(ENGLISH_TEXT_FIELDS.stream().filter(f -> f.split("[.^]", 2)[0].equals(base)).toList());
    }

    private static List<Query> filterQueries(Filters filters) {
        List<Query> out = new ArrayList<>();
        if (filters.topics().stream().noneMatch(TopicFilter::isIptcCode)) {
            anyOf(out, "topics", filters.topics());
        } else {
            // an IPTC code stands for that topic and those below it; any other value is a name in any taxonomy
            List<Query> topics = filters.topics().stream().map(TopicFilter::of).toList();
            out.add(topics.size() == 1 ? topics.getFirst()
                    : Query.of(q -> q.bool(b -> b.should(topics).minimumShouldMatch("1"))));
        }
        anyOf(out, "source", filters.sources());
        anyOf(out, "language", filters.langs());
        anyOf(out, "authors", filters.authors());
        if (filters.from() != null || filters.to() != null) {
            out.add(Query.of(q -> q.range(r -> r.date(d -> {
                d.field("published");
                if (filters.from() != null) {
                    d.gte(filters.from().toString());
                }
                if (filters.to() != null) {
                    d.lt(filters.to().toString());
                }
                return d;
            }))));
        }
        return out;
    }

    private static void anyOf(List<Query> out, String field, List<String> values) {
        if (values.isEmpty()) {
            return;
        }
        if (values.size() == 1) {
            out.add(Query.of(q -> q.term(t -> t.field(field).value(values.getFirst()))));
            return;
        }
        List<FieldValue> terms = values.stream().map(FieldValue::of).toList();
        out.add(Query.of(q -> q.terms(t -> t.field(field).terms(tf -> tf.value(terms)))));
    }
}
