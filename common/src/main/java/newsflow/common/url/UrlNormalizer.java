package newsflow.common.url;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Canonical form of an article URL, so the same article reached through different links gets one id.
 *
 * <p>Lower-cases scheme and host, drops default ports, the fragment and tracking parameters, keeps the
 * order of the remaining query parameters (order can be meaningful to the server), and resolves
 * {@code .}/{@code ..} path segments. The path keeps its case: servers treat it case-sensitively.
 */
public final class UrlNormalizer {

    private static final Set<String> TRACKING_PARAMS = Set.of(
            "fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "twclid", "igshid",
            "mc_cid", "mc_eid", "_ga", "_gl", "ocid", "cmpid", "ncid", "ref_src", "ref_url",
            "spm", "share", "src", "smid", "sr_share");

    private static final List<String> TRACKING_PREFIXES = List.of("utm_", "pk_", "mtm_", "hsa_", "__hs", "vero_");

    private UrlNormalizer() {
    }

    /**
     * @throws IllegalArgumentException when {@code url} is not an absolute http(s) URL
     */
    public static String canonicalize(String url) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("URL is empty");
        }
        URI uri;
        try {
            uri = new URI(url.strip().replace(" ", "%20")).normalize();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a valid URL: " + url, e);
        }
        String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!"http".equals(scheme) && !"https".equals(scheme)) {
            throw new IllegalArgumentException("not an absolute http(s) URL: " + url);
        }
        String host = uri.getHost();
        if (host == null) {
            throw new IllegalArgumentException("URL has no host: " + url);
        }
        host = host.toLowerCase(Locale.ROOT);
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        int port = uri.getPort();
        boolean defaultPort = port == -1 || ("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443);

        String path = uri.getRawPath();
        if (path == null || path.isEmpty()) {
            path = "/";
        }
        String query = stripTracking(uri.getRawQuery());

        StringBuilder out = new StringBuilder(url.length());
        out.append(scheme).append("://").append(host);
        if (!defaultPort) {
            out.append(':').append(port);
        }
        out.append(path);
        if (query != null && !query.isEmpty()) {
            out.append('?').append(query);
        }
        return out.toString();
    }

    static boolean isTrackingParameter(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (TRACKING_PARAMS.contains(lower)) {
            return true;
        }
        for (String prefix : TRACKING_PREFIXES) {
            if (lower.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    private static String stripTracking(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return null;
        }
        List<String> kept = new ArrayList<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            if (!isTrackingParameter(name)) {
                kept.add(pair);
            }
        }
        return String.join("&", kept);
    }
}
