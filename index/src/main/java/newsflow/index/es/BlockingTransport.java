package newsflow.index.es;

import co.elastic.clients.json.JsonpMapper;
import co.elastic.clients.transport.ElasticsearchTransportBase;
import co.elastic.clients.transport.Transport;
import co.elastic.clients.transport.TransportOptions;
import co.elastic.clients.transport.instrumentation.Instrumentation;
import co.elastic.clients.transport.instrumentation.NoopInstrumentation;

/**
 * The Elasticsearch client's transport over {@link BlockingHttpClient}: the client's own request building, error
 * handling and answer reading, with each request sent on the calling thread.
 */
final class BlockingTransport extends ElasticsearchTransportBase {

    BlockingTransport(BlockingHttpClient http, TransportOptions options, JsonpMapper mapper) {
        super(http, options, mapper, NoopInstrumentation.INSTANCE);
    }

    private BlockingTransport(BlockingTransport from, TransportOptions options, JsonpMapper mapper,
                              Instrumentation instrumentation) {
        super(from.httpClient, options, mapper, instrumentation);
    }

    @Override
    public Transport withOptions(TransportOptions options) {
        return new BlockingTransport(this, options, mapper, instrumentation);
    }

    @Override
    protected ElasticsearchTransportBase cloneWith(TransportOptions options, JsonpMapper mapper,
                                                   Instrumentation instrumentation) {
        return new BlockingTransport(this, options == null ? transportOptions : options,
                mapper == null ? this.mapper : mapper, instrumentation == null ? this.instrumentation : instrumentation);
    }
}
