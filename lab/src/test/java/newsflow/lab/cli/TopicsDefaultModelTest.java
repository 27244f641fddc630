package newsflow.lab.cli;

import newsflow.app.cli.TopicsCommand;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Training on several files with labels mapped to IPTC, and scoring the default tagger with that model. */
class TopicsDefaultModelTest {

    /** Two files written for this test, each with a label scheme of its own. */
    private static final String FIRST = """
            {"id":"a1","title":"Cup final","text":"The team won the cup final with a late goal in the match.","labels":["games"]}
            {"id":"a2","title":"League match","text":"The team scored a goal and won the league match.","labels":["games"]}
            {"id":"a3","title":"Rates rise","text":"The bank raised interest rates and shares fell on the market.","labels":["money"]}
            {"id":"a4","title":"Profits fall","text":"The bank said profits fell and shares dropped on the market.","labels":["money"]}
            {"id":"a5","title":"Weather","text":"Rain all day on the coast.","labels":["weather"]}
            """;
    private static final String SECOND = """
            {"id":"b1","title":"Title race","text":"A late goal won the match and the team leads the league.","labels":["Sport"]}
            {"id":"b2","title":"Market slides","text":"Shares fell on the market as the bank cut its profits forecast.","labels":["Finance"]}
            """;

    /** {@code topics train} is the product's command, the evaluations the lab's: each runs its own. */
    private static String run(Object command, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream saved = System.out;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            int exit = new CommandLine(command).execute(args);
            assertThat(exit).as("exit status of %s", String.join(" ", args)).isZero();
        } finally {
            System.setOut(saved);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void trainsOnMappedLabelsOfSeveralFilesAndTheDefaultTaggerScoresWithThatModel(@TempDir Path dir) throws Exception {
        Path first = Files.writeString(dir.resolve("first.jsonl"), FIRST);
        Path second = Files.writeString(dir.resolve("second.jsonl"), SECOND);
        Path model = dir.resolve("iptc.model.gz");

        String trained = run(new TopicsCommand(), "train", "--data", first.toString(), "--data", second.toString(),
                "--map", "games=sport", "--map", "Sport=sport", "--map", "money=economy, business and finance",
                "--map", "Finance=economy, business and finance", "--features", "WORDS", "--out", model.toString());
        // the unmapped "weather" item is left out
        assertThat(trained).contains("on 6 items").contains("[economy, business and finance, sport]");

        String scored = run(new TopicsEvalCommand(), "eval-default", "--test", first.toString(), "--map", "games=sport",
                "--map", "money=economy, business and finance", "--model", model.toString(), "--thresholds", "0.3,0.9");
        assertThat(scored).contains("items 4 with a mapped label").contains("with uncovered")
                .contains("label weather (not mapped, 1 items)").contains("first.jsonl + second.jsonl");
    }
}
