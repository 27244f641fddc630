package newsflow.lab.analyst;

import co.elastic.clients.transport.TransportOptions;
import co.elastic.clients.transport.http.TransportHttpClient;
import co.elastic.clients.util.BinaryData;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A node that answers from memory: the requests of one call of our API are answered, in the order they come, with
 * the real node's answers to the requests the same call made when it was captured, without asking the node. By
 * order, not by content: requests with the time in them (attention's range ends now) differ from call to call.
 * One call at a time, as the benchmark makes them. Behind our API it gives our code's own time per call with no
 * node work in it. Until the first {@link #answerNextCall}, requests go to the real node, so that our code's caches
 * fill as on the API that is measured against the node (top words asks for its stop words' forms once).
 */
final class HeldNode implements TransportHttpClient {

    private final TransportHttpClient node;
    private volatile List<byte[]> answers;
    private final AtomicInteger next = new AtomicInteger();

    /** @param node the real node's HTTP client, for the calls before the first {@link #answerNextCall} */
    HeldNode(TransportHttpClient node) {
        this.node = node;
    }

    /** The answers, in order, to the requests of the next call; built once before the rounds, not changed after. */
    void answerNextCall(List<byte[]> inOrder) {
        answers = inOrder;
        next.set(0);
    }

    @Override
    public Response performRequest(String endpointId, Node node, Request request, TransportOptions options)
            throws IOException {
        List<byte[]> call = answers;
        if (call == null) {
            return this.node.performRequest(endpointId, node, request, options);
        }
        int i = next.getAndIncrement();
        if (i >= call.size()) {
            throw new IOException("request " + (i + 1) + " of the call (" + request.method() + " " + request.path()
                    + ") has no held answer: the captured call made " + call.size());
        }
        return new Held(call.get(i));
    }

    @Override
    public CompletableFuture<Response> performRequestAsync(String endpointId, Node node, Request request,
                                                           TransportOptions options) {
        try {
            return CompletableFuture.completedFuture(performRequest(endpointId, node, request, options));
        } catch (IOException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public void close() {
        // the real node's client belongs to the caller
    }

    /** An answer as the node sent it: JSON, from Elasticsearch (the client checks that header). */
    private record Held(byte[] answer) implements Response {
        @Override
        public Node node() {
            return null;
        }

        @Override
        public int statusCode() {
            return 200;
        }

        @Override
        public String header(String name) {
            return switch (name.toLowerCase(java.util.Locale.ROOT)) {
                case "content-type" -> "application/json";
                case "x-elastic-product" -> "Elasticsearch";
                default -> null;
            };
        }

        @Override
        public List<String> headers(String name) {
            String value = header(name);
            return value == null ? List.of() : List.of(value);
        }

        @Override
        public BinaryData body() {
            return BinaryData.of(answer, "application/json");
        }

        @Override
        public Object originalResponse() {
            return null;
        }

        @Override
        public void close() {
        }
    }
}
