package newsflow.common.kafka;

/**
 * A record that can never be processed, whatever is retried (not JSON, no id, a tombstone …). The
 * {@link StageLoop} dead-letters it with {@code reason: message} and moves on.
 */
public final class PoisonRecordException extends Exception {

    private final String reason;

    /**
     * @param reason short tag for the dead letter and the failure metric ({@code decode}, {@code invalid} …)
     * @param cause  what went wrong; its class becomes the dead letter's error type
     */
    public PoisonRecordException(String reason, Throwable cause) {
        super(cause.getMessage() == null ? cause.toString() : cause.getMessage(), cause);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }

    /** The error type recorded with the dead letter: the cause's class. */
    public String errorType() {
        return getCause().getClass().getName();
    }
}
