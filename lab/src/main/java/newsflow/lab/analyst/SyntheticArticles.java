package newsflow.lab.analyst;

import newsflow.index.document.ArticleDocument;
import newsflow.lab.analyst.SourceTexts.Text;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Articles varied from real texts, as many as asked, the same for the same seed: each text is reported again and
 * again by different sources (three reports make one story, a day or two apart), with the sentences reordered and
 * a sentence of another text added so no two bodies are the same; dates spread over the year before {@code now}
 * (more by day than by night), forty sources, four languages (70 % English), a few hundred authors.
 */
final class SyntheticArticles {

    static final int SOURCES = 40;
    static final int REPORTS_PER_STORY = 3;
    private static final String[] LANGUAGES = {"en", "en", "en", "en", "en", "en", "en", "de", "fr", "es"};
    private static final String[] PREFIXES = {"", "", "Update: ", "Analysis: ", "Live: ", "Explainer: "};

    private final List<Text> texts;
    private final Instant now;
    private final long seed;

    SyntheticArticles(SourceTexts source, Instant now, long seed) {
        if (source.texts().isEmpty()) {
            throw new IllegalArgumentException("no source texts to vary");
        }
        this.texts = source.texts();
        this.now = now;
        this.seed = seed;
    }

    static String id(int i) {
        return "bench-" + i;
    }

    static String source(int s) {
        return String.format("outlet%02d.example", s);
    }

    /** Article {@code i}: depends only on {@code i}, the texts and the seed. */
    ArticleDocument article(int i) {
        Random r = new Random(seed * 1_000_003L + i);
        int n = texts.size();
        Text base = texts.get(i % n);
        int report = i / n;
        Text other = texts.get(r.nextInt(n));
        String body = vary(base.body(), other.body(), r);
        String source = source(r.nextInt(SOURCES));
        String storyId = "story-" + (i % n) + "-" + (report / REPORTS_PER_STORY);
        // a story's reports within two days of each other; stories anywhere in the year
        Random story = new Random(seed + storyId.hashCode());
        Instant storyStart = now.minus(Duration.ofMinutes(story.nextInt(365 * 24 * 60)));
        int hourOfDay = 6 + r.nextInt(16); // news by day
        Instant published = storyStart.plus(Duration.ofMinutes(r.nextInt(2 * 24 * 60)))
                .minus(Duration.ofHours(storyStart.atZone(java.time.ZoneOffset.UTC).getHour())).plus(Duration.ofHours(hourOfDay));
        if (published.isAfter(now)) {
            published = now.minus(Duration.ofMinutes(r.nextInt(600)));
        }
        String title = PREFIXES[r.nextInt(PREFIXES.length)] + base.title();
        int words = body.split("\\s+").length;
        return new ArticleDocument(id(i), "https://" + source + "/news/" + i, null, null, title,
                SourceTexts.firstWords(body, 30), body, List.of("Author " + r.nextInt(300)), source, "https://" + source + "/feed",
                "Outlet " + source.substring(6, 8), LANGUAGES[r.nextInt(LANGUAGES.length)], List.of(base.topic()),
                null, null, null, null, null, List.of(), published, null, published.plusSeconds(60),
                published.plusSeconds(90), now, words, "benchmark", null, null, storyId, null);
    }

    /** The sentences of {@code body} shuffled (the first one kept first), and one sentence of {@code other} added. */
    private static String vary(String body, String other, Random r) {
        List<String> sentences = new ArrayList<>(Arrays.asList(body.split("(?<=[.!?])\\s+")));
        if (sentences.size() > 2) {
            java.util.Collections.shuffle(sentences.subList(1, sentences.size()), r);
        }
        String[] extra = other.split("(?<=[.!?])\\s+");
        sentences.add(extra[r.nextInt(extra.length)]);
        return String.join(" ", sentences);
    }
}
