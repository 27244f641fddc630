package newsflow.common.model;

/** An enclosure or media attachment of a feed item. Length in bytes, null when unknown. */
public record Media(String url, String type, Long length, String title) {
}
