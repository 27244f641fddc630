package newsflow.search.saved;

import java.util.List;

/**
 * The exact filters of a saved search, as {@code /api/search} takes them: values of one list are alternatives,
 * every non-empty list must hold.
 */
public record SavedFilters(List<String> topic, List<String> source, List<String> lang, List<String> author) {

    public static final SavedFilters NONE = new SavedFilters(List.of(), List.of(), List.of(), List.of());

    public SavedFilters {
        topic = topic == null ? List.of() : List.copyOf(topic);
        source = source == null ? List.of() : List.copyOf(source);
        lang = lang == null ? List.of() : List.copyOf(lang);
        author = author == null ? List.of() : List.copyOf(author);
    }

    public boolean isEmpty() {
        return topic.isEmpty() && source.isEmpty() && lang.isEmpty() && author.isEmpty();
    }
}
