package newsflow.search.analytics;

/** How many articles have one value of a field (a source, say). */
public record KeyCount(String key, long count) {
}
