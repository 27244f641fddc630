package newsflow.enrich.extract;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Page metadata with, per field that has a value, where it came from ({@code json-ld}, {@code meta}, {@code html}, {@code heuristic}).
 * {@code byline}: the byline as the page states or shows it ("By Jane Doe, March 3"); {@code authors}: the names in it.
 * {@code notFreeToRead}: the page's JSON-LD says the article is not free to read (a paywall marker).
 */
record Metadata(
        String title,
        String byline,
        List<String> authors,
        Instant published,
        Instant modified,
        String leadImage,
        String siteName,
        String description,
        String canonicalUrl,
        String language,
        String languageTag,
        String jsonLdBody,
        boolean notFreeToRead,
        Map<String, String> sources) {
}
