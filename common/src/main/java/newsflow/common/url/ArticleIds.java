package newsflow.common.url;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Stable article ids: the first 128 bits of SHA-256 over the canonical URL, hex encoded.
 * The same id is the Kafka key and the Elasticsearch document id, which is what makes replays idempotent.
 */
public final class ArticleIds {

    private ArticleIds() {
    }

    /** Id for an article URL; the URL is canonicalised first. */
    public static String forUrl(String url) {
        return hash(UrlNormalizer.canonicalize(url));
    }

    /** Id for an entry without a usable link: derived from its feed and GUID instead. */
    public static String forGuid(String feedUrl, String guid) {
        return hash("guid:" + feedUrl + "\n" + guid);
    }

    private static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JRE", e);
        }
    }
}
