package newsflow.common.config;

/**
 * The HTTP server each newsflow process runs: health, metrics and (with the search stage) the search API.
 *
 * @param host bind address
 * @param port port, 0 for any free port
 */
public record ServerConfig(String host, int port) {
}
