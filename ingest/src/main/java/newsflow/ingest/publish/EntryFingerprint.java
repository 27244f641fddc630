package newsflow.ingest.publish;

import newsflow.common.json.Json;
import newsflow.common.model.FeedEntry;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Digest of what an entry says, so a changed entry (same id, new text) is published again as an update.
 * Poll-time facts (fetch time, the feed's display name) are left out: they change without the entry changing.
 */
final class EntryFingerprint {

    private EntryFingerprint() {
    }

    public static String of(FeedEntry e) {
        FeedEntry content = e.withPollFacts(null, null);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(Json.writeBytes(content));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("SHA-256 is required by every JRE", ex);
        }
    }
}
