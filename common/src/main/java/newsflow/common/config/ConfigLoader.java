package newsflow.common.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Loads {@link NewsflowConfig}: built-in defaults, then the operator's YAML file merged over them, then
 * environment variables. Every scalar setting has an environment name: {@code NEWSFLOW_} followed by its path
 * in upper snake case, for example {@code kafka.bootstrapServers} → {@code NEWSFLOW_KAFKA_BOOTSTRAP_SERVERS};
 * a list of scalars (an empty list too) takes a comma-separated value.
 */
public final class ConfigLoader {

    private static final String DEFAULTS = "/newsflow/defaults.yaml";
    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");

    private final ObjectMapper yaml;
    private final Function<String, String> env;

    private ConfigLoader(Function<String, String> env) {
        SimpleModule durations = new SimpleModule().addDeserializer(Duration.class, new DurationDeserializer());
        this.yaml = YAMLMapper.builder()
                .addModule(durations)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
        this.env = env;
    }

    /** Defaults plus process environment, no file. */
    public static NewsflowConfig defaults() {
        return new ConfigLoader(System::getenv).load((String) null);
    }

    /** Defaults, the given file (may be null), then the process environment. */
    public static NewsflowConfig load(Path file) {
        return new ConfigLoader(System::getenv).load(file == null ? null : read(file));
    }

    /** Defaults, the given YAML text (may be null), then the given environment: for tests. */
    public static NewsflowConfig load(String yamlText, Map<String, String> environment) {
        return new ConfigLoader(environment::get).load(yamlText);
    }

    private NewsflowConfig load(String yamlText) {
        try {
            ObjectNode tree;
            try (InputStream in = ConfigLoader.class.getResourceAsStream(DEFAULTS)) {
                if (in == null) {
                    throw new IllegalStateException("missing " + DEFAULTS + " on the classpath");
                }
                tree = (ObjectNode) yaml.readTree(in);
            }
            if (yamlText != null && !yamlText.isBlank()) {
                JsonNode user = yaml.readTree(yamlText);
                if (user != null && !user.isMissingNode() && !user.isNull()) {
                    if (!user.isObject()) {
                        throw new IllegalArgumentException("configuration must be a YAML mapping at the top level");
                    }
                    merge(tree, (ObjectNode) user);
                }
            }
            applyEnvironment(tree, "NEWSFLOW");
            List<String> problems = ConfigValidator.problems(tree);
            if (!problems.isEmpty()) {
                throw new InvalidConfigException(problems);
            }
            return yaml.treeToValue(tree, NewsflowConfig.class);
        } catch (IOException e) {
            throw new IllegalArgumentException("invalid configuration: " + e.getMessage(), e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read configuration file " + file, e);
        }
    }

    /** Deep-merges {@code over} into {@code base}: objects merge key by key, anything else replaces. */
    private static void merge(ObjectNode base, ObjectNode over) {
        List<String> names = new ArrayList<>();
        over.fieldNames().forEachRemaining(names::add);
        for (String name : names) {
            JsonNode value = over.get(name);
            JsonNode existing = base.get(name);
            if (existing instanceof ObjectNode existingObject && value instanceof ObjectNode valueObject
                    && !existingObject.isEmpty()) {
                merge(existingObject, valueObject);
            } else {
                base.set(name, value);
            }
        }
    }

    private void applyEnvironment(ObjectNode node, String prefix) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        for (String name : names) {
            String envName = prefix + "_" + upperSnake(name);
            JsonNode child = node.get(name);
            if (child instanceof ObjectNode object && !object.isEmpty()) {
                applyEnvironment(object, envName);
            } else if (child instanceof ArrayNode array && scalars(array)) {
                // a list of scalars (server.apiKeys, http.allowPrivate) from one variable, comma-separated
                String value = env.apply(envName);
                if (value != null) {
                    ArrayNode replaced = node.putArray(name);
                    for (String part : value.split(",")) {
                        if (!part.isBlank()) {
                            replaced.add(part.strip());
                        }
                    }
                }
            } else if (child == null || child.isValueNode() || child.isNull()) {
                String value = env.apply(envName);
                if (value != null) {
                    node.put(name, value);
                }
            }
        }
    }

    private static boolean scalars(ArrayNode array) {
        for (JsonNode element : array) {
            if (!element.isValueNode()) {
                return false;
            }
        }
        return true;
    }

    static String upperSnake(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
    }

    /** Parses "15m", "30s", "2h", "500ms", "1d", a plain number of seconds, or ISO-8601 ("PT15M"). */
    public static Duration parseDuration(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        if (t.startsWith("p")) {
            return Duration.parse(t.toUpperCase(Locale.ROOT));
        }
        if (t.matches("\\d+")) {
            return Duration.ofSeconds(Long.parseLong(t));
        }
        Matcher m = DURATION.matcher(t);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a duration: '" + text + "' (use 30s, 15m, 2h, 1d or ISO-8601)");
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
        };
    }

    private static final class DurationDeserializer extends JsonDeserializer<Duration> {
        @Override
        public Duration deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
            try {
                return parseDuration(p.getValueAsString());
            } catch (RuntimeException e) {
                return (Duration) ctx.handleWeirdStringValue(Duration.class, p.getValueAsString(), e.getMessage());
            }
        }
    }
}
