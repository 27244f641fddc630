package newsflow.index.es;

import co.elastic.clients.transport.TransportOptions;
import co.elastic.clients.transport.http.TransportHttpClient;
import co.elastic.clients.util.BinaryData;
import co.elastic.clients.util.ByteArrayBinaryData;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.HttpHostConnectException;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.NoHttpResponseException;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.support.ClassicRequestBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPOutputStream;

/**
 * Sends the Elasticsearch client's requests with Apache HttpClient's classic, blocking API: the calling thread
 * writes the request and reads the answer itself.
 *
 * <p>Why not the client's own asynchronous transport: every request there goes through the client's I/O thread, which
 * is woken to send it, and the caller is woken again when the answer is read. Measured with {@code bench-analyst}
 * relaying the same requests both ways, those hand-offs and the buffering around them cost 0.2–0.9 ms and about a
 * third of the relay's CPU a request (docs/measurements.md). Asynchronous calls ({@link #performRequestAsync}) run
 * the same blocking call on a platform thread of their own, so they never wait for a busy virtual-thread carrier.
 *
 * <p>Several nodes are taken in turn; a node that cannot be connected to (or closed a kept-alive connection without
 * answering) is skipped for the next one, every node at most once per request. An answer is read whole, up to a
 * bound.
 */
final class BlockingHttpClient implements TransportHttpClient {

    /** The largest answer read: the same bound the client's asynchronous transport puts on a buffered answer. */
    static final int MAX_ANSWER_BYTES = 100 << 20;
    /** A pooled connection idle for longer is checked before it is reused (a node may have closed it). */
    private static final TimeValue VALIDATE_AFTER_IDLE = TimeValue.ofSeconds(2);
    private static final int MAX_CONNECTIONS_PER_NODE = 32;

    private final List<Node> nodes;
    private final int maxAnswerBytes;
    private final CloseableHttpClient http;
    private final boolean compression;
    private final AtomicInteger next = new AtomicInteger();
    private final ExecutorService asyncThreads = Executors.newCachedThreadPool(
            Thread.ofPlatform().daemon().name("elasticsearch-request-", 0).factory());

    /**
     * @param responseTimeout how long to wait for the next bytes of an answer before giving up (which closes the
     *                        connection, so the node cancels the request)
     * @param compression     gzip request bodies and ask for gzipped answers
     * @param maxAnswerBytes  a longer answer fails with an {@link IOException} ({@link #MAX_ANSWER_BYTES} in service)
     */
    BlockingHttpClient(List<URI> nodes, Header[] defaultHeaders, Timeout connectTimeout, Timeout responseTimeout,
                       boolean compression, int maxAnswerBytes) {
        this.nodes = nodes.stream().map(Node::new).toList();
        this.maxAnswerBytes = maxAnswerBytes;
        this.compression = compression;
        HttpClientBuilder builder = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setMaxConnPerRoute(MAX_CONNECTIONS_PER_NODE)
                        .setMaxConnTotal(MAX_CONNECTIONS_PER_NODE * Math.max(1, nodes.size()))
                        .setTlsSocketStrategy(DefaultClientTlsStrategy.createSystemDefault())
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(connectTimeout)
                                .setSocketTimeout(responseTimeout)
                                .setValidateAfterInactivity(VALIDATE_AFTER_IDLE)
                                .build())
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setConnectionRequestTimeout(connectTimeout)
                        .setResponseTimeout(responseTimeout)
                        .setRedirectsEnabled(false)
                        .build())
                .setDefaultHeaders(List.of(defaultHeaders))
                // the node is asked again on another node below, never behind the caller's back (a bulk is not idempotent)
                .disableAutomaticRetries()
                .disableCookieManagement();
        if (!compression) {
            // no Accept-Encoding: the node answers plain JSON, which is cheaper than gzip on loopback
            builder.disableContentCompression();
        }
        this.http = builder.build();
    }

    @Override
    public Response performRequest(String endpointId, Node node, Request request, TransportOptions options)
            throws IOException {
        byte[] body = body(request);
        IOException failure = null;
        for (Node target : node != null ? List.of(node) : inTurn()) {
            try {
                return send(target, request, body, options);
            } catch (HttpHostConnectException | ConnectTimeoutException | UnknownHostException
                     | NoHttpResponseException e) {
                // not connected, or a kept-alive connection the node had closed: nothing reached it, ask the next
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        throw failure;
    }

    /** Every node once, starting one further than the last request started. */
    private List<Node> inTurn() {
        int first = Math.floorMod(next.getAndIncrement(), nodes.size());
        List<Node> order = new ArrayList<>(nodes.subList(first, nodes.size()));
        order.addAll(nodes.subList(0, first));
        return order;
    }

    @Override
    public CompletableFuture<Response> performRequestAsync(String endpointId, Node node, Request request,
                                                           TransportOptions options) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return performRequest(endpointId, node, request, options);
            } catch (IOException e) {
                throw new CompletionException(e);
            }
        }, asyncThreads);
    }

    private Response send(Node node, Request request, byte[] body, TransportOptions options) throws IOException {
        ClassicRequestBuilder builder = ClassicRequestBuilder.create(request.method()).setUri(uri(node, request, options));
        request.headers().forEach(builder::addHeader);
        if (options != null) {
            options.headers().forEach(h -> builder.addHeader(h.getKey(), h.getValue()));
        }
        if (body != null) {
            String type = request.headers().getOrDefault("Content-Type", ContentType.APPLICATION_JSON.toString());
            builder.setEntity(new ByteArrayEntity(body, ContentType.parse(type), compression ? "gzip" : null));
        }
        return http.execute(builder.build(), answer -> read(node, answer, maxAnswerBytes));
    }

    /** The request's body in one array (gzipped when compression is on); null when it has none. */
    private byte[] body(Request request) throws IOException {
        if (request.body() == null) {
            return null;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (var sink = compression ? new GZIPOutputStream(out) : out) {
            for (ByteBuffer part : request.body()) {
                ByteBuffer b = part.duplicate();
                byte[] chunk = new byte[b.remaining()];
                b.get(chunk);
                sink.write(chunk);
            }
        }
        return out.toByteArray();
    }

    private static URI uri(Node node, Request request, TransportOptions options) {
        Map<String, String> params = new LinkedHashMap<>(request.queryParams());
        if (options != null) {
            params.putAll(options.queryParameters());
        }
        String base = node.uri().toString();
        int end = base.length();
        while (end > 0 && base.charAt(end - 1) == '/') {
            end--;
        }
        // no regular expression here: compiling one for every request showed in the search API's profile
        StringBuilder uri = new StringBuilder(base.length() + 64).append(base, 0, end).append(request.path());
        char separator = '?';
        for (Map.Entry<String, String> p : params.entrySet()) {
            uri.append(separator).append(encode(p.getKey()));
            if (p.getValue() != null) {
                uri.append('=').append(encode(p.getValue()));
            }
            separator = '&';
        }
        return URI.create(uri.toString());
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** The whole answer, read while the connection is leased (it goes back to the pool after). */
    private static Response read(Node node, ClassicHttpResponse answer, int maxBytes) throws IOException {
        HttpEntity entity = answer.getEntity();
        byte[] bytes = null;
        String contentType = null;
        if (entity != null) {
            contentType = entity.getContentType();
            try (InputStream in = entity.getContent()) {
                bytes = readBounded(in, maxBytes);
            }
        }
        return new Answer(node, answer.getCode(), answer.getHeaders(), bytes, contentType);
    }

    private static byte[] readBounded(InputStream in, int maxBytes) throws IOException {
        byte[] bytes = in.readNBytes(maxBytes);
        if (bytes.length == maxBytes && in.read() != -1) {
            throw new IOException("Elasticsearch answered more than " + maxBytes + " bytes");
        }
        return bytes;
    }

    @Override
    public void close() throws IOException {
        asyncThreads.shutdownNow();
        http.close();
    }

    /** An answer read whole. */
    private record Answer(Node node, int statusCode, Header[] allHeaders, byte[] bytes, String contentType)
            implements Response {

        @Override
        public String header(String name) {
            for (Header h : allHeaders) {
                if (h.getName().equalsIgnoreCase(name)) {
                    return h.getValue();
                }
            }
            return null;
        }

        @Override
        public List<String> headers(String name) {
            List<String> values = new ArrayList<>();
            for (Header h : allHeaders) {
                if (h.getName().equalsIgnoreCase(name)) {
                    values.add(h.getValue());
                }
            }
            return values;
        }

        @Override
        public BinaryData body() {
            return bytes == null ? null
                    : new ByteArrayBinaryData(bytes, contentType == null ? ContentType.APPLICATION_JSON.toString() : contentType);
        }

        @Override
        public Object originalResponse() {
            return this;
        }

        @Override
        public void close() {
        }
    }
}
