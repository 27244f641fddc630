package newsflow.app.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code topics train} with labels mapped (training and scoring with a mapped model: the lab's TopicsDefaultModelTest). */
class TopicsTrainTest {

    private static final String FIRST = """
            {"id":"a1","title":"Cup final","text":"The team won the cup final with a late goal in the match.","labels":["games"]}
            {"id":"a3","title":"Rates rise","text":"The bank raised interest rates and shares fell on the market.","labels":["money"]}
            """;

    @Test
    void aMappingThatNamesNoLabelOfTheDataIsAnErrorNamingTheFiles(@TempDir Path dir) throws Exception {
        Path first = Files.writeString(dir.resolve("first.jsonl"), FIRST);
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new TopicsCommand());
        cli.setErr(new PrintWriter(err));
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println(e.getMessage());
            return 1;
        });

        int exit = cli.execute("train", "--data", first.toString(), "--map", "Tennis=sport", "--out",
                dir.resolve("m.gz").toString());

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).contains("first.jsonl").contains("no item has a label the mapping names");
    }
}
