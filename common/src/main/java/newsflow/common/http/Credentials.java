package newsflow.common.http;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

/**
 * HTTP basic credentials given in a feed URL ({@code https://user:secret@host/feed}): sent as an
 * {@code Authorization} header, never in the request line, and only to the host they were written for.
 */
record Credentials(String header) {

    static final Credentials NONE = new Credentials(null);

    static Credentials of(URI uri) {
        String userInfo = uri.getRawUserInfo();
        if (userInfo == null || userInfo.isEmpty()) {
            return NONE;
        }
        String decoded = URLDecoder.decode(userInfo.replace("+", "%2B"), StandardCharsets.UTF_8);
        return new Credentials("Basic " + Base64.getEncoder().encodeToString(decoded.getBytes(StandardCharsets.UTF_8)));
    }

    /** The URI without its user info. */
    URI stripFrom(URI uri) {
        if (header == null) {
            return uri;
        }
        // rebuilt from the raw parts: decoding and re-encoding could change what the path and query mean
        return URI.create(uri.getScheme() + "://" + uri.getRawAuthority().substring(uri.getRawUserInfo().length() + 1)
                + (uri.getRawPath() == null ? "" : uri.getRawPath())
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
    }

    /** The header for a request to {@code target}: none when a redirect left the credentials' own host. */
    String forHost(URI target, URI original) {
        if (header == null || target.getHost() == null || original.getHost() == null) {
            return null;
        }
        return target.getHost().toLowerCase(Locale.ROOT).equals(original.getHost().toLowerCase(Locale.ROOT))
                && target.getPort() == original.getPort() ? header : null;
    }
}
