package newsflow.index.bulk;

/** What happened to one document of a bulk request, and so what to do with it. */
enum ItemOutcome {
    /** Stored. */
    INDEXED,
    /** Elasticsearch could not take it right now (overload, unavailable shard): send it again later. */
    RETRY,
    /** Elasticsearch refused this document (mapping error, bad value): sending it again cannot help. */
    REJECT;

    /**
     * Classifies one bulk item by HTTP status and error type.
     *
     * <p>A missing index is retried rather than rejected: it means auto-creation is off or the template is
     * being replaced, which holds for every document alike and is fixed on the cluster, not in the data.
     */
    public static ItemOutcome of(int status, String errorType) {
        if (status >= 200 && status < 300 && errorType == null) {
            return INDEXED;
        }
        if (status == 429 || status == 408 || status >= 500) {
            return RETRY;
        }
        if ("index_not_found_exception".equals(errorType) || "cluster_block_exception".equals(errorType)) {
            return RETRY;
        }
        return REJECT;
    }
}
