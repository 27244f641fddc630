package newsflow.common.kafka;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import newsflow.common.metrics.MeterNames;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;

import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The meters of one consume loop, the same whichever loop a stage runs ({@link StageLoop} a batch at a time,
 * {@link RecordLoop} a record at a time), so one dashboard serves every stage: records done, retries, the duration
 * histogram (one record being a {@link RecordLoop}'s batch) and the lag of the partitions held.
 */
final class StageMeters {

    /**
     * Every running loop, so the lag gauge of a stage sums the loops of that stage in this process (tests, and a
     * process restarted in place, run several one after the other or side by side; one gauge serves them all).
     */
    private static final Set<StageMeters> RUNNING = ConcurrentHashMap.newKeySet();

    final Counter records;
    final Counter retries;
    final Timer duration;
    private final String stage;
    private final String topic;
    private volatile long lag;

    StageMeters(MeterRegistry meters, String stage, String topic) {
        this.stage = stage;
        this.topic = topic;
        this.records = meters.counter(MeterNames.STAGE_RECORDS, "stage", stage);
        this.retries = meters.counter(MeterNames.BATCH_RETRIES, "stage", stage);
        this.duration = Timer.builder(MeterNames.STAGE_BATCH_DURATION).tag("stage", stage)
                .serviceLevelObjectives(StageLoop.BATCH_BUCKETS).register(meters);
        Gauge.builder(MeterNames.STAGE_LAG, () -> lagOf(stage, topic))
                .tags("stage", stage, "topic", topic).baseUnit("records")
                .description("records not yet read from the partitions this process holds").register(meters);
    }

    /** The loop consumes from now on: its lag counts. */
    void running() {
        RUNNING.add(this);
    }

    /** The loop stopped: its lag no longer counts. */
    void stopped() {
        RUNNING.remove(this);
    }

    /** Sums the consumer's own view of the lag (no request to the broker) over the partitions it holds. */
    void measureLag(Consumer<?, ?> consumer) {
        long total = 0;
        for (TopicPartition tp : consumer.assignment()) {
            OptionalLong behind = consumer.currentLag(tp);
            if (behind.isPresent()) {
                total += behind.getAsLong();
            }
        }
        lag = total;
    }

    private static long lagOf(String stage, String topic) {
        return RUNNING.stream().filter(m -> m.stage.equals(stage) && m.topic.equals(topic)).mapToLong(m -> m.lag).sum();
    }
}
