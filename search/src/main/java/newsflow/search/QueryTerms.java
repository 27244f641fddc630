package newsflow.search;

import newsflow.common.config.SearchConfig;

/**
 * The words of a free-text query as Elasticsearch will see them, counted to keep costly queries out.
 *
 * @param terms         runs of letters and digits (the standard analyzer splits on everything else)
 * @param wildcardTerms words ending in {@code *} (prefix) or followed by {@code ~} outside a phrase (fuzzy):
 *                      each expands to many index terms
 */
record QueryTerms(int terms, int wildcardTerms) {

    static QueryTerms of(String q) {
        if (q == null) {
            return new QueryTerms(0, 0);
        }
        int terms = 0;
        int wildcards = 0;
        boolean inPhrase = false;
        int i = 0;
        while (i < q.length()) {
            int c = q.codePointAt(i);
            if (Character.isLetterOrDigit(c)) {
                terms++;
                while (i < q.length() && Character.isLetterOrDigit(q.codePointAt(i))) {
                    i += Character.charCount(q.codePointAt(i));
                }
                if (i < q.length() && (q.charAt(i) == '*' || (q.charAt(i) == '~' && !inPhrase))) {
                    wildcards++;
                }
                continue;
            }
            if (c == '"') {
                inPhrase = !inPhrase;
            }
            i += Character.charCount(c);
        }
        return new QueryTerms(terms, wildcards);
    }

    /** @throws SearchLimitException naming the first limit {@code q} goes past */
    static void check(String q, SearchConfig limits) {
        if (q == null) {
            return;
        }
        if (q.length() > limits.maxQueryLength()) {
            throw new SearchLimitException("search.maxQueryLength", "'q' is " + q.length()
                    + " characters long, more than search.maxQueryLength (" + limits.maxQueryLength() + ")");
        }
        QueryTerms counted = of(q);
        if (counted.terms() > limits.maxTerms()) {
            throw new SearchLimitException("search.maxTerms", "'q' has " + counted.terms()
                    + " words, more than search.maxTerms (" + limits.maxTerms() + ")");
        }
        if (counted.wildcardTerms() > limits.maxWildcardTerms()) {
            throw new SearchLimitException("search.maxWildcardTerms", "'q' has " + counted.wildcardTerms()
                    + " prefix or fuzzy words (word* or word~), more than search.maxWildcardTerms ("
                    + limits.maxWildcardTerms() + ")");
        }
    }
}
