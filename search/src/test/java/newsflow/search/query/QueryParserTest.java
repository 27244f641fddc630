package newsflow.search.query;

import newsflow.common.config.SearchConfig;
import newsflow.search.query.QueryNode.And;
import newsflow.search.query.QueryNode.Not;
import newsflow.search.query.QueryNode.Or;
import newsflow.search.query.QueryNode.Phrase;
import newsflow.search.query.QueryNode.Prefix;
import newsflow.search.query.QueryNode.Term;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The query language: what each construct parses to, precedence, and every error with its position. */
class QueryParserTest {

    private static QueryNode parse(String q) {
        return QueryParser.parse(q, SearchConfig.DEFAULTS);
    }

    private static Term t(String text) {
        return new Term(Field.ANY, text);
    }

    private static And and(QueryNode... clauses) {
        return new And(List.of(clauses));
    }

    private static Or or(QueryNode... clauses) {
        return new Or(List.of(clauses));
    }

    @Test
    void wordsNextToEachOtherAreAnded() {
        assertThat(parse("flood")).isEqualTo(t("flood"));
        assertThat(parse("  flood   warning ")).isEqualTo(and(t("flood"), t("warning")));
        assertThat(parse("flood AND warning")).isEqualTo(and(t("flood"), t("warning")));
    }

    @Test
    void notBindsTighterThanAndWhichBindsTighterThanOr() {
        assertThat(parse("a OR b c")).isEqualTo(or(t("a"), and(t("b"), t("c"))));
        assertThat(parse("a b OR c")).isEqualTo(or(and(t("a"), t("b")), t("c")));
        assertThat(parse("a AND b OR c AND d")).isEqualTo(or(and(t("a"), t("b")), and(t("c"), t("d"))));
        assertThat(parse("NOT a OR b")).isEqualTo(or(new Not(t("a")), t("b")));
        assertThat(parse("a OR b OR c")).isEqualTo(or(t("a"), t("b"), t("c")));
        assertThat(parse("a | b c")).as("a lone | is OR").isEqualTo(or(t("a"), and(t("b"), t("c"))));
    }

    @Test
    void parenthesesGroup() {
        assertThat(parse("(a OR b) c")).isEqualTo(and(or(t("a"), t("b")), t("c")));
        assertThat(parse("NOT (a OR b)")).isEqualTo(new Not(or(t("a"), t("b"))));
        assertThat(parse("((a))")).isEqualTo(t("a"));
    }

    @Test
    void dashNegatesOnlyAtTheStartOfAWord() {
        assertThat(parse("flood -warning")).isEqualTo(and(t("flood"), new Not(t("warning"))));
        assertThat(parse("-\"sea wall\"")).isEqualTo(new Not(new Phrase(Field.ANY, "sea wall")));
        assertThat(parse("-(a OR b)")).isEqualTo(new Not(or(t("a"), t("b"))));
        assertThat(parse("e-mail")).isEqualTo(t("e-mail"));
        assertThat(parse("-title:x")).isEqualTo(new Not(new Term(Field.TITLE, "x")));
    }

    @Test
    void phrasesAndPrefixes() {
        assertThat(parse("\"water rights\" bill")).isEqualTo(and(new Phrase(Field.ANY, "water rights"), t("bill")));
        assertThat(parse("wat*")).isEqualTo(new Prefix(Field.ANY, "wat"));
        assertThat(parse("\"a (b) OR c\"")).as("operators inside quotes are words").isEqualTo(new Phrase(Field.ANY, "a (b) OR c"));
        assertThat(parse("and or not")).as("lower-case operators are words")
                .isEqualTo(and(t("and"), t("or"), t("not")));
    }

    @Test
    void fieldsApplyToAWordAPhraseOrAGroup() {
        assertThat(parse("title:flood")).isEqualTo(new Term(Field.TITLE, "flood"));
        assertThat(parse("Title:flood")).isEqualTo(new Term(Field.TITLE, "flood"));
        assertThat(parse("body:\"sea wall\"")).isEqualTo(new Phrase(Field.BODY, "sea wall"));
        assertThat(parse("author:kaminski")).isEqualTo(new Term(Field.AUTHOR, "kaminski"));
        assertThat(parse("source:\"Coast Times\"")).isEqualTo(new Phrase(Field.SOURCE, "Coast Times"));
        assertThat(parse("topic:politics lang:en")).isEqualTo(and(new Term(Field.TOPIC, "politics"), new Term(Field.LANG, "en")));
        assertThat(parse("source:bb*")).isEqualTo(new Prefix(Field.SOURCE, "bb"));
        assertThat(parse("title:(flood OR -storm)"))
                .isEqualTo(or(new Term(Field.TITLE, "flood"), new Not(new Term(Field.TITLE, "storm"))));
        assertThat(parse("title:flood warning")).as("a field takes one word").isEqualTo(and(new Term(Field.TITLE, "flood"), t("warning")));
    }

    @Test
    void anUnknownFieldNameIsPartOfTheWord() {
        assertThat(parse("10:30")).isEqualTo(t("10:30"));
        assertThat(parse("http://example.org")).isEqualTo(t("http://example.org"));
        assertThat(parse("foo:bar")).isEqualTo(t("foo:bar"));
    }

    @ParameterizedTest(name = "[{0}] at {1}")
    @CsvSource(delimiter = '#', value = {
            "(flood            # 0  # never closed",
            "flood)            # 5  # without a matching '('",
            "a (b c            # 2  # never closed",
            "\"sea wall        # 0  # quote is never closed",
            "flood AND         # 9  # after AND",
            "flood OR          # 8  # after OR",
            "AND flood         # 0  # found AND",
            "OR flood          # 0  # found OR",
            "a OR OR b         # 5  # after OR",
            "NOT               # 3  # after NOT",
            "flood NOT         # 9  # after NOT",
            "a ()              # 2  # empty group",
            "( OR a)           # 2  # after '('",
            "title:            # 6  # after 'title:'",
            "title: OR a       # 7  # after 'title:'",
            "title:(body:a)    # 7  # cannot be given twice",
            "wa*er             # 2  # can only end a word",
            "*                 # 0  # before '*'",
            "-*                # 1  # before '*'",
            "a + b             # 2  # no letters or digits",
            "\"  \"            # 0  # phrase has no letters",
            "lang:english      # 5  # ISO 639",
            "a )               # 2  # without a matching '('",
    })
    void syntaxErrorsNameTheirPosition(String q, int position, String message) {
        assertThatThrownBy(() -> parse(q))
                .isInstanceOfSatisfying(QuerySyntaxException.class, e -> assertThat(e.position()).isEqualTo(position))
                .hasMessageContaining("position " + position)
                .hasMessageContaining(message);
    }

    @Test
    void positionsCountFromTheFirstCharacterAsWritten() {
        assertThatThrownBy(() -> parse("   flood AND"))
                .isInstanceOfSatisfying(QuerySyntaxException.class, e -> assertThat(e.position()).isEqualTo(12));
    }

    @Test
    void everyInputEitherParsesOrFailsAsBadInput() {
        // a cheap fuzz over the language's characters: nothing else than the two documented exceptions comes out
        char[] alphabet = "ab ()\"-*:ORANDNOTtitle".toCharArray();
        java.util.Random random = new java.util.Random(11);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder q = new StringBuilder();
            int length = random.nextInt(16);
            for (int j = 0; j < length; j++) {
                q.append(alphabet[random.nextInt(alphabet.length)]);
            }
            try {
                parse(q.toString());
            } catch (QuerySyntaxException | SearchLimitException e) {
                assertThat(e.getMessage()).isNotBlank();
                if (e instanceof QuerySyntaxException s) {
                    assertThat(s.position()).as(q.toString()).isBetween(0, q.length());
                }
            }
        }
    }
}
