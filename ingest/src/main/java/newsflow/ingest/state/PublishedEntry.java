package newsflow.ingest.state;

import java.time.Instant;

/**
 * An entry ingest has published, remembered so it is not published again unless its content changes.
 *
 * @param id          the entry's article id (its Kafka key)
 * @param fingerprint digest of the content last published under that id
 * @param at          the entry's own date (published, else updated), else when ingest first saw it; null in
 *                    state written before this was recorded. Gives a feed's posting rate ({@code feeds status}).
 * @param guid        the entry's GUID when it had one: an entry whose link changed but whose GUID did not is the
 *                    same article, published again under this id (as an update), not as a new one
 */
public record PublishedEntry(String id, String fingerprint, Instant at, String guid) {

    public PublishedEntry(String id, String fingerprint, Instant at) {
        this(id, fingerprint, at, null);
    }

    public PublishedEntry(String id, String fingerprint) {
        this(id, fingerprint, null, null);
    }
}
