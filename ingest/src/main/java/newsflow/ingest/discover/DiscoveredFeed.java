package newsflow.ingest.discover;

/**
 * A feed found for a site and verified: it was fetched and parsed.
 *
 * @param url     the feed URL as the site names it (or the common path tried)
 * @param title   the feed's own title, null when it has none
 * @param format  the parsed format ({@code rss_2.0}, {@code atom_1.0}, {@code json_1.1}, …)
 * @param entries items the document holds
 * @param via     how it was found: {@code given} (the URL was a feed), {@code link} (a
 *                {@code <link rel="alternate">}) or {@code path} (a common feed path)
 */
public record DiscoveredFeed(String url, String title, String format, int entries, String via) {
}
