package newsflow.search.alerts;

import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.FixedBitSet;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The saved searches worth running on an article: those whose {@link RequiredTerms} the article has, every group
 * of them (the idea of Lucene's monitor module, on the queries {@link LuceneQueries} makes). The required terms of
 * every query are indexed once by field and term (and by field and prefix), so an article costs one look-up per
 * distinct term of it, whatever the number of saved searches; a query without required terms is always a
 * candidate. A candidate may still not match: the matcher runs its query.
 */
final class Presearcher {

    /** Per field, what its terms (exactly, or by a prefix of them) mark. */
    private record FieldIndex(Map<BytesRef, int[]> terms, Map<BytesRef, int[]> prefixes, int[] prefixLengths) {
    }

    private final int queries;
    /** Query {@code q}'s groups are the ids {@code firstGroup[q]} up to {@code firstGroup[q + 1]}. */
    private final int[] firstGroup;
    private final FixedBitSet always;
    private final boolean[] never;
    private final Map<String, FieldIndex> fields;

    /** @param required of each query, in the order the matcher numbers them */
    Presearcher(List<RequiredTerms> required) {
        this.queries = required.size();
        this.firstGroup = new int[queries + 1];
        this.always = new FixedBitSet(Math.max(1, queries));
        this.never = new boolean[queries];
        Map<String, Map<BytesRef, List<Integer>>> terms = new HashMap<>();
        Map<String, Map<BytesRef, List<Integer>>> prefixes = new HashMap<>();
        int group = 0;
        for (int q = 0; q < queries; q++) {
            firstGroup[q] = group;
            RequiredTerms r = required.get(q);
            never[q] = r.never();
            if (!r.never() && r.groups().isEmpty()) {
                always.set(q);
            }
            if (!r.never()) {
                for (Set<RequiredTerms.Atom> alternatives : r.groups()) {
                    for (RequiredTerms.Atom a : alternatives) {
                        (a.prefix() ? prefixes : terms).computeIfAbsent(a.field(), f -> new HashMap<>())
                                .computeIfAbsent(a.bytes(), t -> new ArrayList<>()).add(group);
                    }
                    group++;
                }
            }
        }
        firstGroup[queries] = group;
        Map<String, FieldIndex> byField = new HashMap<>();
        Set<String> names = new TreeSet<>(terms.keySet());
        names.addAll(prefixes.keySet());
        for (String field : names) {
            Map<BytesRef, int[]> p = ids(prefixes.getOrDefault(field, Map.of()));
            int[] lengths = p.keySet().stream().mapToInt(b -> b.length).distinct().sorted().toArray();
            byField.put(field, new FieldIndex(ids(terms.getOrDefault(field, Map.of())), p, lengths));
        }
        this.fields = Map.copyOf(byField);
    }

    private static Map<BytesRef, int[]> ids(Map<BytesRef, List<Integer>> lists) {
        Map<BytesRef, int[]> out = new HashMap<>(lists.size() * 2);
        lists.forEach((term, groups) -> out.put(term, groups.stream().mapToInt(Integer::intValue).toArray()));
        return out;
    }

    /** The queries (by number) that {@code article}, a one-document index, may match. */
    FixedBitSet candidates(LeafReader article) throws IOException {
        FixedBitSet seen = new FixedBitSet(Math.max(1, firstGroup[queries]));
        BytesRef scratch = new BytesRef();
        for (FieldInfo info : article.getFieldInfos()) {
            FieldIndex index = fields.get(info.name);
            Terms terms = index == null ? null : article.terms(info.name);
            if (terms == null) {
                continue;
            }
            TermsEnum te = terms.iterator();
            for (BytesRef term = te.next(); term != null; term = te.next()) {
                mark(index.terms().get(term), seen);
                scratch.bytes = term.bytes;
                scratch.offset = term.offset;
                for (int length : index.prefixLengths()) {
                    if (length > term.length) {
                        break;
                    }
                    scratch.length = length;
                    mark(index.prefixes().get(scratch), seen);
                }
            }
        }
        FixedBitSet out = always.clone();
        for (int q = 0; q < queries; q++) {
            if (!never[q] && firstGroup[q] < firstGroup[q + 1] && everySeen(seen, firstGroup[q], firstGroup[q + 1])) {
                out.set(q);
            }
        }
        return out;
    }

    private static void mark(int[] groups, FixedBitSet seen) {
        if (groups != null) {
            for (int g : groups) {
                seen.set(g);
            }
        }
    }

    private static boolean everySeen(FixedBitSet seen, int from, int to) {
        for (int g = from; g < to; g++) {
            if (!seen.get(g)) {
                return false;
            }
        }
        return true;
    }
}
