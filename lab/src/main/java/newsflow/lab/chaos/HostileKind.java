package newsflow.lab.chaos;

/**
 * The hostile article links mixed into the run, one feed of them per kind. {@link #mustFallBack()} says whether the
 * page must not be used: the article is then acceptable only built from the feed's content with a fallback reason,
 * or dead-lettered.
 */
enum HostileKind {
    /** A page on the allowed site that sends its headers, then one byte a second. */
    TRICKLE_PAGE(true),
    /** A link straight to the internal server on another loopback port. */
    INTERNAL_DIRECT(true),
    /** A page on the allowed site that answers 302 to the internal server. */
    INTERNAL_REDIRECT(true),
    /** The internal server spelled {@code [::1]}. */
    INTERNAL_IPV6(true),
    /** The internal server spelled {@code 0x7f.1}. */
    INTERNAL_HEX(true),
    /** The cloud metadata address. */
    METADATA(true),
    /** A page on the allowed site whose gzip body inflates far past {@code http.maxBytes}. */
    GZIP_BOMB(true),
    /** A page on the allowed site larger than {@code http.maxBytes}. */
    OVERSIZE(true),
    /** {@code <div><span>} nested many thousand levels deep, never closed: may be extracted, must not stall. */
    DEEP_NESTING(false);

    private final boolean mustFallBack;

    HostileKind(boolean mustFallBack) {
        this.mustFallBack = mustFallBack;
    }

    boolean mustFallBack() {
        return mustFallBack;
    }

    /** The kind as it appears in URLs and the report: {@code trickle-page}. */
    String slug() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
