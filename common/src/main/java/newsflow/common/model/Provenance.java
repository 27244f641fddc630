package newsflow.common.model;

import com.fasterxml.jackson.annotation.JsonValue;

/** Where an article field got its value; written on the wire as {@link #wireName()}. */
public enum Provenance {
    /** The page's JSON-LD (schema.org) data. */
    JSON_LD("json-ld"),
    /** A {@code <meta>} tag of the page. */
    META("meta"),
    /** The page's markup: {@code <title>}, {@code <link rel=canonical>}, {@code <time>}, the rendered text. */
    HTML("html"),
    /** A guess: a date in the URL, a byline-like element, the detected language. */
    HEURISTIC("heuristic"),
    /** The feed entry, because the page gave none or could not be used. */
    FEED("feed"),
    /** The AMP version of a page that was a shell. */
    AMP("amp"),
    /** The print version of a page that was a shell. */
    PRINT("print");

    private final String wireName;

    Provenance(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    /** The provenance written as {@code name}, null for a name this version does not know. */
    public static Provenance fromWireName(String name) {
        for (Provenance p : values()) {
            if (p.wireName.equals(name)) {
                return p;
            }
        }
        return null;
    }
}
