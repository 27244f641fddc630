package newsflow.enrich.extract;

import newsflow.enrich.Fixtures;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class BlockModelTest {

    private static BlockModel model(List<String> names, double[] weights, String policy, double threshold) {
        double[] zeros = new double[names.size()];
        double[] ones = new double[names.size()];
        java.util.Arrays.fill(ones, 1);
        return new BlockModel(BlockModel.VERSION, names, zeros, ones, weights, 0, policy, threshold, 20, "test");
    }

    @Test
    void theShippedModelLoadsAndMatchesTheExtractorsFeatures() {
        BlockModel shipped = BlockModel.shipped();
        assertThat(shipped.features()).isEqualTo(BlockFeatures.NAMES);
        assertThat(shipped.weights()).hasSize(BlockFeatures.NAMES.size());
        assertThat(shipped.candidates()).isBetween(1, 100);
        assertThat(shipped.trainedOn()).contains("tune halves").doesNotContain("dragnet");
        assertThat(BlockModel.shipped()).isSameAs(shipped);
    }

    @Test
    void aModelSurvivesWritingAndReading() {
        double[] w = new double[BlockFeatures.NAMES.size()];
        w[0] = 0.5;
        BlockModel m = model(BlockFeatures.NAMES, w, BlockModel.VETO, 0.6);
        BlockModel back = BlockModel.read(new ByteArrayInputStream(m.toJson().getBytes(StandardCharsets.UTF_8)));
        assertThat(back.weights()).containsExactly(w);
        assertThat(back.policy()).isEqualTo(BlockModel.VETO);
        assertThat(back.threshold()).isEqualTo(0.6);
    }

    @Test
    void aModelFileIsReadInsteadOfTheResourceOnlyWhenNamed(@TempDir Path dir)
            throws IOException {
        double[] w = new double[BlockFeatures.NAMES.size()];
        w[1] = -0.25;
        Path file = dir.resolve("model.json");
        Files.writeString(file, model(BlockFeatures.NAMES, w, BlockModel.LARGEST, 0.7).toJson());
        BlockModel fromFile = BlockModel.load(file.toString());
        assertThat(fromFile.weights()).containsExactly(w);
        assertThat(fromFile.policy()).isEqualTo(BlockModel.LARGEST);
        assertThat(BlockModel.load(null).weights()).containsExactly(BlockModel.shipped().weights());
        assertThatThrownBy(() -> BlockModel.load(dir.resolve("missing.json").toString()))
                .isInstanceOf(UncheckedIOException.class).hasMessageContaining("missing.json");
    }

    @Test
    void aModelForOtherFeaturesOrAnotherVersionIsRefused() {
        List<String> other = new ArrayList<>(BlockFeatures.NAMES);
        Collections.reverse(other);
        BlockModel m = model(other, new double[other.size()], BlockModel.VETO, 0.5);
        assertThatThrownBy(() -> BlockModel.read(new ByteArrayInputStream(m.toJson().getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("trained on features");
        String v2 = model(BlockFeatures.NAMES, new double[BlockFeatures.NAMES.size()], BlockModel.VETO, 0.5).toJson()
                .replace("\"version\" : 1", "\"version\" : 2");
        assertThatThrownBy(() -> BlockModel.read(new ByteArrayInputStream(v2.getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("version 2");
        assertThatThrownBy(() -> BlockModel.read(new ByteArrayInputStream("{".getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void probabilityIsTheLogisticOfTheStandardisedDotProduct() {
        List<String> names = List.of("a", "b");
        BlockModel m = new BlockModel(BlockModel.VERSION, names, new double[] {1, 0}, new double[] {2, 1},
                new double[] {1, -1}, 0.5, BlockModel.VETO, 0.5, 5, "test");
        double z = 0.5 + (3 - 1) / 2.0 - 2;
        assertThat(m.probability(new double[] {3, 2})).isCloseTo(1 / (1 + Math.exp(-z)), within(1e-12));
    }

    @Test
    void policiesChooseAsDocumented() {
        // one feature, weight 1: probabilities are the logistic of the feature
        List<String> names = List.of("x");
        List<double[]> f = List.of(new double[] {-1}, new double[] {2}, new double[] {1});
        int[] chars = {100, 50, 400};
        BlockModel veto = new BlockModel(BlockModel.VERSION, names, new double[1], new double[] {1},
                new double[] {1}, 0, BlockModel.VETO, 0.6, 5, "test");
        assertThat(veto.choose(f, chars, 0)).as("doubtful winner: the most probable").isEqualTo(1);
        assertThat(veto.choose(f, chars, 2)).as("a winner over the threshold stays").isEqualTo(2);
        BlockModel largest = new BlockModel(BlockModel.VERSION, names, new double[1], new double[] {1},
                new double[] {1}, 0, BlockModel.LARGEST, 0.6, 5, "test");
        assertThat(largest.choose(f, chars, 0)).as("the largest over the threshold").isEqualTo(2);
        BlockModel never = new BlockModel(BlockModel.VERSION, names, new double[1], new double[] {1},
                new double[] {1}, 0, BlockModel.VETO, 1.01, 5, "test");
        assertThat(never.choose(f, chars, 0)).as("nothing passes: the rules' winner").isZero();
    }

    @Test
    void withTheShippedModelTheStoryOutranksTheTeasersAndTheFooter() {
        Document doc = Jsoup.parse(Fixtures.html("model/story-teasers-footer.html"), "https://coast.example/ferry");
        String description = doc.selectFirst("meta[name=description]").attr("content");
        Element body = doc.body();
        ElementMeasures m = ElementMeasures.of(body, ExtractionBudget.unlimited(), "test");
        ContentScorer.Selection scored = ContentScorer.select(body, m);
        BlockFeatures.Page page = new BlockFeatures.Page(m, m.textLength(body), scored.top(), scored.topScore(),
                DoubtfulWinner.words(description));
        BlockModel model = BlockModel.shipped();
        double story = probability(model, body.selectFirst(".x1"), scored, page);
        double teasers = probability(model, body.selectFirst(".col-b"), scored, page);
        double teaser = probability(model, body.selectFirst(".t"), scored, page);
        double footer = probability(model, body.selectFirst(".bottom"), scored, page);
        assertThat(story).isGreaterThan(teasers).isGreaterThan(teaser).isGreaterThan(footer);

        ContentScorer.Selection chosen = BlockRanker.reconsider(scored, body, description, m, model);
        String text = String.join(" ", chosen.elements().stream().map(Element::text).toList());
        assertThat(text).contains("The harbour ferry between Eastpoint", "summer timetable")
                .doesNotContain("Lighthouse keeper", "Fish market", "All rights reserved");
    }

    private static double probability(BlockModel model, Element e, ContentScorer.Selection scored,
                                      BlockFeatures.Page page) {
        double score = scored.scores().getOrDefault(e, 0.0);
        int rank = 0;
        for (double other : scored.scores().values()) {
            rank += other > score ? 1 : 0;
        }
        return model.probability(BlockFeatures.of(e, score, Math.min(rank, 20), 20, page));
    }
}
