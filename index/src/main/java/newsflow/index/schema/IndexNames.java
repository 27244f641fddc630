package newsflow.index.schema;

import newsflow.common.model.Article;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Names of the template and of the monthly indices behind the read alias. With alias {@code newsflow-articles}
 * and version 1: template {@code newsflow-articles-v1}, indices {@code newsflow-articles-v1-2026.11}.
 *
 * <p>The document id is the article id, which makes writes idempotent only within one index. So the month an
 * article goes to must depend on the article alone, never on when it is processed: a replay from Kafka has to
 * hit the same index or the article would exist twice.
 */
public record IndexNames(String alias, int version) {

    /**
     * Bump together with a mapping change that existing indices cannot take. 2: per-language text fields
     * ({@code i18n}) and their analyzers, English text analysed with ASCII folding.
     */
    public static final int CURRENT_VERSION = 2;

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy.MM").withZone(ZoneOffset.UTC);
    /** A published date this far after the feed was read is a parsing error or a lie, not the future. */
    private static final Duration FUTURE_TOLERANCE = Duration.ofDays(2);
    /**
     * An article published this long before its feed entry was read is an archive page (a feed or sitemap listing
     * old items): it goes to the one archive index instead of the index of its month, so a first crawl of a site's
     * back catalogue writes into one index rather than creating dozens of monthly ones on its first bulk.
     */
    static final Duration ARCHIVE_AGE = Duration.ofDays(31);
    /** The last part of the archive index's name. */
    static final String ARCHIVE = "archive";
    /** Before this, a published date is almost always a broken parse (epoch 0, year 1) rather than an archive. */
    private static final Instant EARLIEST_PLAUSIBLE = Instant.parse("1990-01-01T00:00:00Z");

    public IndexNames {
        if (version < 1) {
            throw new IllegalArgumentException("schema version must be at least 1, got " + version);
        }
        if (alias == null || alias.isBlank()) {
            throw new IllegalArgumentException("elasticsearch.index (the alias) is empty");
        }
        if (!alias.equals(alias.toLowerCase(java.util.Locale.ROOT)) || alias.startsWith("_") || alias.startsWith("-")
                || alias.chars().anyMatch(c -> " \"*\\<|,>/?#:".indexOf(c) >= 0)) {
            throw new IllegalArgumentException("elasticsearch.index '" + alias
                    + "' is not a valid index name (lowercase, no spaces or \"*\\<|,>/?#:, not starting with _ or -)");
        }
    }

    public static IndexNames current(String alias) {
        return new IndexNames(alias, CURRENT_VERSION);
    }

    /**
     * The schema version of an index named by this scheme for {@code alias} ({@code newsflow-articles-v7-2026.11}
     * gives 7), empty for any other index.
     */
    public static OptionalInt versionOf(String alias, String index) {
        String prefix = alias + "-v";
        if (!index.startsWith(prefix)) {
            return OptionalInt.empty();
        }
        int dash = index.indexOf('-', prefix.length());
        String digits = dash < 0 ? "" : index.substring(prefix.length(), dash);
        if (digits.isEmpty() || digits.length() > 9 || !digits.chars().allMatch(Character::isDigit)) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(Integer.parseInt(digits));
    }

    /** The same alias under another schema version. */
    public IndexNames withVersion(int other) {
        return new IndexNames(alias, other);
    }

    /** The index template's name, e.g. {@code newsflow-articles-v1}. */
    public String template() {
        return alias + "-v" + version;
    }

    /** The pattern the template applies to, e.g. {@code newsflow-articles-v1-*}. */
    public String pattern() {
        return template() + "-*";
    }

    /** The monthly index holding documents of the month of {@code time} (UTC). */
    public String forMonth(Instant time) {
        return template() + "-" + MONTH.format(time);
    }

    /** The index of archive pages, e.g. {@code newsflow-articles-v1-archive}. */
    public String archive() {
        return template() + "-" + ARCHIVE;
    }

    /**
     * The index an article belongs in: the month it was published, or (no or implausible published date) the
     * month its feed entry was read, or the month enrich produced it; the {@link #archive()} index when it was
     * published more than {@link #ARCHIVE_AGE} before its feed entry was read (or enrich built it). Empty when the
     * article carries none of these times. Like the month, the choice depends on the article alone.
     */
    public Optional<String> forArticle(Article article) {
        Optional<Instant> time = partitionTime(article);
        Instant reference = referenceTime(article);
        if (time.isPresent() && reference != null && time.get().isBefore(reference.minus(ARCHIVE_AGE))) {
            return Optional.of(archive());
        }
        return time.map(this::forMonth);
    }

    private static Instant referenceTime(Article article) {
        Instant fetched = article.entry() == null ? null : article.entry().fetchedAt();
        return fetched != null ? fetched : article.processedAt();
    }

    static Optional<Instant> partitionTime(Article article) {
        Instant fallback = referenceTime(article);
        Instant published = article.published();
        if (published != null && plausible(published, fallback)) {
            return Optional.of(published);
        }
        return Optional.ofNullable(fallback);
    }

    private static boolean plausible(Instant published, Instant reference) {
        if (published.isBefore(EARLIEST_PLAUSIBLE)) {
            return false;
        }
        return reference == null || !published.isAfter(reference.plus(FUTURE_TOLERANCE));
    }
}
