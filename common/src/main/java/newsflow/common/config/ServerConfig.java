package newsflow.common.config;

import java.util.List;

/**
 * The HTTP server each newsflow process runs: health, metrics and (with the search stage) the search API.
 *
 * @param host    bind address
 * @param port    port, 0 for any free port
 * @param apiKeys when not empty, every request must carry one of these keys ({@code Authorization: Bearer <key>}
 *                or {@code X-Api-Key: <key>}); endpoints that write need one whenever the server is not bound to
 *                loopback. Environment: {@code NEWSFLOW_SERVER_API_KEYS}, comma-separated.
 */
public record ServerConfig(String host, int port, List<String> apiKeys) {

    public ServerConfig {
        apiKeys = apiKeys == null ? List.of() : apiKeys.stream().map(String::strip).filter(k -> !k.isEmpty()).toList();
    }

    /** No API keys. */
    public ServerConfig(String host, int port) {
        this(host, port, List.of());
    }

    public ServerConfig withApiKeys(List<String> keys) {
        return new ServerConfig(host, port, keys);
    }
}
