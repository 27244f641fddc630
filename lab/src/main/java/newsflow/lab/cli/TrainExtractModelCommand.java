package newsflow.lab.cli;

import newsflow.common.json.Json;
import newsflow.enrich.extract.BlockModel;
import newsflow.lab.learn.BlockModelTrainer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * Trains the extractor's learned block model on the tune halves of labelled extraction sets and writes it as the
 * JSON the extractor loads ({@code enrich/src/main/resources/newsflow/enrich/extract/block-model.json} is the
 * shipped one). Sets under an AGPL licence are never trained on.
 */
@Command(name = "train-extract-model", mixinStandardHelpOptions = true,
        description = {"Train the extractor's block model (logistic regression over candidate blocks) on the tune "
                + "half of each set under --datasets, choose its policy and threshold there, and write it.",
                "A block is labelled article text when at least --label-share of its 4-shingles are in the page's "
                        + "ground-truth body. AGPL-licensed sets (dragnet-dev) are skipped: nothing derived from them "
                        + "may ship."})
public final class TrainExtractModelCommand implements Callable<Integer> {

    @Option(names = "--datasets", required = true, paramLabel = "DIR",
            description = "directory of extraction sets (each subdirectory with a ground-truth.json)")
    Path datasets;

    @Option(names = "--sets", split = ",", paramLabel = "NAME",
            description = "only these sets (default: every set under DIR that is not AGPL-licensed)")
    List<String> sets;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "where to write the model JSON")
    Path out;

    @Option(names = "--candidates", defaultValue = "20", description = "best-scored blocks judged per page (default 20)")
    int candidates;

    @Option(names = "--label-share", defaultValue = "0.5",
            description = "share of a block's 4-shingles in the ground truth that makes it article text (default 0.5)")
    double labelShare;

    @Option(names = "--label", defaultValue = "shingles", paramLabel = "shingles|best",
            description = "shingles: a block is article text when --label-share of its 4-shingles are in the ground "
                    + "truth; best: that, and the article made with it has body F1 >= 0.5 and within 0.02 of the "
                    + "page's best candidate (default shingles)")
    String label;

    @Option(names = "--folds", defaultValue = "4",
            description = "choose the policy and threshold out of fold over this many folds of sites; 0 or 1: on the "
                    + "model fitted on every page (default 4)")
    int folds;

    @Option(names = "--lambda", defaultValue = "0.01", description = "L2 penalty (default 0.01)")
    double lambda;

    @Option(names = "--dump", paramLabel = "FILE.jsonl",
            description = "also write the training examples, one tune page a line (set, id, site, features, labels, "
                    + "text lengths, article F1 with each candidate chosen, the rules' winner), for analysis outside Java")
    Path dump;

    @Override
    public Integer call() throws IOException {
        List<Path> dirs = new ArrayList<>();
        try (Stream<Path> children = Files.list(datasets)) {
            for (Path d : children.filter(d -> Files.isRegularFile(d.resolve("ground-truth.json"))).sorted().toList()) {
                String name = d.getFileName().toString();
                if (sets != null && !sets.contains(name)) {
                    continue;
                }
                if (BlockModelTrainer.agplLicensed(d)) {
                    if (sets != null) {
                        throw new IllegalArgumentException(name + " is AGPL-licensed: a model trained on it could not ship");
                    }
                    System.out.println("skipped " + name + ": AGPL-licensed");
                    continue;
                }
                dirs.add(d);
            }
        }
        if (dirs.isEmpty()) {
            throw new IllegalArgumentException("--datasets " + datasets + ": no set to train on");
        }
        List<BlockModelTrainer.PageBlocks> pages = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (Path d : dirs) {
            List<BlockModelTrainer.PageBlocks> some = BlockModelTrainer.collect(d, candidates, labelShare,
                    BlockModelTrainer.Label.valueOf(label.toUpperCase(Locale.ROOT)));
            System.out.printf(Locale.ROOT, "%s: %d tune pages%n", d.getFileName(), some.size());
            pages.addAll(some);
            names.add(d.getFileName().toString());
        }
        if (dump != null) {
            List<String> lines = new ArrayList<>();
            for (BlockModelTrainer.PageBlocks p : pages) {
                lines.add(Json.mapper().writeValueAsString(p));
            }
            Files.write(dump, lines);
        }
        String trainedOn = String.format(Locale.ROOT, "tune halves of %s; label %s: >= %.2f of a block's 4-shingles in "
                + "the ground-truth body%s; L2 %.3g; policy chosen %s", String.join(", ", names), label, labelShare,
                label.equals("best") ? ", and its article's body F1 >= 0.5 and within 0.02 of the page's best" : "",
                lambda, folds >= 2 ? "out of fold over " + folds + " folds of sites" : "in sample");
        BlockModelTrainer.Result result = BlockModelTrainer.train(pages, candidates, lambda, folds, trainedOn);
        result.grid().forEach(System.out::println);
        System.out.printf(Locale.ROOT, "%d pages, %d blocks (%d article text); article F1 on the tune pages: "
                        + "rules %.4f, model %.4f (%s, threshold %.2f)%n", result.pages(), result.blocks(),
                result.positives(), result.ruleF1(), result.modelF1(), result.model().policy(),
                result.model().threshold());
        List<String> features = BlockModel.featureNames();
        for (int i = 0; i < features.size(); i++) {
            System.out.printf(Locale.ROOT, "  %-18s %+.3f%n", features.get(i), result.model().weights()[i]);
        }
        if (out.getParent() != null) {
            Files.createDirectories(out.getParent());
        }
        Files.writeString(out, result.model().toJson() + "\n");
        System.out.println("wrote " + out);
        return 0;
    }
}
