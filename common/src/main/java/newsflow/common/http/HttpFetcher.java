package newsflow.common.http;

import org.brotli.dec.BrotliInputStream;

import newsflow.common.config.HttpConfig;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import java.util.zip.ZipException;

/**
 * The one HTTP fetch layer, for feeds and article pages alike: conditional GET, gzip/deflate, redirects,
 * connect and whole-response timeouts, and a cap on the decompressed body size (so a gzip bomb costs at most
 * the cap). Thread-safe; share one instance per process.
 */
public final class HttpFetcher implements AutoCloseable {

    private final HttpConfig config;
    private final HttpClient client;

    public HttpFetcher(HttpConfig config) {
        this.config = config;
        HttpClient.Builder builder = HttpClient.newBuilder()
                .connectTimeout(config.connectTimeout())
                // followed here, not by the client: to tell a permanent move from a temporary one, and to keep
                // credentials from following a redirect to another host
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1);
        proxy(config.proxy()).ifPresent(builder::proxy);
        this.client = builder.build();
    }

    /** The most redirects one fetch follows. */
    static final int MAX_REDIRECTS = 5;

    private static Optional<ProxySelector> proxy(String hostPort) {
        if (hostPort.isEmpty()) {
            return Optional.of(ProxySelector.getDefault()).filter(p -> p != null);
        }
        int colon = hostPort.lastIndexOf(':');
        if (colon <= 0 || !hostPort.substring(colon + 1).matches("\\d{1,5}")) {
            throw new IllegalArgumentException("http.proxy must be host:port, got '" + hostPort + "'");
        }
        return Optional.of(ProxySelector.of(InetSocketAddress.createUnresolved(hostPort.substring(0, colon),
                Integer.parseInt(hostPort.substring(colon + 1)))));
    }

    /**
     * GETs the resource.
     *
     * @return a 2xx or 304 response
     * @throws FetchException for any other status, timeouts, connection failures, oversize or undecodable bodies
     */
    public FetchResponse fetch(FetchRequest request) throws FetchException {
        URI original = request.uri();
        Credentials credentials = Credentials.of(original);
        URI uri = credentials.stripFrom(original);
        boolean permanent = true;
        for (int hop = 0; ; hop++) {
            // credentials from the URL go only to the host they were given for
            String authorization = credentials.forHost(uri, original);
            Hop answer = fetchOnce(request, uri, authorization);
            if (answer.response() != null) {
                return answer.response().withMovedPermanentlyTo(permanent && hop > 0 ? uri : null);
            }
            if (hop >= MAX_REDIRECTS) {
                throw new FetchException(FetchException.Kind.PROTOCOL, original, answer.status(),
                        "more than " + MAX_REDIRECTS + " redirects", null);
            }
            permanent &= answer.status() == 301 || answer.status() == 308;
            uri = redirectTarget(original, uri, answer);
        }
    }

    /** One request's answer: the final response, or a redirect to follow. */
    private record Hop(FetchResponse response, int status, String location) {
    }

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    private static URI redirectTarget(URI original, URI from, Hop redirect) throws FetchException {
        String location = redirect.location();
        if (location == null || location.isBlank()) {
            throw new FetchException(FetchException.Kind.PROTOCOL, original, redirect.status(),
                    "redirect " + redirect.status() + " without a Location", null);
        }
        try {
            URI target = from.resolve(location.strip().replace(" ", "%20"));
            String scheme = target.getScheme() == null ? "" : target.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                throw new FetchException(FetchException.Kind.PROTOCOL, original, redirect.status(),
                        "redirect to a non-HTTP location " + location, null);
            }
            return target;
        } catch (IllegalArgumentException e) {
            throw new FetchException(FetchException.Kind.PROTOCOL, original, redirect.status(),
                    "redirect to an invalid location " + location, e);
        }
    }

    /** One request, no redirect followed. */
    private Hop fetchOnce(FetchRequest request, URI uri, String authorization) throws FetchException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
                .timeout(config.readTimeout())
                .header("User-Agent", request.userAgent() != null ? request.userAgent() : config.userAgent())
                .header("Accept-Encoding", "gzip, deflate, br");
        request.headers().forEach(builder::header);
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        if (request.etag() != null) {
            builder.header("If-None-Match", request.etag());
        }
        if (request.lastModified() != null) {
            builder.header("If-Modified-Since", request.lastModified());
        }
        HttpResponse<InputStream> response;
        try {
            response = client.send(builder.GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpConnectTimeoutException e) {
            throw new FetchException(FetchException.Kind.TIMEOUT, uri, 0, "connect timed out", e);
        } catch (HttpTimeoutException e) {
            throw new FetchException(FetchException.Kind.TIMEOUT, uri, 0, "no response within " + config.readTimeout(), e);
        } catch (ConnectException e) {
            throw new FetchException(FetchException.Kind.CONNECT, uri, 0, "connection failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FetchException(FetchException.Kind.INTERRUPTED, uri, 0, "interrupted", e);
        } catch (IOException | IllegalArgumentException e) {
            throw new FetchException(FetchException.Kind.CONNECT, uri, 0, String.valueOf(e.getMessage()), e);
        }

        int status = response.statusCode();
        HttpHeaders headers = response.headers();
        String etag = headers.firstValue("ETag").orElse(null);
        String lastModified = headers.firstValue("Last-Modified").orElse(null);
        String contentType = headers.firstValue("Content-Type").orElse(null);
        if (isRedirect(status)) {
            closeQuietly(response.body());
            return new Hop(null, status, headers.firstValue("Location").orElse(null));
        }
        if (status == 304) {
            closeQuietly(response.body());
            return new Hop(new FetchResponse(status, response.uri(), contentType, new byte[0], etag, lastModified), status, null);
        }
        if (status < 200 || status >= 300) {
            closeQuietly(response.body());
            Duration retryAfter = headers.firstValue("Retry-After").flatMap(v -> RetryAfter.parse(v, Instant.now())).orElse(null);
            throw new FetchException(FetchException.Kind.HTTP_STATUS, uri, status,
                    "HTTP " + status + (retryAfter != null ? ", retry after " + retryAfter.toSeconds() + " s" : ""), null, retryAfter);
        }
        byte[] body = readBody(uri, response.body(), headers.firstValue("Content-Encoding").orElse(""));
        return new Hop(new FetchResponse(status, response.uri(), contentType, body, etag, lastModified), status, null);
    }

    private byte[] readBody(URI uri, InputStream raw, String contentEncoding) throws FetchException {
        String encoding = contentEncoding.strip().toLowerCase(Locale.ROOT);
        try (InputStream in = decoder(encoding, raw)) {
            return readCapped(in, config.maxBytes(), uri);
        } catch (FetchException e) {
            throw e;
        } catch (ZipException e) {
            throw new FetchException(FetchException.Kind.BAD_ENCODING, uri, 0, "corrupt " + encoding + " body: " + e.getMessage(), e);
        } catch (HttpTimeoutException e) {
            throw new FetchException(FetchException.Kind.TIMEOUT, uri, 0, "body not received within " + config.readTimeout(), e);
        } catch (IOException e) {
            throw new FetchException(FetchException.Kind.PROTOCOL, uri, 0, "reading body: " + e.getMessage(), e);
        }
    }

    private static InputStream decoder(String encoding, InputStream raw) throws IOException {
        return switch (encoding) {
            case "", "identity" -> raw;
            case "gzip", "x-gzip" -> new GZIPInputStream(raw);
            case "br" -> new BrotliInputStream(raw);
            // "deflate" is zlib-wrapped per the RFC, but some servers send raw deflate: sniff the zlib header.
            case "deflate" -> {
                InputStream buffered = raw.markSupported() ? raw : new java.io.BufferedInputStream(raw);
                buffered.mark(2);
                int b0 = buffered.read();
                int b1 = buffered.read();
                buffered.reset();
                boolean zlib = b0 >= 0 && b1 >= 0 && (b0 & 0x0F) == 8 && ((b0 << 8) | b1) % 31 == 0;
                yield new InflaterInputStream(buffered, new Inflater(!zlib));
            }
            default -> throw new ZipException("unsupported Content-Encoding '" + encoding + "'");
        };
    }

    /** Reads at most {@code max} bytes; more is an error rather than a silently truncated document. */
    static byte[] readCapped(InputStream in, long max, URI uri) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
        byte[] buffer = new byte[8192];
        long total = 0;
        int n;
        while ((n = in.read(buffer)) != -1) {
            total += n;
            if (total > max) {
                throw new FetchException(FetchException.Kind.TOO_LARGE, uri, 0, "body exceeds " + max + " bytes", null);
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // the connection is being discarded anyway
        }
    }

    @Override
    public void close() {
        client.close();
    }
}
