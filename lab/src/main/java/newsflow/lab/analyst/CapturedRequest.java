package newsflow.lab.analyst;

import java.util.Map;

/**
 * One request our search code sent to Elasticsearch, exactly as the client put it on the wire: method, path,
 * query parameters and body (JSON, or NDJSON for the multi-request endpoints; null when there is none).
 */
record CapturedRequest(String method, String path, Map<String, String> params, String body, boolean ndjson) {

    CapturedRequest {
        params = Map.copyOf(params);
    }
}
