package newsflow.enrich;

import io.micrometer.core.instrument.MeterRegistry;
import newsflow.common.kafka.JsonCodec;
import newsflow.common.metrics.MeterNames;
import newsflow.common.model.Article;
import newsflow.common.model.FeedEntry;
import newsflow.enrich.extract.WordCounter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;

/**
 * Keeps an article under the broker's record limit by cutting its longest text (the body, else the feed's own
 * content or summary it carries) at a paragraph or word boundary, rather than losing the whole article to the
 * dead-letter topic. A cut article says so in {@code extraction.truncated}, is counted in
 * {@value MeterNames#ARTICLES_TRUNCATED} and logged.
 */
final class ArticleSizeLimit {

    private static final Logger log = LoggerFactory.getLogger(ArticleSizeLimit.class);
    /** Room left under the limit for the record's key, headers and batch framing. */
    static final int MAX_MARGIN = 16 * 1024;
    /** Cuts before giving up: each one re-measures, so two are usually enough. */
    private static final int MAX_ROUNDS = 8;

    private final int limit;
    private final int target;
    private final MeterRegistry meters;

    /** @param recordLimit the largest record the producer and broker accept ({@code KafkaClients#maxRecordBytes}) */
    ArticleSizeLimit(int recordLimit, MeterRegistry meters) {
        this.limit = recordLimit;
        this.target = recordLimit - Math.min(MAX_MARGIN, recordLimit / 10);
        this.meters = meters;
    }

    /** Serialized bytes an article may take. */
    int target() {
        return target;
    }

    /**
     * The article itself when it fits, else a copy with its longest texts cut to fit and marked truncated. An
     * article that cannot be made to fit (its other fields alone are too large) is returned as it is: the
     * broker refuses it and it is dead-lettered with that reason.
     */
    Article fit(Article article, String where) {
        int original = size(article);
        if (original <= target) {
            return article;
        }
        int bodyChars = article.body() == null ? 0 : article.body().length();
        Article cut = article;
        int size = original;
        for (int round = 0; round < MAX_ROUNDS && size > target; round++) {
            Article next = shrink(cut, size - target);
            if (next == cut) {
                break; // nothing left to cut
            }
            cut = next;
            size = size(cut);
        }
        if (size > target) {
            log.warn("article {} from {} is {} bytes and cannot be cut under the record limit of {} bytes",
                    article.id(), where, original, limit);
            return article;
        }
        meters.counter(MeterNames.ARTICLES_TRUNCATED).increment();
        log.warn("article {} ({}) from {} was {} bytes, over the record limit of {} bytes: body cut from {} to {} characters",
                article.id(), article.url(), where, original, limit, bodyChars,
                cut.body() == null ? 0 : cut.body().length());
        return cut;
    }

    static int size(Article article) {
        return JsonCodec.ARTICLE.encode(article).length;
    }

    /** Cuts the longest of body, entry content and entry summary by about {@code excess} bytes. */
    private static Article shrink(Article a, int excess) {
        FeedEntry e = a.entry();
        String body = a.body();
        String content = e == null ? null : e.content();
        String summary = e == null ? null : e.summary();
        int bodyBytes = utf8(body);
        int contentBytes = utf8(content);
        int summaryBytes = utf8(summary);
        int longest = Math.max(bodyBytes, Math.max(contentBytes, summaryBytes));
        if (longest == 0) {
            return a;
        }
        if (longest == bodyBytes) {
            String cutBody = cut(body, bodyBytes, excess);
            return new Article(a.schemaVersion(), a.id(), a.url(), a.canonicalUrl(), e, a.title(), cutBody, a.authors(),
                    a.published(), a.modified(), a.leadImage(), a.siteName(), a.description(), a.language(), a.topics(),
                    WordCounter.count(cutBody), a.extraction().asTruncated(), a.processedAt(), a.storyId());
        }
        FeedEntry cutEntry = longest == contentBytes
                ? entry(e, summary, cut(content, contentBytes, excess))
                : entry(e, cut(summary, summaryBytes, excess), content);
        return new Article(a.schemaVersion(), a.id(), a.url(), a.canonicalUrl(), cutEntry, a.title(), body, a.authors(),
                a.published(), a.modified(), a.leadImage(), a.siteName(), a.description(), a.language(), a.topics(),
                a.wordCount(), a.extraction().asTruncated(), a.processedAt(), a.storyId());
    }

    private static FeedEntry entry(FeedEntry e, String summary, String content) {
        return new FeedEntry(e.schemaVersion(), e.id(), e.feedUrl(), e.feedTitle(), e.link(), e.guid(), e.title(),
                summary, content, e.authors(), e.published(), e.updated(), e.categories(), e.media(), e.fetchedAt());
    }

    /**
     * The text cut by at least {@code excess} of its {@code bytes} (a little more, since JSON escapes make the
     * encoded text longer than its UTF-8), at the last paragraph break, else the last space, in the second half
     * of what may be kept.
     */
    static String cut(String text, int bytes, int excess) {
        double keep = Math.max(0.0, (bytes - excess) / (double) bytes) * 0.98;
        int max = (int) Math.floor(text.length() * keep);
        if (max <= 0) {
            return "";
        }
        int paragraph = text.lastIndexOf("\n\n", max - 1);
        if (paragraph >= max / 2) {
            return text.substring(0, paragraph);
        }
        for (int i = max - 1; i >= max / 2; i--) {
            if (Character.isWhitespace(text.charAt(i))) {
                return text.substring(0, i).stripTrailing();
            }
        }
        if (Character.isHighSurrogate(text.charAt(max - 1))) {
            max--;
        }
        return text.substring(0, max);
    }

    private static int utf8(String s) {
        return s == null ? 0 : s.getBytes(StandardCharsets.UTF_8).length;
    }
}
