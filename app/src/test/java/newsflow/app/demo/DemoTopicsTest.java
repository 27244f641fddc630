package newsflow.app.demo;

import newsflow.common.config.ConfigLoader;
import newsflow.common.config.EnrichConfig;
import newsflow.common.model.Article;
import newsflow.common.model.TopicScore;
import newsflow.enrich.Extract;
import newsflow.enrich.topics.TopicTagger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo's example topics over the whole demo corpus: every article page is extracted as enrich does and tagged with
 * the rules and watch-topics of {@code demo-config.yaml}; each article must get exactly the topics listed here. The
 * rules once tagged the water-rights bill and the chip-plant story {@code sport} (bare "final", "goal", "season"):
 * a rule edit that brings such a topic back, or loses a right one, fails here and names the article.
 */
class DemoTopicsTest {

    private static final String BASE = "http://127.0.0.1:8079";

    /** Operator topics and watch-topics each demo article is about, by page slug. */
    private static final Map<String, Set<String>> EXPECTED = Map.ofEntries(
            entry("harbour-council-approves-budget", Set.of("economy", "politics")),
            entry("wexham-rovers-reach-county-cup-semi-final", Set.of("sport")),
            entry("old-customs-house-reopens-as-maritime-museum", Set.of("culture")),
            entry("container-terminal-expansion-jobs", Set.of("economy", "environment")),
            entry("flu-vaccination-clinics-extended", Set.of("health")),
            entry("seagrass-restoration-wexham-estuary", Set.of("environment", "science")),
            entry("night-bus-routes-consultation", Set.of("economy")),
            entry("port-louvel-artisans-marche-de-noel", Set.of("culture")),
            entry("right-to-repair-smartphones-bill", Set.of("politics", "technology")),
            entry("grid-battery-storage-northfield", Set.of("environment", "economy")),
            entry("courts-pilot-ai-transcription", Set.of("technology", "science")),
            entry("quantum-sensor-startup-raises-series-a", Set.of("technology", "science", "economy")),
            entry("open-source-maintainers-public-fund", Set.of("technology", "economy", "politics")),
            entry("chip-plant-water-recycling", Set.of("technology", "environment", "water supply")),
            entry("satellite-broadband-rural-schools", Set.of("technology", "economy", "politics")),
            entry("rechenzentrum-abwaerme-fernwaerme", Set.of("technology")),
            entry("soil-bacteria-antibiotic-candidate", Set.of("science", "health")),
            entry("comet-spectroscopy-water-ratio", Set.of("science")),
            entry("deep-sea-coral-survey", Set.of("science", "environment", "technology")),
            entry("teenagers-sleep-school-start-times", Set.of("science")),
            entry("lighthouse-bird-migration-radar", Set.of("science", "environment", "technology")),
            entry("glacier-retreat-drone-survey", Set.of("science", "environment")),
            entry("fossil-footprints-quarry", Set.of("science")),
            entry("ancient-grain-drought-trial", Set.of("environment", "science", "water supply")),
            entry("westmarch-assembly-passes-brennock-basin-water-rights-bill", Set.of("politics", "environment", "water supply")),
            entry("ethics-panel-inquiry-lobbyist-gift-disclosures", Set.of("politics")),
            entry("ashgrove-school-board-free-breakfast-pilot", Set.of("politics")),
            entry("candidate-forum-district-9-special-election", Set.of("politics")),
            entry("county-board-delays-road-repair-bond-vote", Set.of("politics", "economy")));

    private static final String SPORT_STORY = "wexham-rovers-reach-county-cup-semi-final";

    private static EnrichConfig demo;
    /** Page slug → the article enrich builds from the page, tagged with the demo's rules and watch-topics. */
    private static Map<String, Article> articles;

    @BeforeAll
    static void extractTheCorpus() {
        demo = ConfigLoader.load(demoYaml(), Map.of()).enrich();
        articles = extract(TopicTagger.configured(demo.topics(), demo.watchTopics(), ""));
    }

    private static Map<String, Article> extract(TopicTagger tagger) {
        DemoCorpus corpus = DemoCorpus.render(BASE);
        Map<String, Article> out = new LinkedHashMap<>();
        for (String url : corpus.articleUrls()) {
            DemoResource page = corpus.resources().get(url.substring(BASE.length()));
            if (page != null) { // the one item without a page (DemoSite.MISSING_ARTICLE_PATH) has nothing to extract
                out.put(slug(url), Extract.article(page.identity(), url, tagger));
            }
        }
        return out;
    }

    @Test
    void everyDemoArticleGetsExactlyTheTopicsItIsAbout() {
        assertThat(articles.keySet()).as("every demo page has its expected topics here").containsExactlyInAnyOrderElementsOf(EXPECTED.keySet());
        for (var e : articles.entrySet()) {
            assertThat(names(e.getValue().topics())).as(e.getKey() + ": " + e.getValue().title()).isEqualTo(new TreeSet<>(EXPECTED.get(e.getKey())));
        }
    }

    @Test
    void onlyTheFootballStoryIsSport() {
        Set<String> sport = articles.entrySet().stream()
                .filter(e -> names(e.getValue().topics()).contains("sport"))
                .map(Map.Entry::getKey).collect(Collectors.toSet());

        assertThat(sport).containsExactly(SPORT_STORY);
    }

    @Test
    void theKnownMisfiresAreGone() {
        // "final tally", "final vote"; the plant's "90 percent goal"; "flu season"; "League of Women Voters";
        // "match public contributions"; "the public gallery"; "the outer solar system"; an "isolation chip"
        assertThat(topicsOf("westmarch-assembly-passes-brennock-basin-water-rights-bill")).doesNotContain("sport");
        assertThat(topicsOf("chip-plant-water-recycling")).doesNotContain("sport");
        assertThat(topicsOf("flu-vaccination-clinics-extended")).doesNotContain("sport");
        assertThat(topicsOf("candidate-forum-district-9-special-election")).doesNotContain("sport");
        assertThat(topicsOf("open-source-maintainers-public-fund")).doesNotContain("sport");
        assertThat(topicsOf("harbour-council-approves-budget")).doesNotContain("culture", "sport", "health");
        assertThat(topicsOf("comet-spectroscopy-water-ratio")).doesNotContain("environment", "technology");
        assertThat(topicsOf("soil-bacteria-antibiotic-candidate")).doesNotContain("technology");
    }

    @Test
    void operatorTopicsAndWatchTopicsKeepTheirSources() {
        List<TopicScore> waterBill = articles.get("westmarch-assembly-passes-brennock-basin-water-rights-bill").topics();

        assertThat(waterBill).filteredOn(t -> t.name().equals("water supply")).singleElement()
                .extracting(TopicScore::source).isEqualTo(TopicScore.WATCH);
        assertThat(waterBill).filteredOn(t -> t.name().equals("politics")).singleElement()
                .extracting(TopicScore::source).isEqualTo(TopicScore.RULE);
        assertThat(waterBill).noneMatch(TopicScore::isIptc);
    }

    @Test
    void theDefaultIptcTaxonomyCallsOnlyTheFootballStorySportToo() {
        assertThat(demo.usesTaxonomy()).as("the demo runs with the default IPTC taxonomy").isTrue();
        Map<String, Article> iptc = extract(TopicTagger.configured(demo));

        Set<String> sport = iptc.entrySet().stream()
                .filter(e -> e.getValue().topics().stream().anyMatch(t -> "medtop:15000000".equals(t.code())))
                .map(Map.Entry::getKey).collect(Collectors.toSet());
        assertThat(sport).containsExactly(SPORT_STORY);
        assertThat(iptc.values()).allSatisfy(a -> assertThat(a.topics()).filteredOn(t -> TopicScore.IPTC.equals(t.source()))
                .isNotEmpty().allSatisfy(t -> assertThat(t.code()).startsWith("medtop:")));
    }

    private static Set<String> topicsOf(String slug) {
        return names(articles.get(slug).topics());
    }

    private static Set<String> names(List<TopicScore> topics) {
        return topics.stream().map(TopicScore::name).collect(Collectors.toCollection(TreeSet::new));
    }

    private static String slug(String url) {
        String path = url.replaceAll("/+$", "");
        return path.substring(path.lastIndexOf('/') + 1).replaceFirst("\\.html$", "");
    }

    private static String demoYaml() {
        try (InputStream in = DemoTopicsTest.class.getResourceAsStream("/newsflow/demo-config.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
