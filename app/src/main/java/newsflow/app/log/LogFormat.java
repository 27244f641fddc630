package newsflow.app.log;

import java.util.Locale;
import java.util.function.Function;

/**
 * Which log format a newsflow process writes: {@code text} (the default, for people) or {@code json} (one object
 * per line, {@link JsonLineEncoder}). Chosen by {@code -Dnewsflow.log.format} or {@code NEWSFLOW_LOG_FORMAT}, not by
 * the configuration file: logging starts before that file is read, and its own errors must come out in the
 * chosen format too. logback.xml routes to the appender named by the system property this sets.
 */
public enum LogFormat {
    TEXT,
    JSON;

    public static final String PROPERTY = "newsflow.log.format";
    public static final String VARIABLE = "NEWSFLOW_LOG_FORMAT";

    /**
     * Reads this process's choice and records it, lower-cased, in the system property logback.xml reads. Must run
     * before the first logger is created.
     *
     * @throws IllegalArgumentException naming the setting and the accepted values, for any other value
     */
    public static LogFormat applyToThisProcess() {
        LogFormat format = chosen(System::getProperty, System::getenv);
        System.setProperty(PROPERTY, format.name().toLowerCase(Locale.ROOT));
        return format;
    }

    /** The choice: the system property wins over the environment variable; neither set means {@link #TEXT}. */
    static LogFormat chosen(Function<String, String> properties, Function<String, String> env) {
        String fromProperty = properties.apply(PROPERTY);
        if (fromProperty != null && !fromProperty.isBlank()) {
            return parse("-D" + PROPERTY, fromProperty);
        }
        return parse(VARIABLE, env.apply(VARIABLE));
    }

    static LogFormat parse(String setting, String value) {
        if (value == null || value.isBlank()) {
            return TEXT;
        }
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(setting + " must be text or json, got '" + value + "'");
        }
    }
}
