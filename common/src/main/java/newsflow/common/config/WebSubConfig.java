package newsflow.common.config;

import java.time.Duration;

/**
 * WebSub push for ingest: with a public callback URL, ingest subscribes to the hubs feeds advertise and polls a
 * feed as soon as its hub says it changed. Off when {@code callbackUrl} is empty.
 *
 * @param callbackUrl the address hubs reach this service's callback server at (a reverse proxy's, typically);
 *                    empty: WebSub off
 * @param host        bind address of the callback server
 * @param port        its port (0: any free port)
 * @param secret      signs subscriptions (each hub gets a secret derived from it); required when on
 * @param lease       subscription lease to ask hubs for
 */
public record WebSubConfig(String callbackUrl, String host, int port, String secret, Duration lease) {

    public WebSubConfig {
        callbackUrl = callbackUrl == null ? "" : callbackUrl.strip();
        secret = secret == null ? "" : secret;
        if (!callbackUrl.isEmpty() && secret.length() < 16) {
            throw new IllegalArgumentException("websub.secret must be set (16 characters at least) when websub.callbackUrl is");
        }
    }

    public boolean enabled() {
        return !callbackUrl.isEmpty();
    }
}
