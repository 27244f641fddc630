package newsflow.ingest.state;

import java.time.Instant;

/**
 * An entry ingest has published, remembered so it is not published again unless its content changes.
 *
 * @param id          the entry's article id (its Kafka key)
 * @param fingerprint digest of the content last published under that id
 * @param at          the entry's own date (published, else updated), else when ingest first saw it; null in
 *                    state written before this was recorded. Gives a feed's posting rate ({@code feeds status}).
 */
public record PublishedEntry(String id, String fingerprint, Instant at) {

    public PublishedEntry(String id, String fingerprint) {
        this(id, fingerprint, null);
    }
}
