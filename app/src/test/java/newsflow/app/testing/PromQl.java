package newsflow.app.testing;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The metric names a PromQL expression (of a Grafana panel or a Prometheus rule) reads, so a test can hold them to
 * what the pipeline exports. Not a PromQL parser: it strips what cannot name a metric (strings, label matchers,
 * ranges, Grafana variables, label lists of {@code by}/{@code without}/{@code on}/{@code ignoring}/
 * {@code group_left}/{@code group_right}) and keeps the identifiers that are neither functions, aggregations nor
 * keywords. Enough for the expressions this project writes; {@code PromQlTest} shows what it handles.
 */
public final class PromQl {

    private static final Set<String> WORDS = Set.of(
            // aggregations
            "sum", "min", "max", "avg", "group", "stddev", "stdvar", "count", "count_values", "bottomk", "topk", "quantile",
            "limitk", "limit_ratio",
            // keywords and operators spelled as words
            "by", "without", "on", "ignoring", "group_left", "group_right", "and", "or", "unless", "bool", "offset",
            "atan2", "inf", "nan");
    private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'|`[^`]*`");
    private static final Pattern LABEL_LIST = Pattern.compile(
            "\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
    private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");

    private PromQl() {
    }

    /** The metric names {@code expr} reads, in order of appearance. */
    public static Set<String> metricNames(String expr) {
        String e = STRING.matcher(expr).replaceAll(" ");
        e = e.replaceAll("\\{[^}]*}", " ");                  // label matchers
        e = e.replaceAll("\\[[^]]*]", " ");                 // ranges and subqueries
        e = e.replaceAll("\\$\\{?\\w+}?", " ");             // Grafana variables
        e = LABEL_LIST.matcher(e).replaceAll(" ");
        e = e.replaceAll("\\blabel_values\\s*\\(([^,)]*),[^)]*\\)", " $1 "); // Grafana: label_values(metric, label)
        Set<String> names = new LinkedHashSet<>();
        Matcher m = IDENTIFIER.matcher(e);
        while (m.find()) {
            String word = m.group();
            boolean call = e.substring(m.end()).stripLeading().startsWith("(");
            boolean number = m.start() > 0 && (Character.isDigit(e.charAt(m.start() - 1)) || e.charAt(m.start() - 1) == '.');
            if (!call && !number && !WORDS.contains(word)) {
                names.add(word);
            }
        }
        return names;
    }
}
