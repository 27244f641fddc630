package newsflow.search;

import java.util.List;

/** Counts of matching articles per topic, source, language and published day (UTC). */
public record Facets(List<FacetCount> topics, List<FacetCount> sources, List<FacetCount> languages, List<DayCount> perDay) {

    public static final Facets EMPTY = new Facets(List.of(), List.of(), List.of(), List.of());

    public Facets {
        topics = List.copyOf(topics);
        sources = List.copyOf(sources);
        languages = List.copyOf(languages);
        perDay = List.copyOf(perDay);
    }

    public record FacetCount(String key, long count) {
    }

    /** @param date {@code yyyy-MM-dd} */
    public record DayCount(String date, long count) {
    }
}
