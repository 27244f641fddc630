package newsflow.index.bulk;

import newsflow.common.kafka.Pacing;

import java.time.Duration;

/**
 * Adaptive bulk sizes for the index stage. Elasticsearch's cost per document falls steeply with the documents per
 * bulk request (each request, and each refresh of the segments it made, has a fixed cost), but a document waiting
 * for a fuller bulk is a document not yet searchable. So:
 * <ul>
 *   <li><b>Idle</b>: nothing was held back, so the first records to arrive go at once.</li>
 *   <li><b>Busy</b>: after a bulk that was not full, the next one waits until {@code linger} has passed since the
 *   previous one started (the time the bulk itself took counts), so it carries everything that arrived meanwhile,
 *   up to the size bound. The delay this adds to any document is at most {@code linger}.</li>
 *   <li><b>Full</b>: a bulk that reached the size bound ({@code maxDocs} documents or {@code maxBytes} bytes) means
 *   more is waiting: the next one goes at once.</li>
 * </ul>
 * The size bound itself is enforced by the consumer ({@code max.poll.records}) and by {@link BulkChunks}.
 */
public record BulkPacing(Duration linger, int maxDocs, long maxBytes) implements Pacing {

    public BulkPacing {
        if (linger.isNegative() || maxDocs < 1 || maxBytes < 1) {
            throw new IllegalArgumentException("bulk pacing needs linger >= 0 and positive bounds, got " + linger
                    + ", " + maxDocs + " documents, " + maxBytes + " bytes");
        }
    }

    @Override
    public Duration holdAfter(int records, long bytes, Duration took) {
        if (records >= maxDocs || bytes >= maxBytes) {
            return Duration.ZERO;
        }
        Duration left = linger.minus(took);
        return left.isNegative() ? Duration.ZERO : left;
    }
}
