package newsflow.app.status;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import newsflow.app.repair.DeadLetterQuery;
import newsflow.app.run.StageName;
import newsflow.app.stack.LocalStack;
import newsflow.common.config.FeedConfig;
import newsflow.common.config.NewsflowConfig;
import newsflow.common.kafka.ConsumerGroups;
import newsflow.common.kafka.KafkaClients;
import newsflow.index.es.ElasticsearchClients;
import newsflow.index.schema.AliasTargets;
import newsflow.index.schema.IndexNames;
import newsflow.search.alerts.MatchingPath;
import newsflow.ingest.registry.FeedRegistry;
import newsflow.ingest.state.FeedState;
import newsflow.ingest.status.FeedStatus;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.FileVisitResult;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Gathers {@link PipelineStatus} from the cluster and the data directory. Each section is read on its own: Kafka
 * down still shows Elasticsearch and the disk, and the reverse.
 */
public final class StatusCollector {

    /** The window of the dead-letter count. */
    public static final Duration DEAD_LETTER_WINDOW = Duration.ofHours(1);
    private static final Duration KAFKA_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration ES_TIMEOUT = Duration.ofSeconds(10);

    private StatusCollector() {
    }

    /**
     * @param loaded the configuration as loaded (empty addresses: the local stack)
     * @param kafka  connects to the broker; throws with the reason when none answers
     */
    public static PipelineStatus collect(NewsflowConfig loaded, Supplier<KafkaClients> kafka) {
        Instant now = Instant.now();
        NewsflowConfig config = LocalStack.addressesOfRunningStack(loaded);
        List<String> problems = new ArrayList<>();
        List<PipelineStatus.Stage> stages = List.of();
        PipelineStatus.Feeds feeds = null;
        PipelineStatus.DeadLetters deadLetters = null;
        KafkaClients clients = null;
        try {
            clients = kafka.get();
        } catch (RuntimeException e) {
            problems.add("kafka: " + e.getMessage());
        }
        if (clients != null) {
            try {
                stages = stages(clients);
            } catch (RuntimeException e) {
                problems.add("consumer groups: " + e.getMessage());
            }
            try {
                feeds = feeds(clients, now);
            } catch (RuntimeException e) {
                problems.add("feeds: " + e.getMessage());
            }
            try {
                deadLetters = deadLetters(clients, now.minus(DEAD_LETTER_WINDOW));
            } catch (RuntimeException e) {
                problems.add("dead letters: " + e.getMessage());
            }
        }
        PipelineStatus.Elasticsearch es = null;
        try {
            es = elasticsearch(config);
        } catch (IOException | RuntimeException e) {
            problems.add("elasticsearch at " + config.elasticsearch().url() + ": " + e.getMessage());
        }
        PipelineStatus.Disk disk = null;
        try {
            disk = disk(loaded);
        } catch (IOException e) {
            problems.add("disk: " + e.getMessage());
        }
        return new PipelineStatus(now, stages, feeds, deadLetters, es, disk, problems);
    }

    private static List<PipelineStatus.Stage> stages(KafkaClients kafka) {
        List<PipelineStatus.Stage> stages = new ArrayList<>();
        try (ConsumerGroups groups = new ConsumerGroups(kafka, KAFKA_TIMEOUT)) {
            for (StageName stage : List.of(StageName.INGEST, StageName.ENRICH, StageName.INDEX)) {
                String topic = stage.groupTopic(kafka.topics()).orElseThrow();
                ConsumerGroups.Group g = groups.describe(stage.group(kafka.config()), topic);
                Long lag = stage.inputTopic(kafka.topics()).isPresent() ? g.lag() : null;
                stages.add(new PipelineStatus.Stage(stage.lower(), g.id(), topic, g.state(), g.members(), lag));
            }
        }
        return stages;
    }

    private static PipelineStatus.Feeds feeds(KafkaClients kafka, Instant now) {
        try (FeedRegistry registry = FeedRegistry.create(kafka, KAFKA_TIMEOUT)) {
            List<FeedConfig> registered = registry.load();
            Map<String, FeedState> states = newsflow.ingest.state.FeedStateStore.readAll(
                    kafka.readerWithoutGroup("newsflow-status"), kafka.topics().feedState(), KAFKA_TIMEOUT);
            List<FeedStatus> all = registered.stream().map(f -> FeedStatus.of(f, states.get(f.url()), now)).toList();
            List<FeedStatus> failing = all.stream().filter(f -> f.errorStreak() > 0)
                    .sorted(Comparator.comparingInt(FeedStatus::errorStreak).reversed().thenComparing(FeedStatus::url))
                    .toList();
            int notPolled = (int) all.stream().filter(f -> !f.polled()).count();
            return new PipelineStatus.Feeds(all.size(), notPolled, failing);
        }
    }

    private static PipelineStatus.DeadLetters deadLetters(KafkaClients kafka, Instant since) {
        Map<String, Long> byStage = new TreeMap<>();
        long[] total = {0};
        new DeadLetterQuery(null, since, java.util.Set.of(), null).read(kafka, KAFKA_TIMEOUT, d -> {
            total[0]++;
            byStage.merge(String.valueOf(d.letter().stage()), 1L, Long::sum);
        });
        return new PipelineStatus.DeadLetters(since, total[0], byStage);
    }

    private static PipelineStatus.Elasticsearch elasticsearch(NewsflowConfig config) throws IOException {
        try (ElasticsearchClient es = ElasticsearchClients.create(config.elasticsearch(), ES_TIMEOUT)) {
            var health = es.cluster().health();
            String alias = config.elasticsearch().index();
            AliasTargets live = AliasTargets.read(es, alias);
            Long documents = null;
            if (!live.versions().isEmpty() || !live.unversioned().isEmpty()) {
                documents = es.count(c -> c.index(alias)).count();
            }
            return new PipelineStatus.Elasticsearch(config.elasticsearch().url(), health.status().jsonValue(),
                    health.numberOfNodes(), alias, live.versions(), IndexNames.CURRENT_VERSION, documents,
                    MatchingPath.detect(es).summary());
        }
    }

    private static PipelineStatus.Disk disk(NewsflowConfig loaded) throws IOException {
        Path dir = Path.of(loaded.dataDir()).toAbsolutePath().normalize();
        if (!Files.isDirectory(dir)) {
            return new PipelineStatus.Disk(dir.toString(), 0, 0, 0, null);
        }
        return new PipelineStatus.Disk(dir.toString(), size(dir.resolve("kafka")), size(dir.resolve("elasticsearch")),
                size(dir), Files.getFileStore(dir).getUsableSpace());
    }

    /**
     * Bytes of the regular files under {@code dir}. Files that vanish while it is walked (a segment rolled) or
     * cannot be read count 0: the figure is for a glance, not an audit.
     */
    static long size(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        long[] total = {0};
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (attrs.isRegularFile()) {
                    total[0] += attrs.size();
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) {
                return FileVisitResult.CONTINUE;
            }
        });
        return total[0];
    }
}
