package newsflow.ingest.state;

/**
 * An entry ingest has published, remembered so it is not published again unless its content changes.
 *
 * @param id          the entry's article id (its Kafka key)
 * @param fingerprint digest of the content last published under that id
 */
public record PublishedEntry(String id, String fingerprint) {
}
