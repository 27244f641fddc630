package newsflow.enrich.process;

import newsflow.common.model.Article;
import newsflow.common.model.ArticleField;
import newsflow.common.model.Extraction;
import newsflow.common.model.FeedEntry;
import newsflow.common.model.FieldSources;
import newsflow.common.model.Media;
import newsflow.common.model.Provenance;
import newsflow.common.model.Schema;
import newsflow.common.url.UrlNormalizer;
import newsflow.enrich.extract.ArticleExtractor;
import newsflow.enrich.extract.ExtractedPage;
import newsflow.enrich.extract.ExtractionBudget;
import newsflow.enrich.extract.Metadata;
import newsflow.enrich.extract.WordCounter;
import newsflow.enrich.lang.LanguageDetector;
import newsflow.enrich.stories.SimHash;
import newsflow.enrich.stories.StoryIndex;
import newsflow.enrich.topics.TopicMatcher;
import newsflow.enrich.topics.TopicTagger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.function.Supplier;

import static newsflow.common.model.Provenance.FEED;
import static newsflow.common.model.Provenance.HEURISTIC;

/**
 * Builds the {@link Article} for a feed entry from the outcome of fetching its page. No I/O of its own (an
 * alternate version of a shell page is asked of the caller), the clock only stamps {@code processedAt}.
 *
 * <p>Body: chosen by quality between the page's extracted text and the feed's content or summary ({@link BodyChoice}),
 * the source in {@code Extraction.method}, the reason the page was not used in {@code Extraction.fallbackReason},
 * and a paywall or consent stub in {@code Extraction.pageFlag}. A page that is a shell is first swapped for the AMP
 * or print version it advertises when that has the text ({@link ShellFallback}; fetched by the caller, through
 * {@link AlternateFetcher}), with body source {@code amp} or {@code print} and the reason saying which version was
 * used or why none was. Metadata prefers the page and falls back to the feed field by field, except
 * that a publication date guessed from the URL yields to the feed's; nothing is invented (no publication date
 * means null). The article id is always the entry's id, so ids stay
 * stable across refetches and match ingest's dedupe; the page's canonical URL goes to {@code canonicalUrl}.
 */
public final class ArticleBuilder {

    private final Supplier<TopicTagger> topics;
    private final Clock clock;
    private final StoryIndex stories;
    private final Duration extractBudget;

    public ArticleBuilder(TopicTagger topics, Clock clock) {
        this(() -> topics, null, clock);
    }

    /** Extracting every page within {@link ExtractionBudget#DEFAULT}. */
    public ArticleBuilder(Supplier<TopicTagger> topics, StoryIndex stories, Clock clock) {
        this(topics, stories, clock, ExtractionBudget.DEFAULT);
    }

    /**
     * @param topics  the tagger to use, asked once per article: a reloaded configuration applies from the next
     *                article on (see {@code TopicsReloader})
     * @param stories groups articles reporting the same text into stories; null: no grouping
     * @param extractBudget CPU time one page's extraction (and that of its alternate version) may take
     *                ({@code enrich.extractBudget}); past it the feed's content is used
     */
    public ArticleBuilder(Supplier<TopicTagger> topics, StoryIndex stories, Clock clock, Duration extractBudget) {
        this.topics = topics;
        this.stories = stories;
        this.clock = clock;
        this.extractBudget = extractBudget;
    }

    /** Rule topics only, no trained model. */
    public ArticleBuilder(TopicMatcher rules, Clock clock) {
        this(new TopicTagger(rules, null), clock);
    }

    /** The article from this page outcome as it is: no alternate version of a shell page is fetched. */
    public Article build(FeedEntry entry, PageOutcome outcome) {
        return build(entry, outcome, AlternateFetcher.NONE);
    }

    /**
     * The article from this page outcome; when the page is a shell that advertises an AMP or print version,
     * {@code alternates} is asked for that version ({@link ShellFallback}).
     */
    public Article build(FeedEntry entry, PageOutcome outcome, AlternateFetcher alternates) {
        ShellFallback.Outcome shell = ShellFallback.apply(PageResult.read(outcome, extractBudget), alternates,
                extractBudget);
        PageResult page = shell.page();
        // Without a usable page there is a page that says nothing: every field then falls back to the feed's.
        ExtractedPage extracted = page.extracted() != null ? page.extracted() : ExtractedPage.NONE;
        EnumMap<ArticleField, Provenance> sources = extracted.fieldSources().toEnumMap();

        String feedContent = ArticleExtractor.htmlToText(entry.content());
        String feedSummary = ArticleExtractor.htmlToText(entry.summary());
        BodyChoice choice = BodyChoice.choose(page.problem(), extracted.body(), extracted.stub(), feedContent, feedSummary);
        String body = choice.body();
        if (choice.method() != Extraction.Method.PAGE) {
            sources.put(ArticleField.BODY, FEED);
        }
        if (body.isEmpty()) {
            sources.remove(ArticleField.BODY);
        }

        String url = page.finalUrl() != null ? page.finalUrl() : entry.link();
        Metadata meta = resolve(extracted.metadata(), entry, feedSummary, url, body, sources);

        String reason = shell.note() == null ? choice.reason()
                : choice.reason() == null ? shell.note() : choice.reason() + "; " + shell.note();
        Extraction extraction = new Extraction(choice.method(), page.httpStatus(), reason, new FieldSources(sources),
                ArticleExtractor.NAME, extracted.stub());
        Article article = new Article(Schema.VERSION, entry.id(), url, meta.canonicalUrl(), entry, meta.title(), body,
                meta.authors(), meta.published(), meta.modified(), meta.leadImage(), meta.siteName(), meta.description(), meta.language(),
                topics.get().tag(meta.title(), body), WordCounter.count(body), extraction, clock.instant());
        return stories == null ? article : article.withStoryId(stories.assign(article.id(), SimHash.of(body),
                meta.published() != null ? meta.published() : article.processedAt()));
    }

    /**
     * The article's metadata: the page's, field by field falling back to the feed's, with the canonical URL derived
     * from the address when the page declares none and the language detected from the text when it can be;
     * {@code sources} is brought in line with what was chosen.
     */
    private static Metadata resolve(Metadata fromPage, FeedEntry entry, String feedSummary, String url, String body,
                                    EnumMap<ArticleField, Provenance> sources) {
        String title = choose(sources, ArticleField.TITLE, fromPage.title(), entry.title());
        List<String> authors = choose(sources, ArticleField.AUTHORS, nonEmpty(fromPage.authors()), nonEmpty(entry.authors()));
        Instant pagePublished = fromPage.published();
        if (entry.published() != null && sources.get(ArticleField.PUBLISHED) == HEURISTIC) {
            // A date guessed from the URL (midnight UTC) is less exact than the one the feed states.
            pagePublished = null;
        }
        Instant published = choose(sources, ArticleField.PUBLISHED, pagePublished, entry.published());
        Instant modified = choose(sources, ArticleField.MODIFIED, fromPage.modified(), entry.updated());
        String leadImage = choose(sources, ArticleField.LEAD_IMAGE, fromPage.leadImage(), feedImage(entry));
        String siteName = choose(sources, ArticleField.SITE_NAME, fromPage.siteName(), blankToNull(entry.feedTitle()));
        String description = choose(sources, ArticleField.DESCRIPTION, fromPage.description(),
                blankToNull(feedSummary.length() > 500 ? null : feedSummary));

        String canonical = fromPage.canonicalUrl();
        if (canonical == null) {
            sources.remove(ArticleField.CANONICAL_URL);
            canonical = canonicalOrNull(url);
        }

        String language = LanguageDetector.detect(languageSample(title, body));
        if (!LanguageDetector.UNDETERMINED.equals(language)) {
            sources.put(ArticleField.LANGUAGE, HEURISTIC);
        } else if (fromPage.language() != null) {
            language = fromPage.language();
        } else {
            sources.remove(ArticleField.LANGUAGE);
        }
        return new Metadata(title, fromPage.byline(), authors, published, modified, leadImage, siteName, description,
                canonical, language, fromPage.languageTag());
    }

    private static <T> T choose(EnumMap<ArticleField, Provenance> sources, ArticleField field, T fromPage, T fromFeed) {
        if (fromPage != null) {
            return fromPage;
        }
        sources.remove(field);
        if (fromFeed != null) {
            sources.put(field, FEED);
        }
        return fromFeed;
    }

    private static <T> List<T> nonEmpty(List<T> list) {
        return list.isEmpty() ? null : list;
    }

    private static String feedImage(FeedEntry entry) {
        for (Media m : entry.media()) {
            if (m.url() != null && m.type() != null && m.type().startsWith("image/")) {
                return m.url();
            }
        }
        return null;
    }

    private static String canonicalOrNull(String url) {
        if (url == null) {
            return null;
        }
        try {
            return UrlNormalizer.canonicalize(url);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String languageSample(String title, String body) {
        return (title == null ? "" : title + "\n") + body;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
