package newsflow.search.alerts;

import newsflow.common.config.SearchConfig;
import newsflow.index.document.ArticleDocument;
import newsflow.index.document.TextFields;
import newsflow.search.query.QueryParser;
import newsflow.search.saved.SavedFilters;
import newsflow.search.saved.SavedSearch;
import org.apache.lucene.search.Query;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The matcher (presearcher, translations per language) finds exactly what running every saved search's full
 * translation on the article finds: a few hundred generated saved searches of every shape the query language
 * has (words, split words, stop words, phrases with stop words, prefixes of one and of several words, fields,
 * keyword fields and their prefixes, AND, OR, NOT, negations alone, groups, filters, queries the limits refuse)
 * against articles in English, French, German, Spanish, Russian and none, under each analysis the index can have.
 */
class SavedSearchMatcherEquivalenceTest {

    private static final Instant T = Instant.parse("2026-11-24T08:00:00Z");
    private static final SearchConfig LIMITS = SearchConfig.DEFAULTS;

    private static ArticleDocument doc(String id, String title, String description, String body, List<String> authors,
                                       String source, String language, List<String> topics) {
        Map<String, ArticleDocument.LanguageText> i18n = TextFields.languageKey(language)
                .map(key -> Map.of(key, new ArticleDocument.LanguageText(title, description, body)))
                .orElse(Map.of());
        return new ArticleDocument(id, "https://x.example/" + id, null, null, title, description, body, authors,
                source, null, null, language, topics, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                T, null, null, T, T, 10, null, Map.of(), null, id, i18n);
    }

    static final List<ArticleDocument> ARTICLES = List.of(
            doc("en1", "Breakwater to close for repairs", "The harbour authority closes the north breakwater.",
                    "Contractors replace storm-damaged capping stones. The rights of fishermen to the inner basin stay. "
                            + "Oil prices and the market rose as the government met.",
                    List.of("Ann Smith", "Bob Jones"), "Harbour Post", "en", List.of("infrastructure", "local")),
            doc("fr1", "Le café du port rouvre", null,
                    "Des groupes d'écoliers et les pêcheurs s'y retrouvent. Le gouvernement promet des élections.",
                    List.of("Claire Dupont"), "Courrier du Port", "fr", List.of("local")),
            doc("de1", "Die Regierung plant neue Wahlen", "Ölpreise steigen",
                    "Der Markt reagierte auf die Wahlen. Die Fußballsaison beginnt, sagte die Regierung.",
                    List.of(), "Berliner Blatt", "de", List.of("politics")),
            doc("es1", "El gobierno anuncia elecciones", null, "Los mercados del petróleo subieron. El fútbol sigue.",
                    List.of("José Pérez"), "Diario Sur", "es", List.of("politics", "economy")),
            doc("en2", "Football season opens", "Players return",
                    "The players said the new season would bring growth. Shares in the club rose; profit expected.",
                    List.of("Ann Smith"), "Sport Daily", "en", List.of("sport")),
            doc("und1", "Election night", null, "Court rules on election results after the e-mail leak.",
                    List.of(), "Wire", "und", List.of()),
            doc("en3", "Energy trade deal", null, null, List.of(), "ΣΟΦΙΑ News", "en", List.of("economy")),
            doc("ru1", "Правительство объявило выборы", null, "Цены на нефть растут.", List.of(), "Вести", "ru",
                    List.of("politics")));

    private static final String[] WORDS = {"breakwater", "harbour", "repairs", "repair", "storm", "damaged", "capping",
            "stones", "fishermen", "oil", "market", "markets", "government", "gouvernement", "élections", "elections",
            "Wahlen", "Regierung", "café", "cafe", "écolier", "pêcheurs", "football", "season", "players", "shares",
            "profit", "court", "election", "energy", "trade", "deal", "petróleo", "fútbol", "нефть", "выборы",
            "volcano", "lava", "zebra", "the", "of", "les", "die", "el", "storm-damaged", "e-mail", "Fußballsaison",
            "Ölpreise", "rose", "growth", "club", "night", "results", "port", "mercados", "ann", "smith"};
    private static final String[] FIELDS = {"title:", "body:", "author:"};
    private static final String[] KEYWORDS = {"source:\"Harbour Post\"", "source:harbour*", "source:wire", "source:σοφια*",
            "source:\"ΣΟΦΙΑ NEWS\"", "topic:LOCAL", "topic:pol*", "topic:sport", "lang:fr", "lang:EN", "lang:ru", "lang:xx"};
    private static final List<String> TEXTS = ARTICLES.stream()
            .flatMap(d -> java.util.stream.Stream.of(d.title(), d.description(), d.body()))
            .filter(java.util.Objects::nonNull).toList();

    /** Saved searches of every shape, the same for every run (a fixed seed). */
    static List<SavedSearch> savedSearches(int count) {
        Random r = new Random(11);
        List<SavedSearch> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String query = switch (i % 16) {
                case 0 -> word(r);
                case 1 -> word(r) + " " + word(r);
                case 2 -> phraseFromText(r);
                case 3 -> "\"" + word(r) + " " + word(r) + "\"";
                case 4 -> prefix(r);
                case 5 -> prefixedPhrase(r);
                case 6 -> "(" + word(r) + " OR " + word(r) + ") " + word(r);
                case 7 -> word(r) + (r.nextBoolean() ? " NOT " : " -") + word(r);
                case 8 -> r.nextBoolean() ? "NOT " + word(r) : "-(" + word(r) + " OR " + prefix(r) + ")";
                case 9 -> FIELDS[r.nextInt(FIELDS.length)] + (r.nextBoolean() ? word(r) : phraseFromText(r));
                case 10 -> KEYWORDS[r.nextInt(KEYWORDS.length)] + (r.nextBoolean() ? " " + word(r) : "");
                case 11 -> "title:(" + word(r) + " OR " + prefix(r) + ") NOT body:" + phraseFromText(r);
                case 12 -> r.nextInt(4) == 0 ? null : word(r);
                case 13 -> "-" + KEYWORDS[r.nextInt(KEYWORDS.length)] + " OR " + word(r) + " " + word(r);
                case 14 -> prefix(r) + " " + prefix(r) + " " + prefix(r) + " " + prefix(r) + " " + prefix(r); // past the limit of 4
                default -> random(r, 3);
            };
            SavedFilters filters = i % 16 == 12 || r.nextInt(8) == 0 ? filters(r) : SavedFilters.NONE;
            if (query == null && filters.equals(SavedFilters.NONE)) {
                filters = filters(r);
            }
            out.add(new SavedSearch("s" + i, "search " + i, query, filters, null, null, T, T, T));
        }
        return out;
    }

    private static String word(Random r) {
        return WORDS[r.nextInt(WORDS.length)];
    }

    private static String prefix(Random r) {
        String w = word(r);
        return w.substring(0, 1 + r.nextInt(Math.max(1, Math.min(5, w.length() - 1)))) + "*";
    }

    /** Two or three words next to each other in a fixture text, stop words and punctuation included. */
    private static String phraseFromText(Random r) {
        String[] words = TEXTS.get(r.nextInt(TEXTS.size())).replace("\"", "").split(" ");
        int n = Math.min(words.length, 2 + r.nextInt(2));
        int from = r.nextInt(words.length - n + 1);
        return "\"" + String.join(" ", List.of(words).subList(from, from + n)) + "\"";
    }

    /** Words of a text followed by a prefix of the next one: a phrase prefix of several words. */
    private static String prefixedPhrase(Random r) {
        String[] words = TEXTS.get(r.nextInt(TEXTS.size())).replaceAll("[\".;,]", "").split(" ");
        int from = r.nextInt(Math.max(1, words.length - 1));
        String next = words[Math.min(words.length - 1, from + 1)];
        return words[from] + "-" + next.substring(0, Math.max(1, next.length() / 2)) + "*";
    }

    private static String random(Random r, int depth) {
        if (depth == 0 || r.nextInt(3) == 0) {
            return switch (r.nextInt(4)) {
                case 0 -> prefix(r);
                case 1 -> phraseFromText(r);
                default -> word(r);
            };
        }
        String a = random(r, depth - 1);
        String b = random(r, depth - 1);
        return switch (r.nextInt(4)) {
            case 0 -> "(" + a + " OR " + b + ")";
            case 1 -> a + " AND " + b;
            case 2 -> a + " NOT (" + b + ")";
            default -> "-(" + a + ") " + b;
        };
    }

    private static SavedFilters filters(Random r) {
        List<String> topics = r.nextBoolean() ? List.of("local", "politics") : List.of();
        List<String> sources = r.nextInt(3) == 0 ? List.of(r.nextBoolean() ? "Harbour Post" : "harbour post") : List.of();
        List<String> langs = r.nextBoolean() ? List.of("en", "fr") : List.of();
        List<String> authors = r.nextInt(4) == 0 ? List.of("Ann Smith") : List.of();
        if (topics.isEmpty() && sources.isEmpty() && langs.isEmpty() && authors.isEmpty()) {
            return new SavedFilters(List.of(), List.of(), List.of("de", "es", "ru"), List.of());
        }
        return new SavedFilters(topics, sources, langs, authors);
    }

    /** The brute force: every saved search's full translation run on the article, as matching was first written. */
    private record EveryQueryRun(TextAnalysis analysis, Map<String, Query> queries) {

        EveryQueryRun(TextAnalysis analysis, List<SavedSearch> searches) {
            this(analysis, new java.util.HashMap<>());
            LuceneQueries translation = new LuceneQueries(analysis);
            for (SavedSearch s : searches) {
                try {
                    queries.put(s.id(), translation.toLucene(s.query() == null ? null : QueryParser.parse(s.query(), LIMITS),
                            s.filters()));
                } catch (IllegalArgumentException refused) {
                    // matches nothing
                }
            }
        }

        List<SavedSearch> matching(ArticleDocument doc, List<SavedSearch> searches) throws IOException {
            var searcher = ArticleIndexFields.of(doc, analysis).createSearcher();
            List<SavedSearch> out = new ArrayList<>();
            for (SavedSearch s : searches) {
                Query q = queries.get(s.id());
                if (q != null && searcher.count(q) > 0) {
                    out.add(s);
                }
            }
            return out;
        }
    }

    @Test
    void matchesExactlyWhatRunningEverySavedSearchMatches() throws IOException {
        List<SavedSearch> searches = savedSearches(480);
        for (TextAnalysis analysis : List.of(TextAnalysis.englishFoldedAnalysis(), TextAnalysis.englishAnalysis(),
                TextAnalysis.standardAnalysis())) {
            SavedSearchMatcher matcher = new SavedSearchMatcher(analysis, LIMITS);
            EveryQueryRun oracle = new EveryQueryRun(analysis, searches);
            Set<String> matchedSomewhere = new HashSet<>();
            int matches = 0;
            for (ArticleDocument doc : ARTICLES) {
                List<SavedSearch> expected = oracle.matching(doc, searches);
                assertThat(matcher.matching(doc, searches)).as("%s on %s", analysis.name(), doc.id()).isEqualTo(expected);
                expected.forEach(s -> matchedSomewhere.add(s.id()));
                matches += expected.size();
            }
            // the comparison means something: many matches, many non-matches, every shape matching somewhere
            assertThat(matches).as(analysis.name()).isBetween(searches.size() / 2, searches.size() * ARTICLES.size() / 2);
            for (int shape = 0; shape < 16; shape++) {
                if (shape == 14) {
                    continue; // refused by the limits: matches nothing
                }
                int s = shape;
                assertThat(matchedSomewhere).as("%s: shape %d matches somewhere", analysis.name(), shape)
                        .anyMatch(id -> Integer.parseInt(id.substring(1)) % 16 == s);
            }
        }
    }

    @Test
    void aSubsetInItsOrderAndChangedOrRemovedSavedSearchesStayExact() throws IOException {
        TextAnalysis analysis = TextAnalysis.englishFoldedAnalysis();
        List<SavedSearch> searches = savedSearches(160);
        SavedSearchMatcher matcher = new SavedSearchMatcher(analysis, LIMITS);
        for (ArticleDocument doc : ARTICLES) {
            matcher.matching(doc, searches);
        }
        // a subset, reversed (the alerts stage passes the saved searches an article is young enough for)
        List<SavedSearch> subset = new ArrayList<>(searches.subList(20, 90));
        java.util.Collections.reverse(subset);
        // saved searches whose query changed since they were compiled (a later version), and removed ones
        Instant later = T.plusSeconds(60);
        List<SavedSearch> changed = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            SavedSearch s = searches.get(i);
            SavedSearch other = searches.get(159 - i);
            changed.add(new SavedSearch(s.id(), s.name(), other.query(), other.filters(), null, null, T, later, later));
        }
        matcher.retain(changed);
        EveryQueryRun before = new EveryQueryRun(analysis, searches);
        EveryQueryRun after = new EveryQueryRun(analysis, changed);
        for (ArticleDocument doc : ARTICLES) {
            assertThat(matcher.matching(doc, subset)).isEqualTo(before.matching(doc, subset));
            assertThat(matcher.matching(doc, changed)).isEqualTo(after.matching(doc, changed));
        }
    }
}
