package newsflow.app.cli;

import newsflow.common.text.Dates;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.util.List;
import java.util.concurrent.Callable;

/** Reads dates as ingest does. Scoring the parser on a test set ({@code --eval}) is the lab's. */
@Command(name = "parse-date", mixinStandardHelpOptions = true,
        description = {"Print the UTC instant ingest reads from each DATE (or 'null').",
                "Scoring the parser on a test set (--eval FILE) is the lab's: ./newsflow lab parse-date --help."})
public final class ParseDateCommand implements Callable<Integer> {

    @Parameters(paramLabel = "DATE", arity = "0..*", description = "date strings to read")
    List<String> dates = List.of();

    @Override
    public Integer call() {
        print(dates);
        return 0;
    }

    /** Each date as ingest reads it, then the input: {@code <instant or null>\t<date>}. */
    public static void print(List<String> dates) {
        for (String date : dates) {
            System.out.println(Dates.parse(date) + "\t" + date);
        }
    }
}
