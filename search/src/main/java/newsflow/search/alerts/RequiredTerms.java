package newsflow.search.alerts;

import org.apache.lucene.index.Term;
import org.apache.lucene.queries.spans.SpanMultiTermQueryWrapper;
import org.apache.lucene.queries.spans.SpanNearQuery;
import org.apache.lucene.queries.spans.SpanQuery;
import org.apache.lucene.queries.spans.SpanTermQuery;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a document must contain for a query to match it, ignoring positions and negations: groups of terms, each
 * group a set of alternatives, every group needed (a conjunction of disjunctions). A document without one term of
 * some group cannot match the query, so the matcher need not run it there; a document with them may still not
 * match (a phrase's words apart, a NOT clause), which running the query decides.
 * <p>
 * Worked out from the Lucene query {@link LuceneQueries} builds, so it follows whatever that query means: terms and
 * phrases need their terms, a prefix needs a term that starts with it, a bool needs its MUST and FILTER clauses and
 * one of its SHOULD clauses (when they are required), MUST_NOT clauses need nothing, and everything else, match-all
 * included, needs nothing (an unknown query is thus always run, never wrongly skipped).
 *
 * @param groups each a set of alternatives; no group: the query may match any document (it is always run)
 * @param never  the query matches no document at all (a phrase prefix the analyzer left no word of)
 */
record RequiredTerms(List<Set<Atom>> groups, boolean never) {

    /** A term of a field, or (prefix) any term of it that starts with these bytes. */
    record Atom(String field, BytesRef bytes, boolean prefix) {
    }

    static final RequiredTerms ANYTHING = new RequiredTerms(List.of(), false);
    static final RequiredTerms NOTHING = new RequiredTerms(List.of(), true);

    static RequiredTerms of(Query query) {
        return switch (query) {
            case TermQuery t -> one(term(t.getTerm(), false));
            case PrefixQuery p -> one(term(p.getPrefix(), true));
            case PhraseQuery p -> all(List.of(p.getTerms()).stream().map(t -> one(term(t, false))).toList());
            case SpanNearQuery near -> all(List.of(near.getClauses()).stream().map(RequiredTerms::span).toList());
            case SpanQuery span -> span(span);
            case BooleanQuery b -> bool(b);
            case MatchNoDocsQuery ignored -> NOTHING;
            case MatchAllDocsQuery ignored -> ANYTHING;
            default -> ANYTHING;
        };
    }

    private static RequiredTerms span(SpanQuery span) {
        return switch (span) {
            case SpanTermQuery t -> one(term(t.getTerm(), false));
            case SpanMultiTermQueryWrapper<?> w -> of(w.getWrappedQuery());
            case SpanNearQuery near -> of(near);
            default -> ANYTHING; // a gap, or a span query the translation does not make
        };
    }

    private static RequiredTerms bool(BooleanQuery b) {
        List<RequiredTerms> required = new ArrayList<>();
        List<RequiredTerms> optional = new ArrayList<>();
        for (BooleanClause c : b.clauses()) {
            if (c.occur() == Occur.MUST || c.occur() == Occur.FILTER) {
                required.add(of(c.query()));
            } else if (c.occur() == Occur.SHOULD) {
                optional.add(of(c.query()));
            }
        }
        if (required.isEmpty() && optional.isEmpty()) {
            return NOTHING; // only MUST_NOT clauses: Lucene matches nothing
        }
        // SHOULD clauses are needed (one of them) when nothing else is, or when the query says so
        if (!optional.isEmpty() && (required.isEmpty() || b.getMinimumNumberShouldMatch() > 0)) {
            required.add(any(optional));
        }
        return all(required);
    }

    private static Atom term(Term t, boolean prefix) {
        return new Atom(t.field(), BytesRef.deepCopyOf(t.bytes()), prefix);
    }

    private static RequiredTerms one(Atom atom) {
        return new RequiredTerms(List.of(Set.of(atom)), false);
    }

    /** Every part: all their groups. */
    private static RequiredTerms all(List<RequiredTerms> parts) {
        List<Set<Atom>> groups = new ArrayList<>();
        for (RequiredTerms p : parts) {
            if (p.never) {
                return NOTHING;
            }
            groups.addAll(p.groups);
        }
        return new RequiredTerms(List.copyOf(groups), false);
    }

    /**
     * One of the parts: its k-th group is the union of each part's k-th group (any one group of each part is
     * needed by that part, so one of them is needed by the whole), for as many groups as every part has.
     */
    private static RequiredTerms any(List<RequiredTerms> parts) {
        List<RequiredTerms> possible = parts.stream().filter(p -> !p.never).toList();
        if (possible.isEmpty()) {
            return NOTHING;
        }
        int k = possible.stream().mapToInt(p -> p.groups.size()).min().orElseThrow();
        List<Set<Atom>> groups = new ArrayList<>(k);
        for (int i = 0; i < k; i++) {
            Set<Atom> union = new LinkedHashSet<>();
            for (RequiredTerms p : possible) {
                union.addAll(p.groups.get(i));
            }
            groups.add(Set.copyOf(union));
        }
        return new RequiredTerms(List.copyOf(groups), false);
    }
}
