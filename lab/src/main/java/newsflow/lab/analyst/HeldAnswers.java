package newsflow.lab.analyst;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import newsflow.common.server.HttpReplies;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The floor under any API in front of the node: an endpoint of the same server that answers a call with the node's
 * answer to it, held in memory, without asking the node. Its latency is one loopback HTTP round trip through our
 * server carrying that many bytes, which is what an extra hop costs before anything is relayed. Pass-through minus
 * this, minus direct, is then what relaying through the Elasticsearch client adds.
 */
final class HeldAnswers implements HttpHandler {

    static final String PATH = "/held/";

    private final Map<String, byte[]> answers = new ConcurrentHashMap<>();

    /** The path that answers {@code answer}, for a kind of request and one of its variants. */
    String add(AnalystRequest kind, int variant, byte[] answer) {
        String path = PATH + kind.label() + "/" + variant;
        answers.put(path, answer.clone());
        return path;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        byte[] answer = answers.get(exchange.getRequestURI().getPath());
        if (answer == null) {
            HttpReplies.error(exchange, 404, "no held answer at " + exchange.getRequestURI().getPath());
            return;
        }
        HttpReplies.send(exchange, 200, HttpReplies.JSON, answer);
    }
}
