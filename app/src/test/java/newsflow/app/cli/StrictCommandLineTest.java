package newsflow.app.cli;

import newsflow.app.Main;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** A mistyped command or option is an error naming it with exit status 2, however it is combined with --help. */
class StrictCommandLineTest {

    private record Outcome(int exit, String out, String err) {
    }

    private static Outcome newsflow(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
            int exit = Main.execute(new Main(), args);
            return new Outcome(exit, stdout.toString(StandardCharsets.UTF_8), stderr.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    @Test
    void anUnknownCommandBesideHelpIsAnErrorNotTheHelp() {
        Outcome o = newsflow("nonsense", "--help");

        assertThat(o.exit()).isEqualTo(2);
        assertThat(o.err()).startsWith("newsflow: unknown command 'nonsense'").contains("Run 'newsflow --help'");
        assertThat(o.out()).isEmpty();
    }

    @Test
    void anUnknownCommandAloneIsAnErrorWithSuggestions() {
        Outcome o = newsflow("serch", "water");

        assertThat(o.exit()).isEqualTo(2);
        assertThat(o.err()).contains("unknown command 'serch' (and water)").contains("Did you mean: newsflow search");
    }

    @Test
    void anUnknownOptionIsNamedWithTheCommandItWasGivenTo() {
        Outcome top = newsflow("--bogus");
        Outcome sub = newsflow("search", "--help", "--bogus");

        assertThat(top.exit()).isEqualTo(2);
        assertThat(top.err()).startsWith("newsflow: unknown option '--bogus'");
        assertThat(sub.exit()).isEqualTo(2);
        assertThat(sub.err()).startsWith("newsflow search: unknown option '--bogus'").contains("Run 'newsflow search --help'");
        assertThat(sub.out()).isEmpty();
    }

    @Test
    void anExtraArgumentToACommandWithoutSubcommandsIsUnexpected() {
        Outcome o = newsflow("parse-feed", "a.xml", "b.xml");

        assertThat(o.exit()).isEqualTo(2);
        assertThat(o.err()).startsWith("newsflow parse-feed: unexpected argument 'b.xml'");
    }

    @Test
    void anUnknownSubcommandOfAGroupAndOfHelpAreErrors() {
        assertThat(newsflow("feeds", "lsit").exit()).isEqualTo(2);
        Outcome help = newsflow("help", "nonsense");
        assertThat(help.exit()).isEqualTo(2);
        assertThat(help.err()).contains("nonsense");
    }

    @Test
    void helpAndVersionStillAnswerWithStatus0() {
        Outcome help = newsflow("--help");
        Outcome searchHelp = newsflow("search", "--help");
        Outcome version = newsflow("--version");

        assertThat(help.exit()).isZero();
        assertThat(help.out()).contains("Usage: newsflow").contains("parse-feed");
        assertThat(searchHelp.exit()).isZero();
        assertThat(searchHelp.out()).contains("Usage: newsflow search");
        assertThat(version.exit()).isZero();
        assertThat(version.out().strip()).isEqualTo("newsflow " + NewsflowVersion.version());
        assertThat(NewsflowVersion.version()).matches("\\d+\\.\\d+\\.\\d+.*");
    }
}
