package newsflow.ingest.registry;

/** The feed registry topic could not be written or read. */
public final class RegistryException extends RuntimeException {

    public RegistryException(String message, Throwable cause) {
        super(message, cause);
    }
}
