package newsflow.app.testing;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PromQlTest {

    @Test
    void findsTheMetricsBehindFunctionsAggregationsAndOperators() {
        assertThat(PromQl.metricNames(
                "histogram_quantile(0.95, sum by (stage, le) (rate(newsflow_stage_batch_duration_seconds_bucket{stage=~\"$stage\"}[$__rate_interval])))"))
                .containsExactly("newsflow_stage_batch_duration_seconds_bucket");
        assertThat(PromQl.metricNames("sum(rate(newsflow_ingest_feeds_failed_total{reason!=\"network\"}[30m])) "
                + "/ sum(rate(newsflow_ingest_poll_duration_seconds_count[30m])) > 0.5"))
                .containsExactly("newsflow_ingest_feeds_failed_total", "newsflow_ingest_poll_duration_seconds_count");
        assertThat(PromQl.metricNames("(sum by (stage) (newsflow_stage_lag_records) > 0) and on (stage) "
                + "sum without (instance) (rate(newsflow_stage_records_total[10m] offset 1h)) == bool 0"))
                .containsExactly("newsflow_stage_lag_records", "newsflow_stage_records_total");
        assertThat(PromQl.metricNames("count(sum by (feed) (increase(a_total[30m])) > 0) >= 3 unless b_seconds * 1e3"))
                .containsExactly("a_total", "b_seconds");
        assertThat(PromQl.metricNames("max by (service) (newsflow_dependency_unreachable_seconds) > 120"))
                .containsExactly("newsflow_dependency_unreachable_seconds");
        assertThat(PromQl.metricNames("label_values(newsflow_stage_records_total, stage)"))
                .containsExactly("newsflow_stage_records_total");
        assertThat(PromQl.metricNames("jvm_memory_used_bytes{area=\"heap\", id=~\"G1 .*\"} / on(instance) group_left(job) x"))
                .containsExactly("jvm_memory_used_bytes", "x");
    }
}
