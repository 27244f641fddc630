package newsflow.enrich.process;

import newsflow.common.model.ArticleField;
import newsflow.common.model.FieldSources;
import newsflow.common.model.Provenance;
import newsflow.enrich.extract.AlternateLinks;
import newsflow.enrich.extract.AlternateLinks.Alternate;
import newsflow.enrich.extract.ExtractedPage;
import newsflow.enrich.extract.Metadata;
import newsflow.enrich.extract.WordCounter;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;

/**
 * A page that extracts to a shell (a paywall or consent stub, or under {@value BodyChoice#MIN_PAGE_CHARS}
 * characters of text: a page that renders its article with scripts) is swapped for the alternate version it
 * advertises ({@link AlternateLinks}: AMP first, then print), when that version is no shell and has more text.
 * The page keeps its own metadata; the alternate's fills the fields the page left empty, and its text becomes the
 * body, with {@code amp} or {@code print} as the body's source. At most {@value #MAX_TRIES} alternates are fetched.
 */
final class ShellFallback {

    static final int MAX_TRIES = 2;

    /**
     * @param page the page to build from: the fetched one or the merge with its alternate
     * @param note what was tried and with what result, for {@code Extraction.fallbackReason}; null when nothing was
     */
    record Outcome(PageResult page, String note) {
    }

    private ShellFallback() {
    }

    static boolean isShell(ExtractedPage page) {
        return page.stub() != null || page.body().length() < BodyChoice.MIN_PAGE_CHARS;
    }

    /** @param extractBudget CPU time the extraction of an alternate version may take */
    static Outcome apply(PageResult main, AlternateFetcher fetcher, Duration extractBudget) {
        ExtractedPage shell = main.extracted();
        if (shell == null || fetcher == AlternateFetcher.NONE || !isShell(shell)) {
            return new Outcome(main, null);
        }
        List<Alternate> alternates = AlternateLinks.find(main.response().body(), main.response().contentType(), main.finalUrl());
        if (alternates.isEmpty()) {
            return new Outcome(main, null);
        }
        int shellWords = WordCounter.count(shell.body());
        String what = shell.stub() != null
                ? "page is a " + shell.stub().name().toLowerCase(Locale.ROOT) + " stub (" + shellWords + " words)"
                : "page is a shell (" + shell.body().length() + " characters of text)";
        List<String> notUsed = new ArrayList<>();
        for (Alternate alternate : alternates.subList(0, Math.min(MAX_TRIES, alternates.size()))) {
            String label = label(alternate);
            PageResult read;
            try {
                read = PageResult.read(fetcher.fetch(alternate.url()), extractBudget);
            } catch (RuntimeException | StackOverflowError e) {
                notUsed.add(label + " not used: extraction failed: " + e);
                continue;
            }
            ExtractedPage version = read.extracted();
            if (version == null) {
                notUsed.add(label + " not used: " + read.problem());
                continue;
            }
            int words = WordCounter.count(version.body());
            if (isShell(version) || words <= shellWords) {
                notUsed.add(label + " not used: no more text (" + words + " words)");
                continue;
            }
            return new Outcome(main.withExtracted(merge(shell, version, source(alternate))), what + "; used its " + label);
        }
        return new Outcome(main, what + "; " + String.join("; ", notUsed));
    }

    private static String label(Alternate alternate) {
        return (alternate.kind() == AlternateLinks.Kind.AMP ? "AMP" : "print") + " version " + alternate.url();
    }

    private static Provenance source(Alternate alternate) {
        return alternate.kind() == AlternateLinks.Kind.AMP ? Provenance.AMP : Provenance.PRINT;
    }

    /** The page's metadata where it has some, the version's elsewhere, and the version's text. */
    static ExtractedPage merge(ExtractedPage page, ExtractedPage version, Provenance source) {
        Metadata mine = page.metadata();
        Metadata theirs = version.metadata();
        EnumMap<ArticleField, Provenance> sources = page.fieldSources().toEnumMap();
        sources.put(ArticleField.BODY, source);
        Metadata merged = new Metadata(
                pick(sources, ArticleField.TITLE, mine.title(), theirs.title(), source),
                mine.byline() != null ? mine.byline() : theirs.byline(),
                mine.authors().isEmpty()
                        ? pick(sources, ArticleField.AUTHORS, null, emptyToNull(theirs.authors()), source, List.of())
                        : mine.authors(),
                pick(sources, ArticleField.PUBLISHED, mine.published(), theirs.published(), source),
                pick(sources, ArticleField.MODIFIED, mine.modified(), theirs.modified(), source),
                pick(sources, ArticleField.LEAD_IMAGE, mine.leadImage(), theirs.leadImage(), source),
                pick(sources, ArticleField.SITE_NAME, mine.siteName(), theirs.siteName(), source),
                pick(sources, ArticleField.DESCRIPTION, mine.description(), theirs.description(), source),
                pick(sources, ArticleField.CANONICAL_URL, mine.canonicalUrl(), theirs.canonicalUrl(), source),
                pick(sources, ArticleField.LANGUAGE, mine.language(), theirs.language(), source),
                mine.language() != null ? mine.languageTag() : theirs.languageTag());
        return new ExtractedPage(merged, version.body(), new FieldSources(sources), version.stub());
    }

    private static <T> T pick(EnumMap<ArticleField, Provenance> sources, ArticleField field, T fromPage, T fromVersion,
                              Provenance source) {
        return pick(sources, field, fromPage, fromVersion, source, null);
    }

    private static <T> T pick(EnumMap<ArticleField, Provenance> sources, ArticleField field, T fromPage, T fromVersion,
                              Provenance source, T none) {
        if (fromPage != null) {
            return fromPage;
        }
        if (fromVersion != null) {
            sources.put(field, source);
            return fromVersion;
        }
        return none;
    }

    private static <T> List<T> emptyToNull(List<T> list) {
        return list.isEmpty() ? null : list;
    }
}
