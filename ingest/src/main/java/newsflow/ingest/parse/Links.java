package newsflow.ingest.parse;

import java.net.URI;
import java.util.Locale;

/** Resolving the links feeds carry, which are often relative, against the document they came from. */
final class Links {

    private Links() {
    }

    /**
     * The absolute http(s) form of {@code href} resolved against {@code base}, or null when it has none
     * (blank, malformed, or another scheme such as {@code mailto:} or {@code tag:}).
     */
    static String absolute(String href, String base) {
        if (href == null || href.isBlank()) {
            return null;
        }
        try {
            URI ref = new URI(href.strip().replace(" ", "%20"));
            URI resolved = ref;
            if (!ref.isAbsolute() && base != null) {
                URI baseUri = new URI(base.strip());
                // URI.resolve mishandles an empty base path ("http://host" + "a" → "http://hosta").
                if (baseUri.getRawPath() == null || baseUri.getRawPath().isEmpty()) {
                    baseUri = baseUri.resolve("/");
                }
                resolved = baseUri.resolve(ref);
            }
            String scheme = resolved.getScheme() == null ? "" : resolved.getScheme().toLowerCase(Locale.ROOT);
            if ((!scheme.equals("http") && !scheme.equals("https")) || resolved.getHost() == null) {
                return null;
            }
            return resolved.toString();
        } catch (java.net.URISyntaxException | IllegalArgumentException e) {
            return null;
        }
    }
}
