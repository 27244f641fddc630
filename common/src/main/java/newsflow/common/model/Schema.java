package newsflow.common.model;

/** The wire schema version of {@link FeedEntry}, {@link Article} and {@link DeadLetter}. */
public final class Schema {
    /** Bump when a field changes meaning or is removed; adding an optional field does not need a bump. */
    public static final int VERSION = 1;

    private Schema() {
    }
}
