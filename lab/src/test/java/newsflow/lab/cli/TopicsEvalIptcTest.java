package newsflow.lab.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class TopicsEvalIptcTest {

    /** Four items written for this test, labelled with a scheme of our own. */
    private static final String ITEMS = """
            {"id":"1","title":"Cup final","text":"The team won the championship final with a late goal.","labels":["games"]}
            {"id":"2","title":"Marathon record","text":"The runner broke the marathon world record in the race.","labels":["games"]}
            {"id":"3","title":"Rates rise","text":"The central bank raised interest rates as inflation climbed.","labels":["money"]}
            {"id":"4","title":"Museum opens","text":"The new art museum opened its first exhibition of paintings.","labels":["other"]}
            """;

    @Test
    void scoresMappedItemsAndLeavesTheRestOut(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("items.jsonl");
        Files.writeString(file, ITEMS);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream saved = System.out;
        int exit;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            exit = new CommandLine(new TopicsEvalCommand()).execute("eval-iptc", "--test", file.toString(),
                    "--map", "games=sport", "--map", "money=economy, business and finance", "--thresholds", "0.1,0.9");
        } finally {
            System.setOut(saved);
        }
        String printed = out.toString(StandardCharsets.UTF_8);

        assertThat(exit).isZero();
        assertThat(printed).contains("items 3 (left out, label not mapped: 1)").contains("top-1 accuracy")
                .contains("0.10").contains("0.90");
    }

    @Test
    void aMappingWithoutEqualsSignIsAUsageError(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("items.jsonl");
        Files.writeString(file, ITEMS);
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new TopicsEvalCommand());
        cli.setErr(new PrintWriter(err));

        int exit = cli.execute("eval-iptc", "--test", file.toString(), "--map", "games");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("--map games").contains("LABEL=TOPIC");
    }
}
