package newsflow.app.run;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Watches the services the running stages need (Kafka, Elasticsearch) by probing each every
 * {@code health.checkInterval}, so {@code /ready} tells the truth: while one is unreachable, the process is
 * not ready and the body says which and why. One unreachable for longer than {@code health.unreachableAfter}
 * is an outage: logged at ERROR once and counted in {@code newsflow_dependency_outages_total}; how long it
 * has been unreachable is the gauge {@code newsflow_dependency_unreachable_seconds} (0 while reachable).
 */
final class DependencyHealth implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DependencyHealth.class);

    /** One service to probe: {@link #check()} returns normally when it answered, throws when it did not. */
    interface Probe {
        /** {@code kafka} or {@code elasticsearch}: the metric tag and the key in {@code /ready}. */
        String name();

        /** What the operator would check: the bootstrap servers, the URL. */
        String address();

        void check() throws Exception;

        /** Releases the probe's client. */
        default void close() {
        }
    }

    private final List<Probe> probes;
    private final Duration unreachableAfter;
    private final LongSupplier nanoTime;
    private final Map<String, Outage> outages = new ConcurrentHashMap<>();
    private final Map<String, Counter> outageCounters = new LinkedHashMap<>();
    private final List<Gauge> gauges = new java.util.ArrayList<>();
    private final MeterRegistry registry;
    private ScheduledExecutorService timer;

    /** Since when a service has failed its probes, why, and whether the outage was already reported. */
    private record Outage(long sinceNanos, String reason, boolean reported) {
    }

    DependencyHealth(List<Probe> probes, Duration unreachableAfter, MeterRegistry registry, LongSupplier nanoTime) {
        this.probes = List.copyOf(probes);
        this.unreachableAfter = unreachableAfter;
        this.nanoTime = nanoTime;
        this.registry = registry;
        for (Probe probe : this.probes) {
            String name = probe.name();
            outageCounters.put(name, Counter.builder("newsflow_dependency_outages")
                    .description("services unreachable for longer than health.unreachableAfter")
                    .tag("service", name).register(registry));
            gauges.add(Gauge.builder("newsflow_dependency_unreachable_seconds", this, h -> h.unreachableSeconds(name))
                    .description("how long the service has been unreachable, 0 while it answers")
                    .tag("service", name).register(registry));
        }
    }

    /** Probes every {@code interval} on a daemon thread, the first time at once. */
    DependencyHealth start(Duration interval) {
        timer = Executors.newSingleThreadScheduledExecutor(r -> Thread.ofPlatform().daemon().name("dependency-health").unstarted(r));
        timer.scheduleWithFixedDelay(this::checkNow, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    /** Probes every service once and updates what {@link #unreachable()} reports. */
    void checkNow() {
        for (Probe probe : probes) {
            try {
                probe.check();
                reachable(probe);
            } catch (Exception e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                    return;
                }
                unreachable(probe, e.getMessage() == null ? e.toString() : e.getMessage());
            }
        }
    }

    /** The services unreachable at the last probe, each with the reason (address and error); empty when all answer. */
    Map<String, String> unreachable() {
        Map<String, String> now = new LinkedHashMap<>();
        for (Probe probe : probes) {
            Outage outage = outages.get(probe.name());
            if (outage != null) {
                now.put(probe.name(), outage.reason());
            }
        }
        return now;
    }

    private void reachable(Probe probe) {
        Outage was = outages.remove(probe.name());
        if (was != null) {
            log.info("{} at {} is reachable again after {} s", probe.name(), probe.address(), seconds(nanoTime.getAsLong() - was.sinceNanos()));
        }
    }

    private void unreachable(Probe probe, String error) {
        long now = nanoTime.getAsLong();
        String reason = probe.name() + " unreachable at " + probe.address() + ": " + error;
        Outage was = outages.get(probe.name());
        if (was == null) {
            log.warn("{}", reason);
            outages.put(probe.name(), new Outage(now, reason, false));
            return;
        }
        boolean overdue = now - was.sinceNanos() >= unreachableAfter.toNanos();
        if (overdue && !was.reported()) {
            log.error("{} unreachable at {} for {} s (longer than health.unreachableAfter {} s): {}", probe.name(), probe.address(),
                    seconds(now - was.sinceNanos()), unreachableAfter.toSeconds(), error);
            outageCounters.get(probe.name()).increment();
        }
        outages.put(probe.name(), new Outage(was.sinceNanos(), reason, was.reported() || overdue));
    }

    private double unreachableSeconds(String name) {
        Outage outage = outages.get(name);
        return outage == null ? 0 : (nanoTime.getAsLong() - outage.sinceNanos()) / 1e9;
    }

    private static long seconds(long nanos) {
        return TimeUnit.NANOSECONDS.toSeconds(nanos);
    }

    @Override
    public void close() {
        if (timer != null) {
            timer.shutdownNow();
        }
        // a later pipeline in this JVM registers its own gauges; these would read a closed watcher
        gauges.forEach(registry::remove);
        probes.forEach(Probe::close);
    }
}
