package newsflow.common.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * The process-wide meter registry, scraped as Prometheus text at {@code /metrics}. Meter names are
 * {@code newsflow.<stage>.<what>} with tags such as {@code feed} or {@code reason}.
 */
public final class Metrics {

    private static final PrometheusMeterRegistry REGISTRY = create();

    private Metrics() {
    }

    private static PrometheusMeterRegistry create() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        @SuppressWarnings("resource") // lives as long as the process
        JvmGcMetrics gc = new JvmGcMetrics();
        gc.bindTo(registry);
        return registry;
    }

    public static MeterRegistry registry() {
        return REGISTRY;
    }

    /** Prometheus text exposition of every meter. */
    public static String scrape() {
        return REGISTRY.scrape();
    }
}
