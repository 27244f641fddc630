package newsflow.common.model;

/** The wire schema version of {@link FeedEntry}, {@link Article} and {@link DeadLetter}. */
public final class Schema {
    /** Bump when a field changes meaning or is removed; adding an optional field does not need a bump. */
    public static final int VERSION = 1;

    /**
     * Refuses a record written by newer code: its fields may mean something this code does not know, so
     * processing it could index wrong data. The stages dead-letter such a record with this message as the reason.
     *
     * @throws IllegalArgumentException when {@code version} is newer than {@link #VERSION}
     */
    public static void requireKnown(int version) {
        if (version > VERSION) {
            throw new IllegalArgumentException("schema version " + version + " is newer than this code's " + VERSION);
        }
    }

    private Schema() {
    }
}
