package newsflow.common.server;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import newsflow.common.config.ServerConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What every endpoint of newsflow's HTTP servers checks before its own work, in one place: the Host header
 * (when bound to loopback, against DNS rebinding), the API key ({@code server.apiKeys}), the method (GET/HEAD
 * where nothing is written, 405 otherwise), for writes with a body a JSON Content-Type and a size bound, security
 * headers, and a JSON 500 when the handler fails. Wrap each handler with {@link #read}, {@link #write},
 * {@link #readWrite}, for a feed that feed readers fetch {@link #feed}, or, for a page's static files and the API's
 * description only, {@link #page}.
 */
public final class HttpGuard {

    private static final Logger log = LoggerFactory.getLogger(HttpGuard.class);

    /** No inline script or style, nothing from elsewhere, never framed. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "connect-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";
    static final Set<String> READ_METHODS = Set.of("GET", "HEAD");
    /** Methods whose request carries a body. */
    static final Set<String> BODY_METHODS = Set.of("POST", "PUT", "PATCH");
    /** The realm of the Basic challenge on {@link #feed} endpoints: a feed reader shows it when it asks for the key. */
    static final String FEED_REALM = "newsflow feeds";
    /** No body limit: endpoints that take no body, or read it themselves. */
    private static final long ANY_SIZE = -1;

    private final boolean loopback;
    private final Set<String> allowedHosts;
    private final List<byte[]> keyDigests;

    HttpGuard(boolean loopback, int port, List<String> apiKeys) {
        this.loopback = loopback;
        this.allowedHosts = loopback ? loopbackHosts(port) : Set.of();
        this.keyDigests = apiKeys.stream().map(HttpGuard::sha256).toList();
    }

    /** @param port the port the server actually listens on (known once bound, also with port 0) */
    public static HttpGuard of(ServerConfig config, int port) {
        return new HttpGuard(isLoopback(config.host()), port, config.apiKeys());
    }

    /** An endpoint that only reads: GET and HEAD. */
    public HttpHandler read(HttpHandler handler) {
        return exchange -> guard(exchange, Key.HEADER, false, READ_METHODS, ANY_SIZE, handler);
    }

    /**
     * A feed (Atom) that feed readers fetch: checked like {@link #read}, except that the API key is also taken as the
     * password of HTTP Basic authentication (any user name). Most feed readers cannot send a header of their own
     * but all can send a user name and password, which they ask for when the answer is 401 with a Basic challenge:
     * so a 401 here challenges with {@code Basic realm="newsflow feeds"} as well as {@code Bearer}. Only feeds take
     * Basic: elsewhere a browser would remember the key and send it along on its own.
     */
    public HttpHandler feed(HttpHandler handler) {
        return exchange -> guard(exchange, Key.HEADER_OR_BASIC, false, READ_METHODS, ANY_SIZE, handler);
    }

    /**
     * A page and its static files (HTML, script, style), and the API's description (OpenAPI), which the page links
     * to: GET and HEAD, checked like {@link #read} except that no API key is asked for. A browser cannot send a
     * header when it opens a page or loads its script, so with {@code server.apiKeys} set a keyed page could never
     * be opened; these files carry no data (every piece of data the page shows comes from an endpoint that needs the
     * key, which the page sends), and the description says only what the API's documentation says. Never for an
     * endpoint that answers data.
     */
    public HttpHandler page(HttpHandler handler) {
        return exchange -> guard(exchange, Key.NOT_ASKED, false, READ_METHODS, ANY_SIZE, handler);
    }

    /** An endpoint that changes something: the API key is required unless the server is bound to loopback. */
    public HttpHandler write(Set<String> methods, HttpHandler handler) {
        return exchange -> guard(exchange, Key.HEADER, true, Set.copyOf(methods), ANY_SIZE, handler);
    }

    /**
     * An endpoint that reads with GET/HEAD and changes something with {@code writeMethods}. A write needs the API
     * key as with {@link #write}; one that carries a body (POST, PUT, PATCH) must declare
     * {@code Content-Type: application/json} (415 otherwise: an HTML form on another site can only send form and
     * text types, so a page elsewhere cannot make a visitor's browser write here) and may not declare more than
     * {@code maxBodyBytes} (413). The handler reads the body with {@link JsonBodies#readObject}, which holds the same
     * bound for a body of undeclared length.
     */
    public HttpHandler readWrite(Set<String> writeMethods, long maxBodyBytes, HttpHandler handler) {
        Set<String> methods = new java.util.HashSet<>(READ_METHODS);
        methods.addAll(writeMethods);
        Set<String> all = Set.copyOf(methods);
        return exchange -> guard(exchange, Key.HEADER, !READ_METHODS.contains(exchange.getRequestMethod()), all,
                maxBodyBytes, handler);
    }

    /** Whether {@code server.apiKeys}, when set, applies to an endpoint, and where the key may come from. */
    private enum Key {
        /** A page's static files and the API's description: no key asked for. */
        NOT_ASKED,
        /** {@code X-Api-Key} or {@code Authorization: Bearer}. */
        HEADER,
        /** Those, or the password of HTTP Basic authentication (feeds). */
        HEADER_OR_BASIC
    }

    private void guard(HttpExchange exchange, Key key, boolean writes, Set<String> methods, long maxBody,
                       HttpHandler handler) throws IOException {
        boolean basic = key == Key.HEADER_OR_BASIC;
        try (exchange) {
            var headers = exchange.getResponseHeaders();
            headers.set("X-Content-Type-Options", "nosniff");
            headers.set("Referrer-Policy", "no-referrer");
            headers.set("X-Frame-Options", "DENY");
            headers.set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
            String host = exchange.getRequestHeaders().getFirst("Host");
            if (loopback && (host == null || !allowedHosts.contains(host.toLowerCase(Locale.ROOT)))) {
                // a page on another site reaching us through a rebound DNS name: it must not read anything
                HttpReplies.error(exchange, 421, "Host '" + host + "' is not this server (bound to loopback: use localhost, 127.0.0.1 or [::1])");
                return;
            }
            boolean keyNeeded = (key != Key.NOT_ASKED && !keyDigests.isEmpty()) || (writes && !loopback);
            if (keyNeeded && !hasValidKey(exchange, basic)) {
                if (keyDigests.isEmpty()) {
                    HttpReplies.error(exchange, 403, "writing is refused off loopback unless server.apiKeys is set");
                } else if (basic) {
                    headers.add("WWW-Authenticate", "Basic realm=\"" + FEED_REALM + "\", charset=\"UTF-8\"");
                    headers.add("WWW-Authenticate", "Bearer");
                    HttpReplies.error(exchange, 401, "an API key is required: as the password of HTTP Basic authentication "
                            + "(any user name), Authorization: Bearer <key> or X-Api-Key");
                } else {
                    headers.set("WWW-Authenticate", "Bearer");
                    HttpReplies.error(exchange, 401, "an API key is required: Authorization: Bearer <key> or X-Api-Key");
                }
                return;
            }
            if (!methods.contains(exchange.getRequestMethod())) {
                String allow = String.join(", ", methods.stream().sorted().toList());
                headers.set("Allow", allow);
                HttpReplies.error(exchange, 405, "method " + exchange.getRequestMethod() + " not allowed, use " + allow);
                return;
            }
            if (maxBody != ANY_SIZE && BODY_METHODS.contains(exchange.getRequestMethod()) && !acceptableBody(exchange, maxBody)) {
                return;
            }
            try {
                handler.handle(exchange);
            } catch (RuntimeException e) {
                log.error("{} {} failed", exchange.getRequestMethod(), exchange.getRequestURI(), e);
                if (exchange.getResponseCode() == -1) {
                    HttpReplies.error(exchange, 500, "internal error: " + e.getClass().getSimpleName());
                }
            }
        }
    }

    /** Answers 415 or 413 and returns false when a write's body is not declared JSON or declared too large. */
    private static boolean acceptableBody(HttpExchange exchange, long maxBody) throws IOException {
        String type = exchange.getRequestHeaders().getFirst("Content-Type");
        String mediaType = type == null ? "" : type.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (!mediaType.equals("application/json")) {
            HttpReplies.error(exchange, 415, "Content-Type must be application/json, got "
                    + (type == null ? "none" : "'" + type + "'"));
            return false;
        }
        String length = exchange.getRequestHeaders().getFirst("Content-Length");
        if (length != null) {
            long declared;
            try {
                declared = Long.parseLong(length.strip());
            } catch (NumberFormatException e) {
                HttpReplies.error(exchange, 400, "Content-Length '" + length + "' is not a number");
                return false;
            }
            if (declared > maxBody) {
                HttpReplies.error(exchange, 413, "request body of " + declared + " bytes is larger than the " + maxBody
                        + " bytes allowed");
                return false;
            }
        }
        return true;
    }

    private boolean hasValidKey(HttpExchange exchange, boolean basic) {
        String key = exchange.getRequestHeaders().getFirst("X-Api-Key");
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        if (key == null && auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
            key = auth.substring(7).strip();
        } else if (key == null && basic && auth != null && auth.regionMatches(true, 0, "Basic ", 0, 6)) {
            key = basicPassword(auth.substring(6).strip());
        }
        if (key == null || key.isEmpty()) {
            return false;
        }
        // Digests have one length whatever the key, and every configured key is compared: the time says nothing.
        byte[] digest = sha256(key);
        boolean match = false;
        for (byte[] known : keyDigests) {
            match |= MessageDigest.isEqual(known, digest);
        }
        return match;
    }

    /**
     * The password of Basic credentials ({@code base64(user ":" password)}, UTF-8); null when they are not such.
     * The user name is not looked at: the key alone is the credential.
     */
    static String basicPassword(String credentials) {
        byte[] decoded;
        try {
            decoded = java.util.Base64.getDecoder().decode(credentials);
        } catch (IllegalArgumentException e) {
            return null;
        }
        String pair = new String(decoded, StandardCharsets.UTF_8);
        int colon = pair.indexOf(':');
        return colon < 0 ? null : pair.substring(colon + 1);
    }

    static Set<String> loopbackHosts(int port) {
        String p = ":" + port;
        return port == 80
                ? Set.of("localhost" + p, "127.0.0.1" + p, "[::1]" + p, "localhost", "127.0.0.1", "[::1]")
                : Set.of("localhost" + p, "127.0.0.1" + p, "[::1]" + p);
    }

    static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false; // the server could not bind to it either; treat it as public, the stricter choice
        }
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
