package newsflow.search.alerts;

import io.micrometer.core.instrument.MeterRegistry;
import newsflow.common.json.Json;
import newsflow.common.kafka.Batch;
import newsflow.common.kafka.BatchProcessor;
import newsflow.common.kafka.DeadLetters;
import newsflow.common.kafka.PoisonRecordException;
import newsflow.common.metrics.MeterNames;
import newsflow.search.saved.SavedSearch;
import newsflow.search.saved.SavedSearchStore;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Delivers each alert of the alerts topic to its saved search's webhook, the batch's alerts side by side (at most
 * {@code alerts.deliveryConcurrency} at once), and writes each outcome to the delivery states as soon as it is
 * known. An alert that already has an outcome is skipped, so a replayed batch sends again only what was cut
 * short. One that fails for good, or {@code alerts.deliveryAttempts} times, goes to the dead-letter topic.
 */
final class DeliveryProcessor implements BatchProcessor<Alert> {

    private static final Logger log = LoggerFactory.getLogger(DeliveryProcessor.class);

    private final SavedSearchStore store;
    private final DeliveryStates states;
    private final WebhookSender sender;
    private final DeadLetters deadLetters;
    private final int concurrency;
    private final int maxWebhookBytes;
    private final BooleanSupplier closing;
    private final Clock clock;
    private final MeterRegistry meters;

    DeliveryProcessor(SavedSearchStore store, DeliveryStates states, WebhookSender sender, DeadLetters deadLetters,
                      int concurrency, int maxWebhookBytes, BooleanSupplier closing, Clock clock, MeterRegistry meters) {
        this.store = store;
        this.states = states;
        this.sender = sender;
        this.deadLetters = deadLetters;
        this.concurrency = concurrency;
        this.maxWebhookBytes = maxWebhookBytes;
        this.closing = closing;
        this.clock = clock;
        this.meters = meters;
    }

    @Override
    public Alert decode(ConsumerRecord<String, byte[]> record) throws PoisonRecordException {
        if (record.value() == null) {
            throw new PoisonRecordException("tombstone", new IllegalArgumentException("an alert record without a value"));
        }
        try {
            Alert alert = Json.read(record.value(), Alert.class);
            if (alert.key() == null || alert.savedSearchId() == null || alert.articleId() == null) {
                throw new IllegalArgumentException("alert without key, saved search or article");
            }
            return alert;
        } catch (RuntimeException e) {
            throw new PoisonRecordException("undecodable", e);
        }
    }

    @Override
    public void process(Batch<Alert> batch) throws Exception {
        states.catchUp();
        Map<String, SavedSearch> searches = store.all().stream().collect(Collectors.toMap(SavedSearch::id, Function.identity()));
        BooleanSupplier stop = () -> closing.getAsBoolean() || batch.isCancelled();
        Semaphore permits = new Semaphore(concurrency);
        List<Future<?>> deliveries = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Batch.Item<Alert> item : batch.items()) {
                Alert alert = item.value();
                if (states.find(alert.key()).isPresent()) {
                    continue; // its delivery ended before: never twice
                }
                SavedSearch search = searches.get(alert.savedSearchId());
                if (search == null || search.webhook() == null) {
                    meters.counter(MeterNames.ALERTS_DELIVERIES, "outcome", Delivery.NO_WEBHOOK).increment();
                    continue; // read in its feed only
                }
                deliveries.add(threads.submit(() -> {
                    permits.acquire();
                    try {
                        deliver(item.record(), alert, search, batch, stop);
                    } finally {
                        permits.release();
                    }
                    return null;
                }));
            }
            for (Future<?> delivery : deliveries) {
                delivery.get(); // a failure to record an outcome fails the batch: it is replayed
            }
        }
    }

    private void deliver(ConsumerRecord<String, byte[]> record, Alert alert, SavedSearch search, Batch<Alert> batch,
                         BooleanSupplier stop) throws Exception {
        byte[] body = WebhookPayload.encode(alert, maxWebhookBytes);
        WebhookSender.Result result = sender.deliver(alert.key(), URI.create(search.webhook()), search.secret(), body,
                batch.deadline(), stop);
        if (result == null) {
            throw new CancellationException("stopping: delivery of " + alert.key() + " abandoned, retried at the next start");
        }
        if (result.delivered()) {
            states.record(new Delivery(alert.key(), Delivery.DELIVERED, result.attempts(), result.status(), null, clock.instant()));
            meters.counter(MeterNames.ALERTS_DELIVERIES, "outcome", Delivery.DELIVERED).increment();
            return;
        }
        String error = "webhook " + search.webhook() + " of saved search " + search.id() + ": " + result.error();
        log.warn("dead-lettering alert {} ({} attempts): {}", alert.key(), result.attempts(), error);
        deadLetters.deliver(record, error, "webhook");
        states.record(new Delivery(alert.key(), Delivery.DEAD_LETTERED, result.attempts(), result.status(), result.error(),
                clock.instant()));
        meters.counter(MeterNames.ALERTS_DELIVERIES, "outcome", Delivery.DEAD_LETTERED).increment();
        meters.counter(MeterNames.ALERTS_FAILED, "reason", "webhook").increment();
    }
}
