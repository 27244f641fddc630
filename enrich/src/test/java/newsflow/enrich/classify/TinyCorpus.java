package newsflow.enrich.classify;

import java.util.ArrayList;
import java.util.List;

/** A handful of sentences per label, written for these tests (and the lab's tests of the evaluations). */
public final class TinyCorpus {

    private TinyCorpus() {
    }

    static final String[] SPORT = {
            "The striker scored twice as the home team won the league match in front of a full stadium.",
            "Fans cheered when the goalkeeper saved a late penalty and the club reached the cup final.",
            "The tennis champion won the opening set and the match after a long rally on centre court.",
            "The coach praised the defence after the team kept a clean sheet in the league game.",
            "A late goal in the match sent the club top of the league table before the cup tie.",
            "The runner set a new record at the championship and the coach called the team proud.",
    };
    static final String[] BUSINESS = {
            "Shares rose after the bank reported higher quarterly profits and raised its dividend.",
            "The company said sales fell and profits dropped as costs at its factories climbed.",
            "Investors sold shares of the retailer after the firm cut its profit forecast for the year.",
            "The central bank kept interest rates on hold as inflation and the market cooled.",
            "The firm agreed a takeover deal that values the company at two billion dollars in shares.",
            "Oil prices pushed the market lower and the bank warned profits would suffer.",
    };
    static final String[] SCIENCE = {
            "Researchers found the new telescope can detect planets orbiting distant stars.",
            "Scientists sequenced the genome of the plant and found genes that resist drought.",
            "The space probe sent back images of the moon's surface and its craters to researchers.",
            "A study by scientists shows the vaccine trains the immune system against the virus.",
            "Researchers built a battery from cheap materials that stores energy for longer, the study says.",
            "The telescope observed a comet and scientists measured the dust in its tail.",
    };

    public static List<LabeledText> items() {
        List<LabeledText> out = new ArrayList<>();
        add(out, "sport", SPORT);
        add(out, "business", BUSINESS);
        add(out, "science", SCIENCE);
        return out;
    }

    private static void add(List<LabeledText> out, String label, String[] texts) {
        for (int i = 0; i < texts.length; i++) {
            out.add(new LabeledText(label + "-" + i, "", texts[i], List.of(label)));
        }
    }
}
