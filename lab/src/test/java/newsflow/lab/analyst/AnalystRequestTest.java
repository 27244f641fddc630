package newsflow.lab.analyst;

import newsflow.common.http.FetchRequest;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AnalystRequestTest {

    @Test
    void attentionCountsTheSameMatchesFromOurAnswerAndElasticsearchs() throws Exception {
        String ours = "{\"interval\":\"week\",\"series\":[{\"query\":\"a\",\"buckets\":[{\"date\":\"2026-01-05\",\"count\":3,"
                + "\"total\":9,\"ratio\":0.3},{\"date\":\"2026-01-12\",\"count\":0,\"total\":0,\"ratio\":0}]},"
                + "{\"query\":\"b\",\"buckets\":[{\"date\":\"2026-01-05\",\"count\":4,\"total\":9,\"ratio\":0.4}]}]}";
        String es = "{\"hits\":{\"total\":{\"value\":9}},\"aggregations\":{\"date_histogram#total\":{\"buckets\":[{\"doc_count\":9}]},"
                + "\"filters#queries\":{\"buckets\":[{\"doc_count\":3,\"date_histogram#per_date\":{\"buckets\":[{\"doc_count\":3}]}},"
                + "{\"doc_count\":4,\"date_histogram#per_date\":{\"buckets\":[{\"doc_count\":4}]}}]}}}";

        assertThat(AnalystRequest.ATTENTION.ours(ours)).isEqualTo(7);
        assertThat(AnalystRequest.ATTENTION.direct(List.of(es))).isEqualTo(7);
    }

    @Test
    void anExportCountsRowsOnOurSideAndHitsOverEveryPageOnTheOther() throws Exception {
        assertThat(AnalystRequest.EXPORT.ours("{\"id\":1}\n{\"id\":2}\n")).isEqualTo(2);
        assertThat(AnalystRequest.EXPORT.direct(List.of("{\"hits\":{\"hits\":[{},{}]}}", "{\"hits\":{\"hits\":[{}]}}")))
                .isEqualTo(3);
        assertThat(AnalystRequest.TOP_WORDS.direct(List.of("{}"))).isEqualTo(-1);
    }

    @Test
    void aCapturedRequestIsSentWithItsParametersAndBodyAsAPost() {
        FetchRequest r = AnalystBenchmark.direct(new AnalystBenchmark.Node("http://127.0.0.1:9200", false),
                new CapturedRequest("POST", "/articles/_search", Map.of("typed_keys", "true", "timeout", "10000ms"),
                        "{\"size\":0}", false));

        assertThat(r.uri().toString()).isEqualTo("http://127.0.0.1:9200/articles/_search?timeout=10000ms&typed_keys=true");
        assertThat(new String(r.body().bytes(), StandardCharsets.UTF_8)).isEqualTo("{\"size\":0}");
        assertThat(r.body().contentType()).isEqualTo("application/json");
        assertThat(AnalystBenchmark.direct(new AnalystBenchmark.Node("http://n:9200", false),
                new CapturedRequest("GET", "/x", Map.of(), null, false)).body()).isNull();
    }

    @Test
    void theDirectSideAsksForAnswersAsOurClientDoes() {
        CapturedRequest get = new CapturedRequest("GET", "/x", Map.of(), null, false);

        // compression off: plain answers, else the fetch layer's own Accept-Encoding (gzip) makes the node compress
        assertThat(AnalystBenchmark.direct(new AnalystBenchmark.Node("http://n:9200", false), get).headers())
                .containsEntry("Accept-Encoding", "identity");
        assertThat(AnalystBenchmark.direct(new AnalystBenchmark.Node("http://n:9200", true), get).headers()).isEmpty();
    }
}
