package newsflow.app.cli;

import newsflow.enrich.classify.ClassifierException;
import newsflow.enrich.classify.LabeledText;
import newsflow.enrich.classify.LabeledTexts;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code --map LABEL=TOPIC} options (a data set's labels renamed, e.g. to IPTC topics) and the files they apply to.
 * Public for the lab's {@code topics eval} commands, which read their data as {@code topics train} does.
 */
public final class LabelMapping {

    /** The {@code --map} option's description. */
    public static final String HELP = "rename an item label, e.g. 'tech=science and technology'; repeat per label; with"
            + " any --map, labels without one are dropped and items left without a label are left out";

    private LabelMapping() {
    }

    /** @throws ParameterException naming the option when an entry is not LABEL=TOPIC */
    public static Map<String, String> parse(List<String> entries, CommandLine cmd) {
        Map<String, String> mapping = new LinkedHashMap<>();
        for (String m : entries == null ? List.<String>of() : entries) {
            int eq = m.indexOf('=');
            if (eq <= 0 || eq == m.length() - 1) {
                throw new ParameterException(cmd, "--map " + m + ": expected LABEL=TOPIC");
            }
            mapping.put(m.substring(0, eq).strip(), m.substring(eq + 1).strip());
        }
        return mapping;
    }

    /** Every file's items, relabelled when a mapping is given (items without a mapped label are left out). */
    public static List<LabeledText> read(List<Path> files, Map<String, String> mapping) {
        List<LabeledText> items = new ArrayList<>();
        for (Path f : files) {
            items.addAll(LabeledTexts.read(f));
        }
        if (mapping.isEmpty()) {
            return items;
        }
        List<LabeledText> mapped = LabeledTexts.relabel(items, mapping);
        if (mapped.isEmpty()) {
            throw new ClassifierException(files + ": no item has a label the mapping names (" + mapping.keySet() + ")");
        }
        return mapped;
    }

    /** What trained a model, for its note: the file names, and the mapping when there is one. */
    public static String describe(List<Path> files, Map<String, String> mapping) {
        String names = files.stream().map(f -> f.getFileName().toString()).collect(Collectors.joining(" + "));
        return mapping.isEmpty() ? names : names + ", labels mapped " + mapping.entrySet().stream()
                .map(e -> e.getKey() + " → " + e.getValue()).collect(Collectors.joining("; "));
    }
}
