package newsflow.index.schema;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The indices the read alias points at, by schema version: which version is live. Searches and dashboards read
 * the alias, so exactly one version should be behind it; two only for the instant of a switch, which is atomic.
 *
 * @param byVersion   the alias's indices named by the versioned scheme ({@link IndexNames}), by version
 * @param unversioned the alias's indices named otherwise (created by hand): never ours to move
 */
public record AliasTargets(String alias, SortedMap<Integer, List<String>> byVersion, List<String> unversioned) {

    public AliasTargets {
        byVersion = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(byVersion));
        unversioned = List.copyOf(unversioned);
    }

    public static AliasTargets read(ElasticsearchClient es, String alias) throws IOException {
        SortedMap<Integer, List<String>> byVersion = new TreeMap<>();
        List<String> unversioned = new ArrayList<>();
        if (!es.indices().existsAlias(a -> a.name(alias)).value()) {
            return new AliasTargets(alias, byVersion, unversioned);
        }
        try {
            for (String index : es.indices().getAlias(a -> a.name(alias)).aliases().keySet().stream().sorted().toList()) {
                OptionalInt version = IndexNames.versionOf(alias, index);
                if (version.isPresent()) {
                    byVersion.computeIfAbsent(version.getAsInt(), v -> new ArrayList<>()).add(index);
                } else {
                    unversioned.add(index);
                }
            }
        } catch (ElasticsearchException e) {
            if (e.status() != 404) { // gone between the two requests
                throw e;
            }
        }
        return new AliasTargets(alias, byVersion, unversioned);
    }

    /** The schema versions behind the alias; empty before the first index was created. */
    public Set<Integer> versions() {
        return byVersion.keySet();
    }

    /** Every versioned index behind the alias. */
    public List<String> indices() {
        return byVersion.values().stream().flatMap(List::stream).toList();
    }
}
