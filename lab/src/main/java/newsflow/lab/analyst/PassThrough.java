package newsflow.lab.analyst;

import co.elastic.clients.transport.ElasticsearchTransportBase;
import co.elastic.clients.transport.http.TransportHttpClient;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import newsflow.common.server.HttpReplies;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The floor under our API's overhead: an endpoint on the same server that relays a call's captured Elasticsearch
 * requests through the HTTP layer of the same Elasticsearch client our search code uses and answers the node's last
 * answer as it came, with no query parsing, request building, answer reading or JSON writing. Ours minus this is what
 * our code costs a call; this minus direct is what the second HTTP hop and the client cost.
 */
final class PassThrough implements HttpHandler {

    static final String PATH = "/pass-through/";

    private final ElasticsearchTransportBase transport;
    private final Map<String, List<CapturedRequest>> calls = new ConcurrentHashMap<>();

    PassThrough(ElasticsearchTransportBase transport) {
        this.transport = transport;
    }

    /** The path that relays {@code requests}, for a kind of request and one of its variants. */
    String add(AnalystRequest kind, int variant, List<CapturedRequest> requests) {
        String path = PATH + kind.label() + "/" + variant;
        calls.put(path, List.copyOf(requests));
        return path;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        List<CapturedRequest> requests = calls.get(exchange.getRequestURI().getPath());
        if (requests == null) {
            HttpReplies.error(exchange, 404, "no captured call at " + exchange.getRequestURI().getPath());
            return;
        }
        HttpReplies.send(exchange, 200, HttpReplies.JSON, relay(requests));
    }

    /** Sends the requests in order through the client's HTTP layer; the node's last answer, as it came. */
    byte[] relay(List<CapturedRequest> requests) throws IOException {
        byte[] last = new byte[0];
        for (CapturedRequest r : requests) {
            Iterable<ByteBuffer> body = r.body() == null ? null
                    : List.of(ByteBuffer.wrap(r.body().getBytes(StandardCharsets.UTF_8)));
            Map<String, String> headers = r.body() == null ? Map.of()
                    : Map.of("Content-Type", r.ndjson() ? "application/x-ndjson" : "application/json");
            TransportHttpClient.Request request = new TransportHttpClient.Request(r.method(), r.path(), r.params(),
                    headers, body);
            try (TransportHttpClient.Response response = transport.httpClient().performRequest("pass-through", null,
                    request, transport.options())) {
                if (response.statusCode() >= 300) {
                    throw new IOException(r.method() + " " + r.path() + " answered " + response.statusCode());
                }
                ByteBuffer answer = response.body() == null ? ByteBuffer.allocate(0) : response.body().asByteBuffer();
                last = new byte[answer.remaining()];
                answer.get(last);
            }
        }
        return last;
    }
}
