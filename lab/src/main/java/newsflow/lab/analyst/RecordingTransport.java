package newsflow.lab.analyst;

import co.elastic.clients.json.JsonpMapper;
import co.elastic.clients.json.NdJsonpSerializable;
import co.elastic.clients.transport.ElasticsearchTransport;
import co.elastic.clients.transport.Endpoint;
import co.elastic.clients.transport.TransportOptions;
import jakarta.json.stream.JsonGenerator;

import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The search service's own transport with a tap: while {@link #record()} is open, each request the client makes is
 * written down as it is sent, so the benchmark can send Elasticsearch the very same requests directly. Closed, it
 * only delegates (the measured runs go through it closed).
 */
final class RecordingTransport implements ElasticsearchTransport {

    private final ElasticsearchTransport delegate;
    private volatile List<CapturedRequest> sink;

    RecordingTransport(ElasticsearchTransport delegate) {
        this.delegate = delegate;
    }

    /** Starts writing requests down into a fresh list, which {@link #stop()} returns. One recording at a time. */
    synchronized void record() {
        sink = java.util.Collections.synchronizedList(new ArrayList<>());
    }

    synchronized List<CapturedRequest> stop() {
        List<CapturedRequest> captured = sink == null ? List.of() : List.copyOf(sink);
        sink = null;
        return captured;
    }

    @Override
    public <R, S, E> S performRequest(R request, Endpoint<R, S, E> endpoint, TransportOptions options) throws IOException {
        capture(request, endpoint);
        return delegate.performRequest(request, endpoint, options);
    }

    @Override
    public <R, S, E> CompletableFuture<S> performRequestAsync(R request, Endpoint<R, S, E> endpoint, TransportOptions options) {
        capture(request, endpoint);
        return delegate.performRequestAsync(request, endpoint, options);
    }

    private <R> void capture(R request, Endpoint<R, ?, ?> endpoint) {
        List<CapturedRequest> into = sink;
        if (into == null) {
            return;
        }
        Object body = endpoint.body(request);
        boolean ndjson = body instanceof NdJsonpSerializable;
        into.add(new CapturedRequest(endpoint.method(request), endpoint.requestUrl(request),
                endpoint.queryParameters(request), body == null ? null : serialize(body), ndjson));
    }

    /** The body as the transport writes it: one JSON document, or one per line (with a final newline) for NDJSON. */
    private String serialize(Object body) {
        JsonpMapper mapper = delegate.jsonpMapper();
        StringBuilder out = new StringBuilder();
        if (body instanceof NdJsonpSerializable nd) {
            Iterator<?> parts = nd._serializables();
            while (parts.hasNext()) {
                Object part = parts.next();
                if (part instanceof NdJsonpSerializable && part != body) {
                    out.append(serialize(part));
                } else {
                    out.append(one(part, mapper)).append('\n');
                }
            }
            return out.toString();
        }
        return one(body, mapper);
    }

    private static String one(Object value, JsonpMapper mapper) {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = mapper.jsonProvider().createGenerator(w)) {
            mapper.serialize(value, g);
        }
        return w.toString();
    }

    @Override
    public JsonpMapper jsonpMapper() {
        return delegate.jsonpMapper();
    }

    @Override
    public TransportOptions options() {
        return delegate.options();
    }

    @Override
    public void close() throws IOException {
        delegate.close();
    }
}
