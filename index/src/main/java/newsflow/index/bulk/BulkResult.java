package newsflow.index.bulk;

import java.util.ArrayList;
import java.util.List;

/**
 * The end state of a batch: every item is either indexed or rejected (retryable failures were retried until
 * they were one or the other).
 *
 * @param retries how many times (part of) the batch was sent again
 */
public record BulkResult<T>(int indexed, List<Rejection<T>> rejected, int retries) {

    public BulkResult {
        rejected = List.copyOf(rejected);
    }

    static <T> BulkResult<T> merge(BulkResult<T> a, BulkResult<T> b) {
        List<Rejection<T>> all = new ArrayList<>(a.rejected);
        all.addAll(b.rejected);
        return new BulkResult<>(a.indexed + b.indexed, all, a.retries + b.retries);
    }
}
