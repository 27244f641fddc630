package newsflow.search.query;

import java.time.Instant;
import java.util.List;

/**
 * The exact filters of a search scope. Values of one list are alternatives (any of them), the lists and the
 * date range all apply (every one of them). Empty lists and null dates filter nothing.
 *
 * @param topics  articles tagged with any of these topics
 * @param sources articles from any of these sources (feed names)
 * @param langs   articles in any of these languages (ISO 639, lower case)
 * @param authors articles by any of these authors (exact names, as in hits)
 * @param from    published at or after
 * @param to      published before (exclusive)
 */
public record Filters(List<String> topics, List<String> sources, List<String> langs, List<String> authors,
                      Instant from, Instant to) {

    public static final Filters NONE = new Filters(List.of(), List.of(), List.of(), List.of(), null, null);

    public Filters {
        topics = topics == null ? List.of() : List.copyOf(topics);
        sources = sources == null ? List.of() : List.copyOf(sources);
        langs = langs == null ? List.of() : List.copyOf(langs);
        authors = authors == null ? List.of() : List.copyOf(authors);
        if (from != null && to != null && !from.isBefore(to)) {
            throw new IllegalArgumentException("'from' (" + from + ") must be before 'to' (" + to + ")");
        }
    }

    public boolean isEmpty() {
        return topics.isEmpty() && sources.isEmpty() && langs.isEmpty() && authors.isEmpty() && from == null && to == null;
    }

    public Filters withDates(Instant newFrom, Instant newTo) {
        return new Filters(topics, sources, langs, authors, newFrom, newTo);
    }
}
