package newsflow.lab.cli;

import com.rometools.rome.io.impl.DateParser;
import newsflow.app.cli.ParseDateCommand;
import newsflow.common.text.Dates;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code newsflow parse-date} with {@code --eval}: reads dates as the product's command does, then scores ingest's
 * date parser and plain Rome on a test set. The launcher hands {@code parse-date … --eval …} here.
 */
@Command(name = "parse-date", mixinStandardHelpOptions = true,
        description = {"Print the UTC instant ingest reads from each DATE (or 'null').",
                "With --eval FILE: score ingest's date parser and plain Rome's on a JSON list of "
                        + "{id, input, expected: [Y,M,D,h,m,s,...] | null} cases; lists every case not right."})
public final class ParseDateEvalCommand implements Callable<Integer> {

    @Option(names = "--eval", paramLabel = "FILE", description = "JSON test set to score")
    Path eval;

    @Parameters(paramLabel = "DATE", arity = "0..*", description = "date strings to read")
    List<String> dates = List.of();

    @Override
    public Integer call() throws Exception {
        ParseDateCommand.print(dates);
        if (eval == null) {
            return 0;
        }
        List<DateEvaluation.Case> cases = DateEvaluation.read(eval);
        List<DateEvaluation.Outcome> ours = DateEvaluation.run(cases, Dates::parse);
        List<DateEvaluation.Outcome> rome = DateEvaluation.run(cases, ParseDateEvalCommand::rome);
        for (DateEvaluation.Outcome o : ours) {
            if (o.verdict() != DateEvaluation.Verdict.RIGHT) {
                System.out.printf("%-5s %-5s %-36s got %s%n", o.verdict(), o.c().id(), "'" + o.c().input() + "'", o.got());
            }
        }
        System.out.println(DateEvaluation.score(ours).line("newsflow"));
        System.out.println(DateEvaluation.score(rome).line("rome"));
        return 0;
    }

    /** Plain Rome 2.1.0, as its RSS parsers read pubDate (RFC 822, then W3C-DTF), for comparison. */
    private static Instant rome(String text) {
        Date date = DateParser.parseDate(text, Locale.US);
        return date == null ? null : date.toInstant();
    }
}
