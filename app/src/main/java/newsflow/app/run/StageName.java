package newsflow.app.run;

import newsflow.common.config.KafkaConfig;
import newsflow.common.kafka.Topics;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** The stages one newsflow process can run; operators scale out by running more processes with some of them. */
public enum StageName {
    INGEST, ENRICH, INDEX, SEARCH, ALERTS;

    public static Set<StageName> parse(String commaSeparated) {
        if (commaSeparated == null || commaSeparated.isBlank() || commaSeparated.strip().equalsIgnoreCase("all")) {
            return EnumSet.allOf(StageName.class);
        }
        EnumSet<StageName> stages = EnumSet.noneOf(StageName.class);
        for (String part : commaSeparated.split(",")) {
            String name = part.strip().toUpperCase(Locale.ROOT);
            try {
                stages.add(StageName.valueOf(name));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown stage '" + part.strip() + "' (stages: ingest, enrich, index, search, alerts, all)");
            }
        }
        return stages;
    }

    public String lower() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The topic whose records the stage processes and commits offsets on: the one to replay or to measure lag on.
     * Empty for ingest (it polls feeds; its group only shares them out over the feed-state partitions) and search.
     */
    public Optional<String> inputTopic(Topics topics) {
        return switch (this) {
            case ENRICH -> Optional.of(topics.entries());
            case INDEX -> Optional.of(topics.articles());
            // the matcher's group; its delivery loop has a group of its own on the alerts topic
            case ALERTS -> Optional.of(topics.articles());
            case INGEST, SEARCH -> Optional.empty();
        };
    }

    /** The topic the stage's consumer group is subscribed to (ingest: the feed-state topic); empty for search. */
    public Optional<String> groupTopic(Topics topics) {
        return this == INGEST ? Optional.of(topics.feedState()) : inputTopic(topics);
    }

    /** The stage's consumer group, shared by its instances. */
    public String group(KafkaConfig kafka) {
        return kafka.groupPrefix() + lower();
    }
}
