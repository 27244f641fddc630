package newsflow.search.query;

import newsflow.common.config.SearchConfig;

import java.util.ArrayList;
import java.util.List;

/**
 * The search language (docs/query-language.md), parsed by hand into a {@link QueryNode} tree:
 * <pre>
 * query   := or
 * or      := and ( "OR" and )*
 * and     := unary ( ["AND"] unary )*          adjacent clauses are ANDed
 * unary   := ( "NOT" | "-" ) unary | primary
 * primary := "(" or ")" | FIELD ":" primary | "\"" phrase "\"" | word | word "*"
 * </pre>
 * NOT binds tighter than AND, AND tighter than OR. Operators are upper case only (lower-case {@code and} is a
 * word); a lone {@code |} also means OR. Every input either parses or is refused: a {@link QuerySyntaxException} with the position, or a
 * {@link SearchLimitException} naming the {@code search.*} limit it goes past (length, words, prefix words,
 * nesting). The length is checked before any work and the nesting before each descent, so neither a long nor a
 * deeply nested input can cost more than the limits allow (no stack overflow).
 */
public final class QueryParser {

    private final String q;
    private final SearchConfig limits;
    private final List<Token> tokens;
    private int next;
    private int words;
    private int prefixes;

    private QueryParser(String q, SearchConfig limits) {
        this.q = q;
        this.limits = limits;
        this.tokens = Lexer.tokens(q);
    }

    /**
     * @param q the query as the user wrote it (positions in errors count from its first character)
     * @return the tree, or null when {@code q} is null or blank (everything matches)
     * @throws QuerySyntaxException  when {@code q} is malformed
     * @throws SearchLimitException  when {@code q} goes past a {@code search.*} limit
     */
    public static QueryNode parse(String q, SearchConfig limits) {
        if (q == null || q.isBlank()) {
            return null;
        }
        if (q.length() > limits.maxQueryLength()) {
            throw new SearchLimitException("search.maxQueryLength", "'q' is " + q.length()
                    + " characters long, more than search.maxQueryLength (" + limits.maxQueryLength() + ")");
        }
        QueryParser parser = new QueryParser(q, limits);
        QueryNode node = parser.or(0, Field.ANY);
        Token extra = parser.peek();
        if (extra.kind() != Kind.END) {
            throw new QuerySyntaxException(extra.position(), extra.kind() == Kind.RPAREN
                    ? "')' without a matching '('" : "unexpected " + extra.describe());
        }
        return node;
    }

    private QueryNode or(int depth, Field field) {
        List<QueryNode> clauses = new ArrayList<>();
        clauses.add(and(depth, field));
        while (peek().kind() == Kind.OR) {
            Token op = take();
            requireOperand(op);
            clauses.add(and(depth, field));
        }
        return clauses.size() == 1 ? clauses.getFirst() : new QueryNode.Or(clauses);
    }

    private QueryNode and(int depth, Field field) {
        List<QueryNode> clauses = new ArrayList<>();
        clauses.add(unary(depth, field));
        while (true) {
            Token t = peek();
            if (t.kind() == Kind.AND) {
                take();
                requireOperand(t);
            } else if (!t.kind().startsOperand()) {
                break;
            }
            clauses.add(unary(depth, field));
        }
        return clauses.size() == 1 ? clauses.getFirst() : new QueryNode.And(clauses);
    }

    private QueryNode unary(int depth, Field field) {
        Token t = peek();
        if (t.kind() == Kind.NOT || t.kind() == Kind.MINUS) {
            take();
            nest(depth + 1, t);
            requireOperand(t);
            return new QueryNode.Not(unary(depth + 1, field));
        }
        return primary(depth, field);
    }

    private QueryNode primary(int depth, Field field) {
        Token t = take();
        switch (t.kind()) {
            case LPAREN -> {
                nest(depth + 1, t);
                if (peek().kind() == Kind.RPAREN) {
                    throw new QuerySyntaxException(t.position(), "empty group '()'");
                }
                if (!peek().kind().startsOperand()) {
                    throw new QuerySyntaxException(peek().position(), "expected a word, a phrase or '(' after '(' but found "
                            + peek().describe());
                }
                QueryNode inner = or(depth + 1, field);
                if (peek().kind() != Kind.RPAREN) {
                    throw new QuerySyntaxException(t.position(), "'(' is never closed: expected ')' before "
                            + peek().describe());
                }
                take();
                return inner;
            }
            case FIELD -> {
                if (field != Field.ANY) {
                    throw new QuerySyntaxException(t.position(), "'" + t.text() + ":' inside '" + field.key()
                            + ":' : a field cannot be given twice");
                }
                Token value = peek();
                if (value.kind() != Kind.WORD && value.kind() != Kind.PHRASE && value.kind() != Kind.LPAREN) {
                    throw new QuerySyntaxException(value.position(), "expected a word, a phrase or '(' after '"
                            + t.text() + ":' but found " + value.describe());
                }
                return primary(depth, Field.named(t.text()).orElseThrow());
            }
            case WORD -> {
                return word(t, field);
            }
            case PHRASE -> {
                countWords(t, field);
                return new QueryNode.Phrase(field, t.text());
            }
            default -> throw new QuerySyntaxException(t.position(), "expected a word, a phrase or '(' but found "
                    + t.describe());
        }
    }

    private QueryNode word(Token t, Field field) {
        String text = t.text();
        int star = text.indexOf('*');
        if (star >= 0 && star != text.length() - 1) {
            throw new QuerySyntaxException(t.position() + star, "'*' can only end a word (prefix search, as in wat*)");
        }
        if (star < 0) {
            countWords(t, field);
            return new QueryNode.Term(field, text);
        }
        String prefix = text.substring(0, star);
        if (Words.count(prefix) == 0) {
            throw new QuerySyntaxException(t.position(), "'" + text + "': a prefix search needs letters or digits before '*'");
        }
        countWords(t, field);
        prefixes++;
        if (prefixes > limits.maxWildcardTerms()) {
            throw new SearchLimitException("search.maxWildcardTerms", "'q' has more than search.maxWildcardTerms ("
                    + limits.maxWildcardTerms() + ") prefix words (word*): the one at position " + t.position()
                    + " is one too many");
        }
        return new QueryNode.Prefix(field, prefix);
    }

    /** A leaf with nothing the analyzer keeps would match nothing (or everything) silently: refused instead. */
    private void countWords(Token t, Field field) {
        int n = Words.count(t.text());
        if (n == 0) {
            throw new QuerySyntaxException(t.position(), t.kind() == Kind.PHRASE
                    ? "the phrase has no letters or digits"
                    : "'" + t.text() + "' has no letters or digits (operators are AND, OR, NOT in capitals, and -word)");
        }
        if (field == Field.LANG && !t.text().matches("[A-Za-z]{2,3}")) {
            throw new QuerySyntaxException(t.position(), "'lang:' takes an ISO 639 code such as en, got '" + t.text() + "'");
        }
        words += n;
        if (words > limits.maxTerms()) {
            throw new SearchLimitException("search.maxTerms", "'q' has more than search.maxTerms ("
                    + limits.maxTerms() + ") words (the limit is passed at position " + t.position() + ")");
        }
    }

    private void nest(int depth, Token at) {
        if (depth > limits.maxQueryDepth()) {
            throw new SearchLimitException("search.maxQueryDepth", "'q' nests groups and negations more than "
                    + "search.maxQueryDepth (" + limits.maxQueryDepth() + ") deep (at position " + at.position() + ")");
        }
    }

    private void requireOperand(Token operator) {
        Token t = peek();
        if (!t.kind().startsOperand()) {
            throw new QuerySyntaxException(t.kind() == Kind.END ? q.length() : t.position(),
                    "expected a word, a phrase or '(' after " + operator.describe() + " but found " + t.describe());
        }
    }

    private Token peek() {
        return tokens.get(next);
    }

    private Token take() {
        Token t = tokens.get(next);
        if (t.kind() != Kind.END) {
            next++;
        }
        return t;
    }

    enum Kind {
        WORD, PHRASE, FIELD, LPAREN, RPAREN, AND, OR, NOT, MINUS, END;

        boolean startsOperand() {
            return this == WORD || this == PHRASE || this == FIELD || this == LPAREN || this == NOT || this == MINUS;
        }
    }

    /** @param text a word's or phrase's text, a field's name; empty for the others */
    record Token(Kind kind, String text, int position) {
        String describe() {
            return switch (kind) {
                case WORD -> "'" + text + "'";
                case PHRASE -> "a phrase";
                case FIELD -> "'" + text + ":'";
                case LPAREN -> "'('";
                case RPAREN -> "')'";
                case AND, OR, NOT -> kind.name();
                case MINUS -> "'-'";
                case END -> "the end of the query";
            };
        }
    }

    /** Splits {@code q} into tokens; only an unclosed quote is an error at this stage. */
    static final class Lexer {

        private Lexer() {
        }

        static List<Token> tokens(String q) {
            List<Token> out = new ArrayList<>();
            int i = 0;
            while (i < q.length()) {
                char c = q.charAt(i);
                if (Character.isWhitespace(c)) {
                    i++;
                } else if (c == '(') {
                    out.add(new Token(Kind.LPAREN, "", i++));
                } else if (c == ')') {
                    out.add(new Token(Kind.RPAREN, "", i++));
                } else if (c == '"') {
                    int close = q.indexOf('"', i + 1);
                    if (close < 0) {
                        throw new QuerySyntaxException(i, "the quote is never closed");
                    }
                    out.add(new Token(Kind.PHRASE, q.substring(i + 1, close), i));
                    i = close + 1;
                } else if (c == '-' && i + 1 < q.length() && startsOperand(q.charAt(i + 1))) {
                    // "-word": a dash starting a token negates; inside a word (e-mail) it is part of it
                    out.add(new Token(Kind.MINUS, "", i++));
                } else {
                    int end = i;
                    while (end < q.length() && !endsWord(q.charAt(end))) {
                        end++;
                    }
                    word(q, i, end, out);
                    i = end;
                }
            }
            out.add(new Token(Kind.END, "", q.length()));
            return out;
        }

        private static boolean startsOperand(char c) {
            return !Character.isWhitespace(c) && c != ')' && c != '-';
        }

        private static boolean endsWord(char c) {
            return Character.isWhitespace(c) || c == '(' || c == ')' || c == '"';
        }

        private static void word(String q, int start, int end, List<Token> out) {
            String text = q.substring(start, end);
            switch (text) {
                case "AND" -> out.add(new Token(Kind.AND, "", start));
                // "|" is the earlier search box's or, still accepted so that old links keep working
                case "OR", "|" -> out.add(new Token(Kind.OR, "", start));
                case "NOT" -> out.add(new Token(Kind.NOT, "", start));
                default -> {
                    int colon = text.indexOf(':');
                    // only a known field name makes a field: "10:30" or "http://x" stay words
                    if (colon > 0 && Field.named(text.substring(0, colon)).isPresent()) {
                        out.add(new Token(Kind.FIELD, text.substring(0, colon).toLowerCase(java.util.Locale.ROOT), start));
                        if (colon + 1 < text.length()) {
                            out.add(new Token(Kind.WORD, text.substring(colon + 1), start + colon + 1));
                        }
                    } else {
                        out.add(new Token(Kind.WORD, text, start));
                    }
                }
            }
        }
    }
}
