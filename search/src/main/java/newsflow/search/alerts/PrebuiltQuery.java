package newsflow.search.alerts;

import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TwoPhaseIterator;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.StringHelper;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A translated query made ready, once, to be run on one article after another. Lucene would rewrite the query's
 * tree of bools and build its weights again for every article; on an index of one document a bool is plain logic
 * over its clauses, a term is whether the document has it and a prefix whether it has a term starting with it, so
 * those are decided here from the article's terms, cheapest clause first and no further than needed. Phrases and
 * phrase prefixes (positions) and any other query are run by Lucene, on the article alone.
 */
sealed interface PrebuiltQuery {

    boolean matches(Article article) throws IOException;

    static PrebuiltQuery of(Query query) {
        return switch (query) {
            case MatchAllDocsQuery ignored -> Constant.YES;
            case MatchNoDocsQuery ignored -> Constant.NO;
            case TermQuery t -> new HasTerm(t.getTerm().field(), BytesRef.deepCopyOf(t.getTerm().bytes()));
            case PrefixQuery p -> new HasPrefix(p.getPrefix().field(), BytesRef.deepCopyOf(p.getPrefix().bytes()));
            case BooleanQuery b -> bool(b);
            default -> new ByLucene(query);
        };
    }

    /**
     * Lucene's bool on one document: every MUST and FILTER clause, no MUST_NOT clause, and at least the minimum
     * of SHOULD clauses, or one of them when nothing is required; nothing at all with neither.
     */
    private static PrebuiltQuery bool(BooleanQuery b) {
        List<PrebuiltQuery> required = new ArrayList<>();
        List<PrebuiltQuery> optional = new ArrayList<>();
        List<PrebuiltQuery> prohibited = new ArrayList<>();
        for (BooleanClause c : b.clauses()) {
            PrebuiltQuery q = of(c.query());
            switch (c.occur()) {
                case MUST, FILTER -> required.add(q);
                case SHOULD -> optional.add(q);
                case MUST_NOT -> prohibited.add(q);
            }
        }
        int minOptional = required.isEmpty() ? Math.max(1, b.getMinimumNumberShouldMatch()) : b.getMinimumNumberShouldMatch();
        if (minOptional > optional.size()) {
            return Constant.NO; // pure negations, an empty bool, or more SHOULD clauses asked than there are
        }
        Comparator<PrebuiltQuery> cheapestFirst = Comparator.comparingInt(PrebuiltQuery::cost);
        required.sort(cheapestFirst);
        optional.sort(cheapestFirst);
        prohibited.sort(cheapestFirst);
        return new Bool(List.copyOf(required), List.copyOf(optional), minOptional, List.copyOf(prohibited));
    }

    /** How much deciding it costs, roughly: a look-up is cheap, Lucene is not. */
    private static int cost(PrebuiltQuery q) {
        return switch (q) {
            case Constant c -> 0;
            case HasTerm t -> 1;
            case HasPrefix p -> 2;
            case Bool b -> b.required().stream().mapToInt(PrebuiltQuery::cost).sum()
                    + b.optional().stream().mapToInt(PrebuiltQuery::cost).sum()
                    + b.prohibited().stream().mapToInt(PrebuiltQuery::cost).sum();
            case ByLucene l -> 50;
        };
    }

    enum Constant implements PrebuiltQuery {
        YES, NO;

        @Override
        public boolean matches(Article article) {
            return this == YES;
        }
    }

    record HasTerm(String field, BytesRef term) implements PrebuiltQuery {
        @Override
        public boolean matches(Article article) throws IOException {
            TermsEnum terms = article.terms(field);
            return terms != null && terms.seekExact(term);
        }
    }

    record HasPrefix(String field, BytesRef prefix) implements PrebuiltQuery {
        @Override
        public boolean matches(Article article) throws IOException {
            TermsEnum terms = article.terms(field);
            return terms != null && terms.seekCeil(prefix) != TermsEnum.SeekStatus.END
                    && StringHelper.startsWith(terms.term(), prefix);
        }
    }

    record Bool(List<PrebuiltQuery> required, List<PrebuiltQuery> optional, int minOptional,
                List<PrebuiltQuery> prohibited) implements PrebuiltQuery {
        @Override
        public boolean matches(Article article) throws IOException {
            for (PrebuiltQuery q : required) {
                if (!q.matches(article)) {
                    return false;
                }
            }
            for (PrebuiltQuery q : prohibited) {
                if (q.matches(article)) {
                    return false;
                }
            }
            int found = 0;
            for (int i = 0; i < optional.size() && found < minOptional; i++) {
                if (optional.get(i).matches(article)) {
                    found++;
                }
            }
            return found >= minOptional;
        }
    }

    /** A query whose meaning needs Lucene (positions): run on the article's one-document index. */
    record ByLucene(Query query) implements PrebuiltQuery {
        @Override
        public boolean matches(Article article) throws IOException {
            IndexSearcher searcher = article.searcher();
            Weight weight = searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE_NO_SCORES, 1);
            ScorerSupplier supplier = weight.scorerSupplier(article.leaf());
            if (supplier == null) {
                return false;
            }
            Scorer scorer = supplier.get(1);
            TwoPhaseIterator twoPhase = scorer.twoPhaseIterator();
            if (twoPhase == null) {
                return scorer.iterator().nextDoc() != DocIdSetIterator.NO_MORE_DOCS;
            }
            return twoPhase.approximation().nextDoc() != DocIdSetIterator.NO_MORE_DOCS && twoPhase.matches();
        }
    }

    /** One article's index, its terms enumerators kept across the queries run on it. */
    final class Article {
        private final IndexSearcher searcher;
        private final LeafReaderContext leaf;
        private final Map<String, TermsEnum> terms = new HashMap<>();

        Article(IndexSearcher searcher) {
            this.searcher = searcher;
            this.leaf = searcher.getIndexReader().leaves().getFirst();
        }

        IndexSearcher searcher() {
            return searcher;
        }

        LeafReaderContext leaf() {
            return leaf;
        }

        LeafReader reader() {
            return leaf.reader();
        }

        /** The field's terms, null when the article has none in it. */
        TermsEnum terms(String field) throws IOException {
            TermsEnum known = terms.get(field);
            if (known == null && !terms.containsKey(field)) {
                Terms t = leaf.reader().terms(field);
                known = t == null ? null : t.iterator();
                terms.put(field, known);
            }
            return known;
        }
    }
}
