package newsflow.common.config;

import com.fasterxml.jackson.databind.JsonNode;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks the merged configuration tree (defaults, file, environment) against the records it will become,
 * before any of them is built, and reports every problem at once, each under its key: a value of the wrong
 * type, a negative number or duration, a port out of range, a value outside its allowed set, an unknown key.
 * Working on the tree, not the records, matters: some records quietly turn a negative duration into zero,
 * and the object mapper stops at the first problem.
 */
final class ConfigValidator {

    /** Counts that mean nothing at zero: a stage with no threads or a topic with no partitions cannot work. */
    private static final Set<String> AT_LEAST_ONE = Set.of("kafka.partitions", "kafka.replicationFactor",
            "elasticsearch.shards", "elasticsearch.bulkActions", "ingest.pollThreads", "ingest.perHostConcurrency",
            "ingest.maxEntriesPerFeed", "enrich.concurrency", "enrich.perHostConcurrency");
    /** Durations that cannot be zero: a probe every 0 s would spin, a zero extraction budget uses no page. */
    private static final Set<String> POSITIVE_DURATION = Set.of("health.checkInterval", "enrich.extractBudget",
            "elasticsearch.refreshInterval");
    /** Settings with a fixed set of values (kept as strings in their records). */
    private static final Map<String, Set<String>> ONE_OF = Map.of("enrich.taxonomy", Set.of(EnrichConfig.IPTC, EnrichConfig.NO_TAXONOMY));
    /** A JVM heap size as -Xmx takes it. */
    private static final Map<String, Pattern> FORMAT = Map.of("localStack.heap", Pattern.compile("\\d+[kKmMgG]?"));
    private static final int MAX_PORT = 65_535;

    private final List<String> problems = new ArrayList<>();

    private ConfigValidator() {
    }

    /** Every problem of {@code tree} as {@code key: what is wrong}; empty when it will load. */
    static List<String> problems(JsonNode tree) {
        ConfigValidator v = new ConfigValidator();
        v.checkRecord("", tree, NewsflowConfig.class);
        return List.copyOf(v.problems);
    }

    private void checkRecord(String path, JsonNode node, Class<?> type) {
        if (!node.isObject()) {
            problems.add(key(path) + ": must be a mapping, got " + shown(node));
            return;
        }
        RecordComponent[] components = type.getRecordComponents();
        Set<String> known = Set.copyOf(Arrays.stream(components).map(RecordComponent::getName).toList());
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                problems.add(join(path, name) + ": unknown setting (known here: " + String.join(", ", known.stream().sorted().toList()) + ")");
            }
        }
        for (RecordComponent c : components) {
            JsonNode value = node.get(c.getName());
            if (value != null && !value.isNull()) {
                checkValue(join(path, c.getName()), value, c.getType(), c.getGenericType());
            }
        }
    }

    private void checkValue(String key, JsonNode value, Class<?> type, Type generic) {
        if (type == Duration.class) {
            checkDuration(key, value);
        } else if (type == int.class || type == long.class || type == short.class) {
            checkWholeNumber(key, value, type);
        } else if (type == boolean.class) {
            String text = value.asText().strip().toLowerCase(Locale.ROOT);
            if (!value.isBoolean() && !text.equals("true") && !text.equals("false")) {
                problems.add(key + ": must be true or false, got " + shown(value));
            }
        } else if (type.isEnum()) {
            List<String> allowed = Arrays.stream(type.getEnumConstants()).map(Object::toString).toList();
            if (allowed.stream().noneMatch(a -> a.equalsIgnoreCase(value.asText().strip()))) {
                problems.add(key + ": must be one of " + allowed + ", got " + shown(value));
            }
        } else if (type == String.class) {
            checkString(key, value);
        } else if (type.isRecord()) {
            checkRecord(key, value, type);
        } else if (type == List.class && generic instanceof ParameterizedType p
                && p.getActualTypeArguments()[0] instanceof Class<?> element && element.isRecord()) {
            if (!value.isArray()) {
                problems.add(key + ": must be a list, got " + shown(value));
                return;
            }
            for (int i = 0; i < value.size(); i++) {
                checkRecord(key + "[" + i + "]", value.get(i), element);
            }
        }
        // maps (topics, client properties, headers) are free-form
    }

    private void checkDuration(String key, JsonNode value) {
        try {
            Duration d = ConfigLoader.parseDuration(value.asText());
            if (d.isNegative()) {
                problems.add(key + ": must not be negative, got " + shown(value));
            } else if (d.isZero() && POSITIVE_DURATION.contains(key)) {
                problems.add(key + ": must be more than zero, got " + shown(value));
            }
        } catch (RuntimeException e) {
            problems.add(key + ": not a duration, got " + shown(value) + " (use 500ms, 30s, 15m, 2h, 1d or ISO-8601)");
        }
    }

    private void checkWholeNumber(String key, JsonNode value, Class<?> type) {
        long n;
        try {
            n = Long.parseLong(value.asText().strip());
        } catch (NumberFormatException e) {
            problems.add(key + ": must be a whole number, got " + shown(value));
            return;
        }
        long max = type == short.class ? Short.MAX_VALUE : type == int.class ? Integer.MAX_VALUE : Long.MAX_VALUE;
        long min = AT_LEAST_ONE.contains(key) ? 1 : 0;
        if (isPort(key)) {
            if (n < 0 || n > MAX_PORT) {
                problems.add(key + ": must be a port from 0 (any free one) to " + MAX_PORT + ", got " + n);
            }
        } else if (n < min || n > max) {
            problems.add(key + ": must be " + (min == 1 ? "at least 1" : "zero or more") + (n > max ? " and at most " + max : "")
                    + ", got " + n);
        }
    }

    private void checkString(String key, JsonNode value) {
        String text = value.asText().strip();
        Set<String> allowed = ONE_OF.get(key);
        if (allowed != null && !text.isEmpty() && !allowed.contains(text.toLowerCase(Locale.ROOT))) {
            problems.add(key + ": must be one of " + allowed.stream().sorted().toList() + ", got " + shown(value));
        }
        Pattern format = FORMAT.get(key);
        if (format != null && !format.matcher(text).matches()) {
            problems.add(key + ": must be a size such as 512m or 2g, got " + shown(value));
        }
    }

    private static boolean isPort(String key) {
        String last = key.substring(key.lastIndexOf('.') + 1);
        return last.equals("port") || last.endsWith("Port");
    }

    private static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    private static String key(String path) {
        return path.isEmpty() ? "(top level)" : path;
    }

    private static String shown(JsonNode value) {
        return value.isTextual() ? "'" + value.asText() + "'" : value.toString();
    }
}
