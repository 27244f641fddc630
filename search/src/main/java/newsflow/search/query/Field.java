package newsflow.search.query;

import java.util.Locale;
import java.util.Optional;

/** What a leaf of the query is matched against: {@code title:}, {@code author:} and so on, or any text field. */
public enum Field {
    /** No field given: title, description and body ({@link QueryTranslator#TEXT_FIELDS}). */
    ANY(null),
    TITLE("title"),
    BODY("body"),
    /** An author's name, word by word. */
    AUTHOR("author"),
    /** The feed's name, exactly (case aside). */
    SOURCE("source"),
    /** A topic, exactly (case aside). */
    TOPIC("topic"),
    /** An ISO 639 language code. */
    LANG("lang");

    private final String key;

    Field(String key) {
        this.key = key;
    }

    /** The name written before the colon in a query; null for {@link #ANY}. */
    public String key() {
        return key;
    }

    /** The field written as {@code name:}, case-insensitively; empty for anything else. */
    public static Optional<Field> named(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        for (Field f : values()) {
            if (f.key != null && f.key.equals(lower)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}
