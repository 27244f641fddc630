package newsflow.search.query;

import java.util.List;
import java.util.Objects;

/**
 * A parsed query of the search language ({@link QueryParser}), as a tree of records. Leaves hold the text as the
 * user wrote it; {@link QueryTranslator} decides how each field matches it. The tree is never empty: a blank
 * query parses to {@code null}, meaning "everything".
 */
public sealed interface QueryNode {

    /** A word, matched as the field's analyzer splits it ({@code e-mail} is two words that must both occur). */
    record Term(Field field, String text) implements QueryNode {
        public Term {
            Objects.requireNonNull(field);
            Objects.requireNonNull(text);
        }
    }

    /** Words in this order, next to each other ({@code "water rights"}); on keyword fields the exact value. */
    record Phrase(Field field, String text) implements QueryNode {
        public Phrase {
            Objects.requireNonNull(field);
            Objects.requireNonNull(text);
        }
    }

    /** Words starting with {@code prefix} ({@code wat*}). */
    record Prefix(Field field, String prefix) implements QueryNode {
        public Prefix {
            Objects.requireNonNull(field);
            Objects.requireNonNull(prefix);
        }
    }

    /** Every clause matches (at least two clauses). */
    record And(List<QueryNode> clauses) implements QueryNode {
        public And {
            clauses = List.copyOf(clauses);
        }
    }

    /** At least one clause matches (at least two clauses). */
    record Or(List<QueryNode> clauses) implements QueryNode {
        public Or {
            clauses = List.copyOf(clauses);
        }
    }

    /** The clause does not match. */
    record Not(QueryNode clause) implements QueryNode {
        public Not {
            Objects.requireNonNull(clause);
        }
    }
}
