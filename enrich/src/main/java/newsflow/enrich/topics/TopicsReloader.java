package newsflow.enrich.topics;

import io.micrometer.core.instrument.MeterRegistry;
import newsflow.common.config.ConfigLoader;
import newsflow.common.config.EnrichConfig;
import newsflow.common.config.NewsflowConfig;
import newsflow.common.metrics.MeterNames;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The enrich tagger, kept in step with the configuration file: {@link #check()} re-reads the file and, when
 * {@code enrich.topics}, {@code enrich.watchTopics}, {@code enrich.model} or {@code enrich.taxonomy} changed, builds a new
 * {@link TopicTagger} and swaps it in with one atomic reference write. An article being built holds the tagger it
 * got from {@link #get()}, so it is tagged wholly by the old set or wholly by the new one, never by a mix.
 *
 * <p>The file is polled (its bytes compared with the last read) rather than watched with a {@code WatchService}:
 * editors that write a new file and rename it, and mounted configuration volumes that swap a symlink, are seen
 * the same way, and a poll every few seconds of a small file costs nothing.
 *
 * <p>A file that no longer parses, a watch query with an error, or a model that cannot be loaded keeps the
 * tagger in use: the error is logged (it names the topic and the position for a query) and counted
 * ({@value MeterNames#TOPICS_RELOADS}, outcome {@code failed}); the same bytes are not retried, the next change is.
 * Other settings changed in the file take a restart, which is logged once per change.
 */
public final class TopicsReloader implements Supplier<TopicTagger>, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TopicsReloader.class);

    /** What one {@link #check()} did. */
    public enum Outcome {
        /** The file has the bytes last read. */
        UNCHANGED,
        /** The file changed, the topic settings did not. */
        NO_TOPIC_CHANGE,
        /** A new tagger is in use. */
        APPLIED,
        /** The file changed but could not be applied; the previous tagger stays. */
        FAILED
    }

    /** A check's outcome and, for {@link Outcome#FAILED}, why (naming the topic and position of a bad query). */
    public record Result(Outcome outcome, String error) {
        static Result of(Outcome outcome) {
            return new Result(outcome, null);
        }
    }

    private final Path file;
    private final Function<String, NewsflowConfig> parser;
    private final MeterRegistry meters;
    private final AtomicReference<TopicTagger> current;
    private byte[] lastBytes;
    /** The topic settings the current tagger was built from. */
    private EnrichConfig running;
    /** The file as last parsed, to notice changes to other settings; null when it did not parse. */
    private NewsflowConfig fileConfig;
    private ScheduledExecutorService timer;

    /**
     * @param file    the configuration file the process was started with
     * @param initial the enrich settings in effect (as loaded from {@code file} at startup)
     * @param tagger  the tagger built from {@code initial}
     * @param parser  YAML text to configuration ({@link ConfigLoader}: defaults, the text, the environment)
     */
    TopicsReloader(Path file, EnrichConfig initial, TopicTagger tagger, Function<String, NewsflowConfig> parser,
                   MeterRegistry meters) {
        this.file = Objects.requireNonNull(file, "file");
        this.parser = parser;
        this.meters = meters;
        this.current = new AtomicReference<>(Objects.requireNonNull(tagger, "tagger"));
        this.running = initial;
        this.lastBytes = readOrNull(file);
        this.fileConfig = parseOrNull(lastBytes);
    }

    /** Re-reads {@code file} as {@link ConfigLoader#load(java.nio.file.Path)} does, with the process environment. */
    public static TopicsReloader forFile(Path file, EnrichConfig initial, TopicTagger tagger, MeterRegistry meters) {
        return new TopicsReloader(file, initial, tagger, text -> ConfigLoader.load(text, System.getenv()), meters);
    }

    /** The tagger to use for the next article. */
    @Override
    public TopicTagger get() {
        return current.get();
    }

    /** Re-reads the file once; applies what changed. Called by the timer, and by tests directly. */
    public synchronized Result check() {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            if (lastBytes != null) {
                log.error("enrich: cannot read configuration file {} ({}); keeping the current topics", file, e.toString());
                count("failed");
                lastBytes = null; // report again once it is readable and broken, or apply once it is readable and fine
                return new Result(Outcome.FAILED, "cannot read " + file + ": " + e);
            }
            return Result.of(Outcome.UNCHANGED);
        }
        if (Arrays.equals(bytes, lastBytes)) {
            return Result.of(Outcome.UNCHANGED);
        }
        lastBytes = bytes;
        NewsflowConfig next;
        try {
            next = parser.apply(new String(bytes, StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            return failed("the file does not parse: " + e.getMessage(), e);
        }
        if (fileConfig != null && !withoutTopics(next).equals(withoutTopics(fileConfig))) {
            log.warn("enrich: configuration file {} changed settings other than enrich.topics, enrich.watchTopics, "
                    + "enrich.model and enrich.taxonomy; those take a restart", file);
        }
        fileConfig = next;
        EnrichConfig before = running;
        EnrichConfig after = next.enrich();
        if (sameTopics(before, after)) {
            return Result.of(Outcome.NO_TOPIC_CHANGE);
        }
        TopicTagger tagger;
        try {
            tagger = before.model().equals(after.model()) && before.taxonomy().equals(after.taxonomy())
                    ? current.get().withRules(after.topics(), after.watchTopics())
                    : TopicTagger.configured(after);
        } catch (RuntimeException e) {
            return failed(e.getMessage(), e);
        }
        current.set(tagger);
        running = after;
        count("applied");
        log.info("enrich: topics reloaded from {}: {} rule topics, {} watch-topics, model {}", file,
                after.topics().size(), after.watchTopics().size(), !after.model().isEmpty() ? after.model()
                        : after.usesTaxonomy() ? "none (taxonomy " + after.taxonomy() + ")" : "none");
        return Result.of(Outcome.APPLIED);
    }

    /** Checks every {@code interval} on a daemon thread until {@link #close()}. */
    public synchronized void start(Duration interval) {
        if (timer != null || interval.isZero()) {
            return;
        }
        timer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("enrich-topics-reload").factory());
        timer.scheduleWithFixedDelay(() -> {
            try {
                check();
            } catch (RuntimeException e) {
                // the timer must survive whatever one check does
                log.error("enrich: checking {} for topic changes failed", file, e);
            }
        }, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        log.info("enrich: watching {} for topic changes every {} s", file, interval.toSeconds());
    }

    @Override
    public synchronized void close() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
    }

    private Result failed(String why, RuntimeException e) {
        log.error("enrich: configuration file {} changed but is not applied, the current topics stay: {}", file, why);
        log.debug("reload failure", e);
        count("failed");
        return new Result(Outcome.FAILED, why);
    }

    private void count(String outcome) {
        meters.counter(MeterNames.TOPICS_RELOADS, "outcome", outcome).increment();
    }

    private static boolean sameTopics(EnrichConfig a, EnrichConfig b) {
        return a.topics().equals(b.topics()) && a.watchTopics().equals(b.watchTopics()) && a.model().equals(b.model())
                && a.taxonomy().equals(b.taxonomy());
    }

    /** The configuration with the settings a reload applies blanked out. */
    private static NewsflowConfig withoutTopics(NewsflowConfig c) {
        return c.withEnrich(c.enrich().withTopics(Map.of(), Map.of(), "", EnrichConfig.NO_TAXONOMY));
    }

    private NewsflowConfig parseOrNull(byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        try {
            return parser.apply(new String(bytes, StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static byte[] readOrNull(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            return null;
        }
    }
}
