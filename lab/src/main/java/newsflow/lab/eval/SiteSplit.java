package newsflow.lab.eval;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;

/**
 * Splits a benchmark's pages into two halves by site, not by page, so that a rule chosen on the "tune" half is
 * measured on sites it never saw ("held"). The site is the page's host without a leading {@code www.}; a page
 * without an address of its own (Readability's test pages all share one fake host, some dragnet pages have none)
 * uses its id, with a trailing {@code -N} dropped so that {@code nytimes-1} … {@code nytimes-5} stay together.
 * The half is the parity of the first byte of the site's SHA-256: deterministic, no seed, no list to keep.
 */
public final class SiteSplit {

    public enum Half { TUNE, HELD }

    /** Readability's test harness gives every page this host; it says nothing about the page's site. */
    private static final String FAKE_HOST = "fakehost";

    private SiteSplit() {
    }

    public static Half halfOf(String id, String url) {
        return halfOfSite(site(id, url));
    }

    static Half halfOfSite(String site) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(site.getBytes(StandardCharsets.UTF_8));
            return (digest[0] & 1) == 0 ? Half.TUNE : Half.HELD;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** The key pages of one site share: host without {@code www.}, else the id without a trailing {@code -N}. */
    public static String site(String id, String url) {
        String host = host(url);
        if (host != null && !host.equals(FAKE_HOST)) {
            return host.startsWith("www.") ? host.substring(4) : host;
        }
        return id.replaceFirst("-\\d+$", "");
    }

    private static String host(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        try {
            String host = URI.create(url.strip()).getHost();
            return host == null ? null : host.toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
