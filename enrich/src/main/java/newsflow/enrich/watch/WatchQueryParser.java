package newsflow.enrich.watch;

import newsflow.enrich.classify.Tokenizer;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses watch-topic queries:
 * <pre>
 *   query := and ("OR" and)*
 *   and   := unary (["AND"] unary)*        adjacent parts must all match
 *   unary := ("NOT" | "-") unary | "(" query ")" | "\"phrase\"" | word
 * </pre>
 * Operators are upper-case {@code AND}, {@code OR}, {@code NOT}; any other word is a term. Words and phrases are
 * tokenized like article text (lower-case, punctuation separates), so {@code Jong-un} is the phrase
 * {@code "jong un"} and matching ignores case. A query that only excludes ({@code NOT x}) is rejected: it would
 * tag nearly every article.
 */
final class WatchQueryParser {

    /** What the query belongs to, as error messages name it: {@code watch-topic "x"}, {@code topic "x", term 2}. */
    private final String what;
    private final String text;
    private int pos;

    private WatchQueryParser(String what, String text) {
        this.what = what;
        this.text = text;
    }

    static WatchQuery parse(String topic, String query) {
        return parseFor("watch-topic \"" + topic + "\"", query);
    }

    /** @param what names the query's owner in error messages, e.g. {@code topic "sport", term 3} */
    static WatchQuery parseFor(String what, String query) {
        if (query == null || query.isBlank()) {
            throw new WatchQueryException(what + ": empty query");
        }
        WatchQueryParser p = new WatchQueryParser(what, query);
        WatchQuery q = p.or();
        p.skipSpace();
        if (p.pos < p.text.length()) {
            throw p.error("unexpected \"" + p.text.charAt(p.pos) + "\"");
        }
        if (!positive(q)) {
            throw new WatchQueryException(what + ": the query only excludes words; add a term"
                    + " an article must contain");
        }
        return q;
    }

    /** Whether some article could match only by containing something (not merely by lacking words). */
    private static boolean positive(WatchQuery q) {
        return switch (q) {
            case WatchQuery.Term t -> true;
            case WatchQuery.Not n -> false;
            case WatchQuery.And a -> a.parts().stream().anyMatch(WatchQueryParser::positive);
            case WatchQuery.Or o -> o.parts().stream().allMatch(WatchQueryParser::positive);
        };
    }

    private WatchQuery or() {
        List<WatchQuery> parts = new ArrayList<>(List.of(and()));
        while (keyword("OR")) {
            parts.add(and());
        }
        return parts.size() == 1 ? parts.getFirst() : new WatchQuery.Or(List.copyOf(parts));
    }

    private WatchQuery and() {
        List<WatchQuery> parts = new ArrayList<>(List.of(unary()));
        while (true) {
            skipSpace();
            if (pos >= text.length() || text.charAt(pos) == ')' || peekKeyword("OR")) {
                break;
            }
            keyword("AND");
            parts.add(unary());
        }
        return parts.size() == 1 ? parts.getFirst() : new WatchQuery.And(List.copyOf(parts));
    }

    private WatchQuery unary() {
        skipSpace();
        if (pos >= text.length()) {
            throw error("a term is missing at the end");
        }
        char c = text.charAt(pos);
        if (keyword("NOT") || c == '-') {
            if (c == '-') {
                pos++;
            }
            return new WatchQuery.Not(unary());
        }
        if (c == '(') {
            pos++;
            WatchQuery inner = or();
            skipSpace();
            if (pos >= text.length() || text.charAt(pos) != ')') {
                throw error("missing \")\"");
            }
            pos++;
            return inner;
        }
        if (c == '"') {
            int end = text.indexOf('"', pos + 1);
            if (end < 0) {
                throw error("unclosed quote");
            }
            String phrase = text.substring(pos + 1, end);
            int at = pos;
            pos = end + 1;
            return term(phrase, at);
        }
        if (c == ')') {
            throw error("unexpected \")\"");
        }
        int start = pos;
        while (pos < text.length() && !Character.isWhitespace(text.charAt(pos)) && "()\"".indexOf(text.charAt(pos)) < 0) {
            pos++;
        }
        String word = text.substring(start, pos);
        if (word.equals("AND") || word.equals("OR")) {
            throw error("\"" + word + "\" needs a term on both sides", start);
        }
        return term(word, start);
    }

    private WatchQuery term(String words, int at) {
        List<String> tokens = Tokenizer.tokens(words);
        if (tokens.isEmpty()) {
            throw error("\"" + words + "\" has no letters or digits to match", at);
        }
        return new WatchQuery.Term(List.copyOf(tokens));
    }

    private boolean keyword(String k) {
        if (peekKeyword(k)) {
            skipSpace();
            pos += k.length();
            return true;
        }
        return false;
    }

    private boolean peekKeyword(String k) {
        skipSpace();
        int end = pos + k.length();
        return text.startsWith(k, pos) && (end == text.length() || Character.isWhitespace(text.charAt(end))
                || text.charAt(end) == '(' || text.charAt(end) == '"');
    }

    private void skipSpace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private WatchQueryException error(String problem) {
        return error(problem, pos);
    }

    private WatchQueryException error(String problem, int at) {
        return new WatchQueryException(what + ": " + problem + " at character " + (at + 1)
                + " of: " + text);
    }
}
