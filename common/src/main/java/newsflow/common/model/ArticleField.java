package newsflow.common.model;

import com.fasterxml.jackson.annotation.JsonValue;

/** An article field whose provenance is recorded ({@link FieldSources}); written on the wire as {@link #wireName()}. */
public enum ArticleField {
    TITLE("title"),
    /** The byline as the page states it; the article carries the names in {@link #AUTHORS}. */
    BYLINE("byline"),
    AUTHORS("authors"),
    PUBLISHED("published"),
    MODIFIED("modified"),
    LEAD_IMAGE("leadImage"),
    SITE_NAME("siteName"),
    DESCRIPTION("description"),
    CANONICAL_URL("canonicalUrl"),
    LANGUAGE("language"),
    BODY("body");

    private final String wireName;

    ArticleField(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    /** The field written as {@code name}, null for a name this version does not know. */
    public static ArticleField fromWireName(String name) {
        for (ArticleField f : values()) {
            if (f.wireName.equals(name)) {
                return f;
            }
        }
        return null;
    }
}
