package newsflow.lab.cli;

import newsflow.app.demo.DemoSite;
import newsflow.common.config.ConfigLoader;
import newsflow.common.http.FetchRequest;
import newsflow.common.http.HttpFetcher;
import newsflow.common.model.Article;
import newsflow.common.model.FeedEntry;
import newsflow.enrich.Extract;
import newsflow.enrich.stories.SimHash;
import newsflow.ingest.FeedParsing;
import newsflow.ingest.parse.FeedParser;
import org.jsoup.Jsoup;
import picocli.CommandLine.Command;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** Story grouping, measured. */
@Command(name = "stories", mixinStandardHelpOptions = true, subcommands = StoriesCommand.Eval.class,
        description = "Near-duplicate story grouping (SimHash over body shingles).")
public final class StoriesCommand {

    @Command(name = "eval", mixinStandardHelpOptions = true, description = {
            "Precision and recall of story grouping at each SimHash distance, on pairs built from the bundled demo corpus:",
            "same story = an article's page body against (a) the full text its own feed carries, extracted from a different",
            "document, and (b) the body as a wire service's client would republish it (a dateline added, the last",
            "paragraph cut, a figure restated); different stories = every pair of distinct articles (several share a subject)."})
    static final class Eval implements Callable<Integer> {

        private record Pair(String a, String b, boolean same) {
        }

        @Override
        public Integer call() throws Exception {
            List<Pair> pairs = new ArrayList<>();
            List<String> bodies = new ArrayList<>();
            var config = ConfigLoader.load(null, Map.of());
            try (DemoSite site = DemoSite.start(0);
                 HttpFetcher http = new HttpFetcher(config.http().withAllowPrivate(List.of(site.allowRule())))) {
                Map<String, String> feedText = new java.util.HashMap<>();
                for (var feed : site.feeds()) {
                    for (FeedEntry e : FeedParsing.parseUrlOrFile(feed.url(), http, new FeedParser(config.ingest().maxEntriesPerFeed(), config.http().maxBytes()))) {
                        if (e.content() != null && !e.content().isBlank()) {
                            feedText.put(e.link(), Jsoup.parse(e.content()).text());
                        }
                    }
                }
                for (String url : site.articleUrls()) {
                    byte[] page;
                    try {
                        page = http.fetch(FetchRequest.get(url)).body();
                    } catch (java.io.IOException missing) {
                        continue; // the demo's deliberately missing page
                    }
                    Article article = Extract.article(page, url, Map.of());
                    bodies.add(article.body());
                    if (feedText.containsKey(url)) {
                        pairs.add(new Pair(article.body(), feedText.get(url), true));
                    }
                    pairs.add(new Pair(article.body(), republished(article.body()), true));
                }
            }
            for (int i = 0; i < bodies.size(); i++) {
                for (int j = i + 1; j < bodies.size(); j++) {
                    pairs.add(new Pair(bodies.get(i), bodies.get(j), false));
                }
            }
            long same = pairs.stream().filter(Pair::same).count();
            System.out.printf("%d pairs: %d same story, %d different stories%n", pairs.size(), same, pairs.size() - same);
            int[] distances = pairs.stream().mapToInt(p -> SimHash.distance(SimHash.of(p.a()), SimHash.of(p.b()))).toArray();
            System.out.println("distance  precision  recall  (grouped when the SimHash distance is at most this)");
            for (int threshold = 0; threshold <= 24; threshold += threshold < 12 ? 1 : 4) {
                int tp = 0;
                int fp = 0;
                for (int k = 0; k < pairs.size(); k++) {
                    if (distances[k] <= threshold) {
                        if (pairs.get(k).same()) {
                            tp++;
                        } else {
                            fp++;
                        }
                    }
                }
                System.out.printf("%8d  %9.3f  %6.3f%n", threshold, tp + fp == 0 ? 1.0 : tp / (double) (tp + fp), tp / (double) same);
            }
            return 0;
        }

        /** How a wire client republishes copy: its own dateline, the last paragraph cut for space, a figure restated. */
        static String republished(String body) {
            String[] paragraphs = body.split("\n\n");
            StringBuilder out = new StringBuilder("PORT TOWN (Coast News Agency) - ");
            int keep = paragraphs.length > 3 ? paragraphs.length - 1 : paragraphs.length;
            for (int i = 0; i < keep; i++) {
                out.append(i == 0 ? "" : "\n\n").append(paragraphs[i]);
            }
            return out.toString().replaceFirst("\\b(\\d+) per ?cent\\b", "$1%").replaceFirst("\\bon (Monday|Tuesday|Wednesday|Thursday|Friday)\\b", "this week");
        }
    }
}
