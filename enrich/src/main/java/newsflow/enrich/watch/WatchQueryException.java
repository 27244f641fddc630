package newsflow.enrich.watch;

/** A watch-topic query that does not parse; the message names the topic, the position and the problem. */
public final class WatchQueryException extends RuntimeException {

    public WatchQueryException(String message) {
        super(message);
    }
}
