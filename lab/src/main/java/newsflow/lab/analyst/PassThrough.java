package newsflow.lab.analyst;

import co.elastic.clients.transport.rest5_client.low_level.Request;
import co.elastic.clients.transport.rest5_client.low_level.Response;
import co.elastic.clients.transport.rest5_client.low_level.Rest5Client;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import newsflow.common.server.HttpReplies;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The floor under our API's overhead: an endpoint on the same server that relays a call's captured Elasticsearch
 * requests through the same low-level client our search code uses and answers the node's last answer as it came,
 * with no query parsing, request building, answer reading or JSON writing. Ours minus this is what our code costs a
 * call; this minus direct is what the second HTTP hop and the client cost.
 */
final class PassThrough implements HttpHandler {

    static final String PATH = "/pass-through/";

    private final Rest5Client client;
    private final Map<String, List<CapturedRequest>> calls = new ConcurrentHashMap<>();

    PassThrough(Rest5Client client) {
        this.client = client;
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

    /** Sends the requests in order through the client; the node's last answer, as it came. */
    byte[] relay(List<CapturedRequest> requests) throws IOException {
        byte[] last = new byte[0];
        for (CapturedRequest r : requests) {
            Request request = new Request(r.method(), r.path());
            request.addParameters(r.params());
            if (r.body() != null) {
                request.setEntity(new StringEntity(r.body(),
                        r.ndjson() ? ContentType.create("application/x-ndjson") : ContentType.APPLICATION_JSON));
            }
            Response response = client.performRequest(request);
            last = EntityUtils.toByteArray(response.getEntity());
        }
        return last;
    }
}
