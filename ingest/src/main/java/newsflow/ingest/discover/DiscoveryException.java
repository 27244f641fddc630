package newsflow.ingest.discover;

/** The site itself could not be fetched or read, so no feed could be looked for. */
public final class DiscoveryException extends Exception {

    public DiscoveryException(String site, String cause, Throwable throwable) {
        super("cannot discover feeds of " + site + ": " + cause, throwable);
    }
}
