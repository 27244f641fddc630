package newsflow.common.http;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.DefaultSchemePortResolver;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.CloseableHttpResponse;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.DefaultHttpClientConnectionOperator;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.routing.SystemDefaultRoutePlanner;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.client5.http.ssl.TlsSocketStrategy;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.config.RegistryBuilder;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.pool.PoolConcurrencyPolicy;
import org.apache.hc.core5.pool.PoolReusePolicy;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.brotli.dec.BrotliInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import newsflow.common.config.HttpConfig;
import newsflow.common.metrics.MeterNames;
import newsflow.common.metrics.Metrics;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.ProxySelector;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import java.util.zip.ZipException;

/**
 * The one HTTP fetch layer, for feeds, article pages, robots.txt, WebSub hubs and alert webhooks alike: conditional GET,
 * gzip/deflate/brotli, redirects, a cap on the decompressed body size (so a gzip bomb costs at most the cap), a
 * total deadline per fetch ({@code http.totalTimeout}: past it the request is cancelled and its socket closed,
 * however slowly the server trickles), and the SSRF guard ({@link GuardedConnector}: no connection to a
 * loopback, private, link-local, multicast or unspecified address unless {@code http.allowPrivate} names it).
 * Thread-safe; share one instance per process.
 */
public final class HttpFetcher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(HttpFetcher.class);
    /** The most connections kept or open at once, and to one host: beyond them a fetch waits for a free one. */
    static final int MAX_CONNECTIONS = 256;
    static final int MAX_CONNECTIONS_PER_HOST = 16;

    private final HttpConfig config;
    private final MeterRegistry meters;
    private final GuardedConnector guard;
    private final PoolingHttpClientConnectionManager connections;
    private final CloseableHttpClient client;
    /** Whether any request may go through a proxy, which resolves the target itself. */
    private final boolean proxied;
    /** Cancels fetches at their deadline; one daemon thread that only closes sockets. */
    private final ScheduledThreadPoolExecutor deadlines;
    /** Requests being made now, so {@link #close()} can cancel them. */
    private final Set<HttpUriRequestBase> inFlight = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    public HttpFetcher(HttpConfig config) {
        this(config, Metrics.registry());
    }

    public HttpFetcher(HttpConfig config, MeterRegistry meters) {
        this.config = config;
        this.meters = meters;
        HttpHost proxy = proxy(config.proxy());
        Set<String> proxyHosts = new HashSet<>();
        if (proxy != null) {
            proxyHosts.add(proxy.getHostName().toLowerCase(Locale.ROOT));
        } else {
            for (String property : new String[] {"http.proxyHost", "https.proxyHost", "socksProxyHost"}) {
                String host = System.getProperty(property);
                if (host != null && !host.isBlank()) {
                    proxyHosts.add(host.strip().toLowerCase(Locale.ROOT));
                }
            }
        }
        this.proxied = !proxyHosts.isEmpty();
        this.guard = new GuardedConnector(AddressPolicy.of(config.allowPrivate()), config.connectTimeout(), proxyHosts);
        DefaultHttpClientConnectionOperator operator = new DefaultHttpClientConnectionOperator(guard,
                DefaultSchemePortResolver.INSTANCE, guard,
                RegistryBuilder.<TlsSocketStrategy>create().register("https", DefaultClientTlsStrategy.createDefault()).build());
        this.connections = new PoolingHttpClientConnectionManager(operator, PoolConcurrencyPolicy.STRICT,
                PoolReusePolicy.LIFO, TimeValue.ofMinutes(1), null);
        connections.setMaxTotal(MAX_CONNECTIONS);
        connections.setDefaultMaxPerRoute(MAX_CONNECTIONS_PER_HOST);
        connections.setDefaultConnectionConfig(ConnectionConfig.custom()
                .setConnectTimeout(Timeout.of(config.connectTimeout()))
                .setSocketTimeout(Timeout.of(config.readTimeout()))
                .setValidateAfterInactivity(TimeValue.ofSeconds(2))
                .build());
        var builder = HttpClients.custom()
                .setConnectionManager(connections)
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setResponseTimeout(Timeout.of(config.readTimeout()))
                        .setConnectionRequestTimeout(Timeout.of(config.totalTimeout()))
                        .build())
                // followed here, not by the client: to tell a permanent move from a temporary one, and to keep
                // credentials from following a redirect to another host
                .disableRedirectHandling()
                // decoded here, under the size cap
                .disableContentCompression()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching();
        if (proxy != null) {
            builder.setProxy(proxy);
        } else if (ProxySelector.getDefault() != null) {
            builder.setRoutePlanner(new SystemDefaultRoutePlanner(DefaultSchemePortResolver.INSTANCE, ProxySelector.getDefault()));
        }
        this.client = builder.build();
        this.deadlines = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "http-deadlines");
            t.setDaemon(true);
            return t;
        });
        deadlines.setRemoveOnCancelPolicy(true);
    }

    /** The most redirects one fetch follows. */
    static final int MAX_REDIRECTS = 5;

    private static HttpHost proxy(String hostPort) {
        if (hostPort.isEmpty()) {
            return null;
        }
        int colon = hostPort.lastIndexOf(':');
        if (colon <= 0 || !hostPort.substring(colon + 1).matches("\\d{1,5}")) {
            throw new IllegalArgumentException("http.proxy must be host:port, got '" + hostPort + "'");
        }
        return new HttpHost(hostPort.substring(0, colon), Integer.parseInt(hostPort.substring(colon + 1)));
    }

    /**
     * Makes the request: a GET following redirects, or a POST of a form or JSON (not redirected).
     *
     * @return a 2xx or 304 response
     * @throws FetchException for any other status, timeouts, the total deadline, a refused address, connection
     *                        failures, oversize or undecodable bodies; each counted by reason
     */
    public FetchResponse fetch(FetchRequest request) throws FetchException {
        meters.counter(MeterNames.HTTP_FETCHES).increment();
        try {
            return fetchWithin(request, System.nanoTime() + config.totalTimeout().toNanos());
        } catch (FetchException e) {
            String reason = e.kind().name().toLowerCase(Locale.ROOT);
            meters.counter(MeterNames.HTTP_FETCH_FAILURES, "reason", reason).increment();
            if (e.kind() == FetchException.Kind.REFUSED) {
                log.warn("refused to fetch {}: {}", request.uri(), e.getMessage());
            }
            throw e;
        }
    }

    private FetchResponse fetchWithin(FetchRequest request, long deadlineNanos) throws FetchException {
        URI original = request.uri();
        Credentials credentials = Credentials.of(original);
        URI uri = credentials.stripFrom(original);
        boolean permanent = true;
        for (int hop = 0; ; hop++) {
            // credentials from the URL go only to the host they were given for
            String authorization = credentials.forHost(uri, original);
            Hop answer = fetchOnce(request, uri, authorization, deadlineNanos);
            if (answer.response() != null) {
                return answer.response().withMovedPermanentlyTo(permanent && hop > 0 ? uri : null);
            }
            if (request.isPost()) {
                throw new FetchException(FetchException.Kind.HTTP_STATUS, uri, answer.status(),
                        "HTTP " + answer.status() + " (a POST is not redirected)", null);
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

    /** One request, no redirect followed; cancelled (its socket closed) at the deadline or on {@link #close()}. */
    private Hop fetchOnce(FetchRequest request, URI uri, String authorization, long deadlineNanos) throws FetchException {
        HttpUriRequestBase http = build(request, uri, authorization);
        long left = deadlineNanos - System.nanoTime();
        if (left <= 0) {
            throw deadline(uri);
        }
        Call call = new Call(http);
        inFlight.add(http);
        ScheduledFuture<?> timer;
        try {
            timer = deadlines.schedule(call::expire, left, TimeUnit.NANOSECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            inFlight.remove(http);
            throw new FetchException(FetchException.Kind.INTERRUPTED, uri, 0, "the fetcher is closed", e);
        }
        try {
            if (closed) {
                throw new FetchException(FetchException.Kind.INTERRUPTED, uri, 0, "the fetcher is closed", null);
            }
            return exchange(http, uri);
        } catch (FetchException e) {
            throw call.expired ? deadline(uri) : closed ? closedDuring(uri, e) : e;
        } finally {
            timer.cancel(false);
            inFlight.remove(http);
        }
    }

    /** One request in flight, and whether its deadline cancelled it. */
    private static final class Call {
        private final HttpUriRequestBase request;
        private volatile boolean expired;

        Call(HttpUriRequestBase request) {
            this.request = request;
        }

        void expire() {
            expired = true;
            request.cancel(); // closes the connection: a thread blocked reading it gets an exception at once
        }
    }

    private FetchException deadline(URI uri) {
        return new FetchException(FetchException.Kind.DEADLINE, uri, 0,
                "not complete within http.totalTimeout " + config.totalTimeout().toMillis() + " ms: cancelled", null);
    }

    private static FetchException closedDuring(URI uri, FetchException e) {
        return e.kind() == FetchException.Kind.INTERRUPTED ? e
                : new FetchException(FetchException.Kind.INTERRUPTED, uri, 0, "the fetcher was closed", e);
    }

    private HttpUriRequestBase build(FetchRequest request, URI uri, String authorization) throws FetchException {
        String host = uri.getHost();
        if (host == null) {
            String authority = uri.getRawAuthority() == null ? "" : uri.getRawAuthority().replaceAll("^.*@", "").replaceAll(":\\d*$", "");
            String odd = authority.isEmpty() ? null : AddressPolicy.oddIpv4Spelling(authority);
            throw odd != null ? new FetchException(FetchException.Kind.REFUSED, uri, 0, odd, null)
                    : new FetchException(FetchException.Kind.PROTOCOL, uri, 0, "URL without a host", null);
        }
        if (proxied) {
            // the proxy resolves the target itself: check what it resolves to here, as well as we can
            try {
                guard.checkTarget(host, uri.getPort() >= 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80);
            } catch (UnknownHostException e) {
                if (e.getCause() instanceof AddressRefusedException) {
                    throw new FetchException(FetchException.Kind.REFUSED, uri, 0, e.getMessage(), e);
                }
                // not resolvable here, perhaps only by the proxy: let it try
            }
        }
        HttpUriRequestBase http;
        try {
            if (request.isPost()) {
                HttpPost post = new HttpPost(uri);
                post.setEntity(new ByteArrayEntity(request.body().bytes(), ContentType.parse(request.body().contentType())));
                http = post;
            } else {
                http = new HttpGet(uri);
            }
        } catch (IllegalArgumentException e) {
            throw new FetchException(FetchException.Kind.PROTOCOL, uri, 0, "invalid URL: " + e.getMessage(), e);
        }
        http.setHeader("User-Agent", request.userAgent() != null ? request.userAgent() : config.userAgent());
        http.setHeader("Accept-Encoding", "gzip, deflate, br");
        request.headers().forEach(http::setHeader);
        if (authorization != null) {
            http.setHeader("Authorization", authorization);
        }
        if (request.etag() != null) {
            http.setHeader("If-None-Match", request.etag());
        }
        if (request.lastModified() != null) {
            http.setHeader("If-Modified-Since", request.lastModified());
        }
        return http;
    }

    @SuppressWarnings("deprecation") // execute(request) hands back the open response, which we read under the deadline
    private Hop exchange(HttpUriRequestBase http, URI uri) throws FetchException {
        CloseableHttpResponse response;
        try {
            response = client.execute(http);
        } catch (IOException | RuntimeException e) {
            throw failure(uri, e, "");
        }
        boolean reusable = false;
        try (response) {
            int status = response.getCode();
            String etag = header(response, "ETag");
            String lastModified = header(response, "Last-Modified");
            String contentType = header(response, "Content-Type");
            if (isRedirect(status) || status == 304 || status < 200 || status >= 300) {
                reusable = drainSmall(response.getEntity());
            }
            if (isRedirect(status)) {
                return new Hop(null, status, header(response, "Location"));
            }
            if (status == 304) {
                return new Hop(new FetchResponse(status, uri, contentType, new byte[0], etag, lastModified), status, null);
            }
            if (status < 200 || status >= 300) {
                String value = header(response, "Retry-After");
                Duration retryAfter = value == null ? null : RetryAfter.parse(value, Instant.now()).orElse(null);
                throw new FetchException(FetchException.Kind.HTTP_STATUS, uri, status,
                        "HTTP " + status + (retryAfter != null ? ", retry after " + retryAfter.toSeconds() + " s" : ""), null, retryAfter);
            }
            HttpEntity entity = response.getEntity();
            byte[] body = entity == null ? new byte[0]
                    : readBody(uri, entity.getContent(), header(response, "Content-Encoding"));
            reusable = true;
            return new Hop(new FetchResponse(status, uri, contentType, body, etag, lastModified), status, null);
        } catch (FetchException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw failure(uri, e, "reading body: ");
        } finally {
            if (!reusable) {
                // an unread or failed body must not go back to the pool: close the connection, not drain it
                http.cancel();
            }
        }
    }

    /** Largest body of a redirect or error answer read to keep its connection for the next request. */
    static final long DRAINED_BODY_MAX = 64 * 1024;

    /**
     * Reads an unused body the server declared small, so the connection can serve the next request (the next
     * poll of a 304, the next hop of a redirect); a large or unsized one is not worth it. Whether it was.
     */
    private static boolean drainSmall(HttpEntity entity) throws IOException {
        if (entity == null) {
            return true;
        }
        long length = entity.getContentLength();
        if (length < 0 || length > DRAINED_BODY_MAX) {
            return false;
        }
        try (InputStream in = entity.getContent()) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        return true;
    }

    private static String header(ClassicHttpResponse response, String name) {
        Header header = response.getFirstHeader(name);
        return header == null ? null : header.getValue();
    }

    /** Names a failed exchange by what went wrong. */
    private FetchException failure(URI uri, Exception e, String doing) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof AddressRefusedException) {
                return new FetchException(FetchException.Kind.REFUSED, uri, 0, t.getMessage(), e);
            }
        }
        if (Thread.currentThread().isInterrupted()) {
            // a virtual thread's socket is closed when the thread is interrupted: whatever failed, that is why
            return new FetchException(FetchException.Kind.INTERRUPTED, uri, 0, "interrupted", e);
        }
        if (e instanceof ConnectTimeoutException) {
            return new FetchException(FetchException.Kind.TIMEOUT, uri, 0, "connect timed out", e);
        }
        if (e instanceof SocketTimeoutException) {
            return new FetchException(FetchException.Kind.TIMEOUT, uri, 0,
                    doing + "nothing received for " + config.readTimeout().toMillis() + " ms", e);
        }
        if (e instanceof ConnectException || e instanceof UnknownHostException) {
            return new FetchException(FetchException.Kind.CONNECT, uri, 0, "connection failed: " + e.getMessage(), e);
        }
        if (e instanceof ZipException) {
            return new FetchException(FetchException.Kind.BAD_ENCODING, uri, 0, "corrupt body: " + e.getMessage(), e);
        }
        return new FetchException(doing.isEmpty() ? FetchException.Kind.CONNECT : FetchException.Kind.PROTOCOL, uri, 0,
                doing + e, e);
    }

    private byte[] readBody(URI uri, InputStream raw, String contentEncoding) throws IOException {
        String encoding = contentEncoding == null ? "" : contentEncoding.strip().toLowerCase(Locale.ROOT);
        try (InputStream in = decoder(encoding, raw)) {
            return readCapped(in, config.maxBytes(), uri);
        } catch (ZipException e) {
            throw new FetchException(FetchException.Kind.BAD_ENCODING, uri, 0, "corrupt " + encoding + " body: " + e.getMessage(), e);
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

    /**
     * Cancels every fetch in flight (closing its socket) and releases the connections: returns promptly
     * whatever the servers do. Fetches still running end with {@link FetchException.Kind#INTERRUPTED}.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (HttpUriRequestBase request : inFlight) {
            request.cancel();
        }
        deadlines.shutdownNow();
        client.close(CloseMode.IMMEDIATE);
        connections.close(CloseMode.IMMEDIATE);
        guard.close();
    }
}
