package newsflow.app.it;

import com.fasterxml.jackson.databind.JsonNode;
import newsflow.app.demo.DemoSite;
import newsflow.app.run.Pipeline;
import newsflow.app.run.StageName;
import newsflow.app.testing.Eventually;
import newsflow.app.testing.IsolatedRun;
import newsflow.app.testing.PromQl;
import newsflow.app.testing.TestArticles;
import newsflow.common.config.FeedConfig;
import newsflow.common.config.NewsflowConfig;
import newsflow.common.json.Json;
import newsflow.common.kafka.Topics;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every metric the Grafana dashboard ({@code deploy/grafana/}) and the alerting rules
 * ({@code deploy/prometheus/alerts.yml}) read is one a running pipeline exports: every stage runs briefly against the
 * real broker and node over the demo site (with a broken feed, a record no stage can read, and a search), then
 * {@code /metrics} is scraped and each name the PromQL expressions use must be in it.
 */
class MetricsContractIT {

    private static final Path DEPLOY = Path.of("..", "deploy").toAbsolutePath().normalize();

    @Test
    void everyMetricTheDashboardAndTheAlertsReadIsExported() throws Exception {
        Map<String, Set<String>> wanted = new TreeMap<>(); // metric → where it is used
        List<Path> dashboards;
        try (var files = Files.list(DEPLOY.resolve("grafana"))) {
            dashboards = files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        }
        assertThat(dashboards).as("dashboards under " + DEPLOY.resolve("grafana")).isNotEmpty();
        for (Path dashboard : dashboards) {
            for (String expr : dashboardQueries(Json.read(Files.readString(dashboard), JsonNode.class))) {
                PromQl.metricNames(expr).forEach(m -> wanted.computeIfAbsent(m, k -> new TreeSet<>()).add(dashboard.getFileName().toString()));
            }
        }
        for (Map.Entry<String, String> rule : alertRules(DEPLOY.resolve("prometheus/alerts.yml")).entrySet()) {
            PromQl.metricNames(rule.getValue()).forEach(m -> wanted.computeIfAbsent(m, k -> new TreeSet<>()).add("alert " + rule.getKey()));
        }
        assertThat(wanted).as("metrics the dashboard and rules read").hasSizeGreaterThan(10);

        Set<String> exported;
        try (DemoSite site = DemoSite.start(0)) {
            List<FeedConfig> feeds = new ArrayList<>(site.feeds());
            feeds.add(new FeedConfig(site.baseUrl() + "/no-such-feed.xml", "Broken feed", null, null, Map.of()));
            NewsflowConfig config = IsolatedRun.config("metrics", feeds);
            try (Pipeline pipeline = new Pipeline(config, EnumSet.allOf(StageName.class)).start()) {
                TestArticles.produceRaw(config, Topics.from(config.kafka()).entries(), "not-an-entry", "{ not json");
                Eventually.await("the demo articles indexed", Duration.ofMinutes(3), Duration.ofSeconds(1),
                        () -> IsolatedRun.documentsPerId(config, site.articleUrls()).size() == site.articleCount(),
                        () -> IsolatedRun.documentsPerId(config, site.articleUrls()).size() + " of " + site.articleCount());
                String base = "http://127.0.0.1:" + pipeline.httpPort();
                assertThat(get(base + "/api/search?q=harbour").statusCode()).isEqualTo(200);
                HttpResponse<String> metrics = get(base + "/metrics");
                assertThat(metrics.statusCode()).isEqualTo(200);
                exported = names(metrics.body());
            }
        }

        Map<String, Set<String>> missing = new TreeMap<>(wanted);
        missing.keySet().removeAll(exported);
        assertThat(missing).as("read by the dashboard or the rules but not exported by the pipeline").isEmpty();
        // the convention: counters end in _total; no newsflow metric without its unit or kind
        assertThat(exported.stream().filter(n -> n.startsWith("newsflow_")))
                .allMatch(n -> n.matches(".*_(total|seconds|seconds_count|seconds_sum|seconds_max|seconds_bucket|records|bytes)"),
                        "ends in _total or a unit");
    }

    /** Every PromQL expression of a Grafana dashboard: the panels' targets and the query variables. */
    private static List<String> dashboardQueries(JsonNode dashboard) {
        List<String> exprs = new ArrayList<>();
        dashboard.findValues("expr").forEach(e -> exprs.add(e.asText()));
        dashboard.path("templating").path("list").forEach(v -> {
            JsonNode q = v.path("query");
            if (v.path("type").asText().equals("query")) {
                exprs.add(q.isObject() ? q.path("query").asText() : q.asText());
            }
        });
        assertThat(exprs).as("queries of the dashboard").isNotEmpty();
        return exprs;
    }

    /** Alert name → expression, from a Prometheus rule file. */
    @SuppressWarnings("unchecked")
    private static Map<String, String> alertRules(Path file) throws Exception {
        Map<String, Object> doc = new Yaml().load(Files.readString(file));
        Map<String, String> rules = new TreeMap<>();
        for (Map<String, Object> group : (List<Map<String, Object>>) doc.get("groups")) {
            for (Map<String, Object> rule : (List<Map<String, Object>>) group.get("rules")) {
                rules.put(String.valueOf(rule.get("alert")), String.valueOf(rule.get("expr")));
            }
        }
        assertThat(rules).as("alerting rules in " + file).isNotEmpty();
        return rules;
    }

    /** The metric names of a Prometheus text exposition. */
    private static Set<String> names(String exposition) {
        Set<String> names = new TreeSet<>();
        exposition.lines().filter(l -> !l.isBlank() && !l.startsWith("#"))
                .forEach(l -> names.add(l.split("[{ ]", 2)[0]));
        return names;
    }

    private static HttpResponse<String> get(String url) throws Exception {
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }
}
