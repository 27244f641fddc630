package newsflow.index.bulk;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * Cuts a batch into bulk requests of at most {@code maxDocs} documents and about {@code maxBytes} bytes: a request
 * is closed before the document that would take it past the byte bound, so only a document larger than the bound
 * by itself makes a request bigger than it (alone). Bounding bytes as well as documents keeps a batch of long pages
 * from becoming one request the node refuses (413) or spends seconds on.
 */
public final class BulkChunks {

    private BulkChunks() {
    }

    public static <T> List<List<IndexItem<T>>> split(List<IndexItem<T>> items, int maxDocs, long maxBytes,
                                                     ToLongFunction<IndexItem<T>> bytes) {
        if (maxDocs < 1 || maxBytes < 1) {
            throw new IllegalArgumentException("bulk bounds must be positive, got " + maxDocs + " documents, "
                    + maxBytes + " bytes");
        }
        List<List<IndexItem<T>>> chunks = new ArrayList<>();
        List<IndexItem<T>> current = new ArrayList<>();
        long size = 0;
        for (IndexItem<T> item : items) {
            long b = Math.max(0, bytes.applyAsLong(item));
            if (!current.isEmpty() && (current.size() >= maxDocs || size + b > maxBytes)) {
                chunks.add(current);
                current = new ArrayList<>();
                size = 0;
            }
            current.add(item);
            size += b;
        }
        if (!current.isEmpty()) {
            chunks.add(current);
        }
        return chunks;
    }
}
