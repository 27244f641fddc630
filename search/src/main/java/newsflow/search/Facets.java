package newsflow.search;

import java.util.List;

/**
 * Counts of matching articles per topic of each taxonomy, source, language, author and published day (UTC). Topics
 * are split by taxonomy so that, say, the operator's {@code science} and IPTC's {@code science and technology} are
 * never two entries of one list: {@code iptc} (IPTC Media Topics by code, with official label and parent code),
 * {@code operatorTopics} (the operator's rules), {@code watchTopics}, {@code modelTopics} (a trained model's labels
 * that are no IPTC topic). Each list is best first, at most {@link FacetAggregations#SIZE} entries.
 */
public record Facets(List<IptcCount> iptc, List<FacetCount> operatorTopics, List<FacetCount> watchTopics,
                     List<FacetCount> modelTopics, List<FacetCount> sources, List<FacetCount> languages,
                     List<FacetCount> authors, List<DayCount> perDay) {

    public static final Facets EMPTY = new Facets(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
            List.of(), List.of());

    public Facets {
        iptc = List.copyOf(iptc);
        operatorTopics = List.copyOf(operatorTopics);
        watchTopics = List.copyOf(watchTopics);
        modelTopics = List.copyOf(modelTopics);
        sources = List.copyOf(sources);
        languages = List.copyOf(languages);
        authors = List.copyOf(authors);
        perDay = List.copyOf(perDay);
    }

    public record FacetCount(String key, long count) {
    }

    /**
     * @param key    the IPTC code, e.g. {@code medtop:20000763}; {@code topic=} takes it as a filter
     * @param label  the official label
     * @param parent the code one level up, null for a top-level topic
     */
    public record IptcCount(String key, String label, long count, String parent) {
    }

    /** @param date {@code yyyy-MM-dd} */
    public record DayCount(String date, long count) {
    }
}
