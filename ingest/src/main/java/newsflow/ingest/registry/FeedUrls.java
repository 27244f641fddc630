package newsflow.ingest.registry;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** Checks a feed URL an operator typed or a file named before it enters the registry. */
public final class FeedUrls {

    private FeedUrls() {
    }

    /**
     * @return the URL, stripped
     * @throws IllegalArgumentException naming the URL and what is wrong with it
     */
    public static String check(String url) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("empty feed URL");
        }
        String u = url.strip();
        URI uri;
        try {
            uri = new URI(u);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("feed URL '" + u + "' is not a URL: " + e.getReason(), e);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("feed URL '" + u + "' is not http(s)");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new IllegalArgumentException("feed URL '" + u + "' has no host");
        }
        return u;
    }
}
