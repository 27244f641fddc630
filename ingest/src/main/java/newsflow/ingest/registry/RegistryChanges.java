package newsflow.ingest.registry;

import newsflow.common.config.FeedConfig;

import java.util.List;

/**
 * What changed in the feed registry since it was last read.
 *
 * @param put     feeds added, or whose configuration changed
 * @param removed URLs of feeds removed
 */
public record RegistryChanges(List<FeedConfig> put, List<String> removed) {

    public static final RegistryChanges NONE = new RegistryChanges(List.of(), List.of());

    public RegistryChanges {
        put = List.copyOf(put);
        removed = List.copyOf(removed);
    }

    public boolean isEmpty() {
        return put.isEmpty() && removed.isEmpty();
    }
}
