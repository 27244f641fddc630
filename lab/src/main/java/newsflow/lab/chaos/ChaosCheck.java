package newsflow.lab.chaos;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Time;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.ScrollResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import newsflow.common.config.NewsflowConfig;
import newsflow.common.kafka.CompactedTopic;
import newsflow.common.kafka.JsonCodec;
import newsflow.common.kafka.KafkaClients;
import newsflow.common.kafka.Topics;
import newsflow.common.model.Article;
import newsflow.common.model.DeadLetter;
import newsflow.index.es.ElasticsearchClients;
import newsflow.lab.chaos.ChaosReport.HostileOutcome;
import org.apache.kafka.clients.consumer.KafkaConsumer;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads what the pipeline produced (every document of the index, the articles and dead-letter topics) and holds
 * it against the articles the feeds carried.
 */
final class ChaosCheck {

    /** Texts no document may contain: the internal server's page, a local file, an expanded entity bomb. */
    static final List<String> LEAK_MARKERS = List.of(InternalServer.SECRET, "root:x:0:0", "lollollollollollollol");

    private static final Duration TOPIC_READ = Duration.ofMinutes(3);

    private final NewsflowConfig config;
    private final List<ChaosArticle> articles;

    ChaosCheck(NewsflowConfig config, List<ChaosArticle> articles) {
        this.config = config;
        this.articles = articles;
    }

    /** One read of the index: documents per id and per URL, and those carrying a leak marker. */
    record IndexState(long documents, Map<String, Integer> perId, Map<String, Integer> perUrl, List<String> leaks) {
    }

    /** How many documents the index holds (cheap; for progress). */
    long documentCount() throws IOException {
        try (ElasticsearchClient es = ElasticsearchClients.create(config.elasticsearch())) {
            return es.count(c -> c.index(config.elasticsearch().index()).allowNoIndices(true).ignoreUnavailable(true)).count();
        }
    }

    IndexState readIndex() throws IOException {
        Map<String, Integer> perId = new HashMap<>();
        Map<String, Integer> perUrl = new HashMap<>();
        List<String> leaks = new ArrayList<>();
        long documents = 0;
        String index = config.elasticsearch().index();
        try (ElasticsearchClient es = ElasticsearchClients.create(config.elasticsearch())) {
            es.indices().refresh(r -> r.index(index).allowNoIndices(true).ignoreUnavailable(true));
            Time keep = Time.of(t -> t.time("2m"));
            SearchResponse<Map> first = es.search(s -> s.index(index).allowNoIndices(true).ignoreUnavailable(true)
                    .scroll(keep).size(1000)
                    .source(src -> src.filter(f -> f.includes("url", "title", "description", "body"))), Map.class);
            String scrollId = first.scrollId();
            List<Hit<Map>> hits = first.hits().hits();
            while (!hits.isEmpty()) {
                for (Hit<Map> hit : hits) {
                    documents++;
                    perId.merge(hit.id(), 1, Integer::sum);
                    Map<?, ?> doc = hit.source();
                    if (doc.get("url") != null) { // an entry whose link ingest could not use has none
                        perUrl.merge(String.valueOf(doc.get("url")), 1, Integer::sum);
                    }
                    String text = doc.get("title") + "\n" + doc.get("description") + "\n" + doc.get("body");
                    for (String marker : LEAK_MARKERS) {
                        if (text.contains(marker)) {
                            leaks.add(hit.id() + " " + doc.get("url") + " carries \"" + marker + "\"");
                        }
                    }
                }
                String id = scrollId;
                ScrollResponse<Map> next = es.scroll(s -> s.scrollId(id).scroll(keep), Map.class);
                scrollId = next.scrollId();
                hits = next.hits().hits();
            }
            if (scrollId != null) {
                String id = scrollId;
                es.clearScroll(c -> c.scrollId(id));
            }
        }
        return new IndexState(documents, perId, perUrl, leaks);
    }

    /** Articles not accounted for yet: legitimate ones not indexed, hostile ones neither indexed nor dead-lettered. */
    long unaccounted(IndexState index) {
        Map<String, String> deadLetters = articles.stream().anyMatch(a -> !a.legitimate()) ? deadLetterErrors() : Map.of();
        return articles.stream().filter(a -> !index.perId().containsKey(a.id())
                && (a.legitimate() || !deadLetters.containsKey(a.id()))).count();
    }

    /** The full check, at the end of the run. */
    ChaosReport report(IndexState index, List<String> internalRequests, Map<String, Long> siteRequests,
                       List<String> kills, List<String> unexpectedExits, Duration elapsed) {
        Map<String, String> fallbackReasons = fallbackReasons();
        Map<String, String> deadLetters = deadLetterErrors();
        List<String> violations = new ArrayList<>();
        int legitimate = 0;
        int once = 0;
        int missing = 0;
        int duplicated = 0;
        int fromFeed = 0;
        int hostile = 0;
        Map<HostileKind, Map<HostileOutcome, Integer>> outcomes = new EnumMap<>(HostileKind.class);
        Map<String, Integer> reasons = new TreeMap<>();
        int redirects = 0;
        int redirectsRefused = 0;
        for (ChaosArticle a : articles) {
            int byId = index.perId().getOrDefault(a.id(), 0);
            int byUrl = index.perUrl().getOrDefault(a.url(), 0);
            if (a.legitimate()) {
                legitimate++;
                if (byId == 0) {
                    missing++;
                    if (missing <= 10) {
                        violations.add("legitimate article " + a.token() + " " + a.url() + " is not indexed");
                    }
                } else if (byId > 1 || byUrl > 1) {
                    duplicated++;
                    violations.add("legitimate article " + a.token() + " " + a.url() + " is indexed " + byId
                            + " times by id, " + byUrl + " times by URL");
                } else {
                    once++;
                    if (fallbackReasons.get(a.id()) != null) {
                        fromFeed++;
                    }
                }
                continue;
            }
            hostile++;
            HostileOutcome outcome;
            String reason = null;
            if (byId > 1) {
                outcome = HostileOutcome.DUPLICATED;
            } else if (byId == 1) {
                reason = fallbackReasons.get(a.id());
                outcome = reason != null ? HostileOutcome.FALLBACK_WITH_REASON : HostileOutcome.EXTRACTED;
            } else if (deadLetters.containsKey(a.id())) {
                reason = "dead letter: " + deadLetters.get(a.id());
                outcome = HostileOutcome.DEAD_LETTERED;
            } else {
                outcome = HostileOutcome.MISSING;
            }
            outcomes.computeIfAbsent(a.kind(), k -> new EnumMap<>(HostileOutcome.class)).merge(outcome, 1, Integer::sum);
            if (reason != null) {
                reasons.merge(a.kind().slug() + ": " + shorten(reason), 1, Integer::sum);
            }
            if (outcome == HostileOutcome.MISSING || outcome == HostileOutcome.DUPLICATED
                    || (outcome == HostileOutcome.EXTRACTED && a.kind().mustFallBack())) {
                violations.add("hostile " + a.token() + " " + a.url() + " ended " + outcome);
            }
            if (outcome == HostileOutcome.FALLBACK_WITH_REASON && !refusalReason(a.kind(), reason)) {
                violations.add("hostile " + a.token() + " " + a.url() + " fell back for another reason than a refusal: " + reason);
            }
            if (a.kind() == HostileKind.INTERNAL_REDIRECT) {
                redirects++;
                if (reason != null && refused(reason)) {
                    redirectsRefused++;
                }
            }
        }
        if (redirects > 0 && redirectsRefused == 0) {
            violations.add("none of the " + redirects + " internal-redirect links was refused by the guard: the redirect "
                    + "check was never reached");
        }
        index.perId().forEach((id, n) -> {
            if (n > 1) {
                violations.add("document id " + id + " is in the index " + n + " times");
            }
        });
        index.perUrl().forEach((url, n) -> {
            if (n > 1) {
                violations.add("URL " + url + " is in the index " + n + " times");
            }
        });
        if (!internalRequests.isEmpty()) {
            violations.add("the internal server received " + internalRequests.size() + " request(s): " + internalRequests);
        }
        index.leaks().forEach(leak -> violations.add("leak: " + leak));
        return new ChaosReport(legitimate, once, missing, duplicated, fromFeed, hostile, outcomes, reasons,
                index.documents(), deadLetters.size(), internalRequests, index.leaks(), siteRequests, kills,
                unexpectedExits, elapsed, violations);
    }

    /**
     * Whether {@code reason} is an acceptable one for the kind: links into the internal server or the metadata
     * address must have been refused by the guard, or (a numeric spelling ingest cannot canonicalise) dropped
     * before any fetch; other kinds may fall back for any stated reason. A redirect into the internal server is
     * first a request to the allowed site, which, while a kill has the machine's cores busy, may not answer within
     * the fetch deadline: that ends the fetch before the guard is reached, so it is accepted per article, and the
     * check asks for at least one refused redirect in the run.
     */
    private static boolean refusalReason(HostileKind kind, String reason) {
        String r = reason.toLowerCase(Locale.ROOT);
        return switch (kind) {
            case INTERNAL_DIRECT, INTERNAL_IPV6, METADATA -> refused(r);
            case INTERNAL_REDIRECT -> refused(r) || r.contains("deadline");
            case INTERNAL_HEX -> refused(r) || r.contains("no http(s) link");
            default -> true;
        };
    }

    /** The fetch layer's guard refused the link (a {@code REFUSED} fetch failure). */
    private static boolean refused(String reason) {
        return reason.toLowerCase(Locale.ROOT).contains("refused");
    }

    /** The reason's kind without the article's URL and numbers: {@code page fetch failed: REFUSED fetching <url>: …}. */
    private static String shorten(String reason) {
        String s = reason.replaceAll("https?://\\S+", "<url>").replaceAll("\\d+", "N");
        return s.length() > 140 ? s.substring(0, 140) + "…" : s;
    }

    /** Per article id, the fallback reason of the last record enrich published for it (null: the page was used). */
    private Map<String, String> fallbackReasons() {
        Map<String, String> reasons = new HashMap<>();
        Topics topics = new KafkaClients(config.kafka()).topics();
        try (KafkaConsumer<String, byte[]> reader = new KafkaClients(config.kafka()).readerWithoutGroup("chaos-check-articles")) {
            CompactedTopic.readToEnd(reader, topics.articles(), null, TOPIC_READ, r -> {
                if (r.value() == null) {
                    return;
                }
                try {
                    Article a = JsonCodec.ARTICLE.decode(r.value());
                    reasons.put(r.key(), a.extraction() == null ? null : a.extraction().fallbackReason());
                } catch (RuntimeException unreadable) {
                    reasons.put(r.key(), "unreadable article record: " + unreadable.getMessage());
                }
            });
        }
        return reasons;
    }

    /** Per key, the error of the last dead letter for it. */
    private Map<String, String> deadLetterErrors() {
        Map<String, String> errors = new HashMap<>();
        Topics topics = new KafkaClients(config.kafka()).topics();
        try (KafkaConsumer<String, byte[]> reader = new KafkaClients(config.kafka()).readerWithoutGroup("chaos-check-dead-letters")) {
            CompactedTopic.readToEnd(reader, topics.deadLetter(), null, TOPIC_READ, r -> {
                if (r.value() == null) {
                    return;
                }
                try {
                    DeadLetter d = JsonCodec.DEAD_LETTER.decode(r.value());
                    errors.put(String.valueOf(r.key()), d.errorType() + ": " + d.error());
                } catch (RuntimeException unreadable) {
                    errors.put(String.valueOf(r.key()), "unreadable dead letter: " + unreadable.getMessage());
                }
            });
        }
        return errors;
    }
}
