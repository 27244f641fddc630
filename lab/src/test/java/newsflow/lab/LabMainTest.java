package newsflow.lab;

import newsflow.app.Main;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The lab's command tree says no like the product's: an unknown command or option is exit status 2, named. */
class LabMainTest {

    @Test
    void anUnknownLabCommandBesideHelpIsAnErrorNamingIt() {
        PrintStream err = System.err;
        PrintStream out = System.out;
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        int exit;
        try {
            System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
            System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
            exit = Main.execute(new LabMain(), "eval-extrct", "--help");
        } finally {
            System.setErr(err);
            System.setOut(out);
        }

        assertThat(exit).isEqualTo(2);
        assertThat(stderr.toString(StandardCharsets.UTF_8)).startsWith("newsflow: unknown command 'eval-extrct'")
                .contains("Did you mean: newsflow eval-extract");
        assertThat(stdout.toString(StandardCharsets.UTF_8)).isEmpty();
    }
}
