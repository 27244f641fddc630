package newsflow.ingest.state;

/**
 * An entry ingest has published, remembered so it is not published again unless its content changes.
 *
 * @param id          the entry's article id (its Kafka key)
 * @param fingerprint digest of the content last published under that id
 * @param guid        the entry's GUID when it had one: an entry whose link changed but whose GUID did not is the
 *                    same article, published again under this id (as an update), not as a new one
 */
public record PublishedEntry(String id, String fingerprint, String guid) {

    public PublishedEntry(String id, String fingerprint) {
        this(id, fingerprint, null);
    }
}
