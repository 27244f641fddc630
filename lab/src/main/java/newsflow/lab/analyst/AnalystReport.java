package newsflow.lab.analyst;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;
import java.util.Map;

/**
 * What {@code bench-analyst} measured, written as JSON with {@code --report}.
 *
 * @param articles          articles in the index during the measurement
 * @param indexDocsPerSecond the pipeline's own article rate: documents per second the index module's bulk writer
 *                          stored while this run loaded the index (generation of the documents not counted)
 * @param requestCache      whether the node's shard request cache was on while the requests were measured
 * @param requests          per kind of request, our API against the same Elasticsearch requests sent directly
 * @param unmeasured        kinds of request not measured, with why (our API failed every try to capture them)
 * @param alerts            saved-search matching against {@code indexDocsPerSecond}
 */
public record AnalystReport(
        @JsonProperty("articles") long articles,
        @JsonProperty("index_docs_per_second") double indexDocsPerSecond,
        @JsonProperty("request_cache") boolean requestCache,
        @JsonProperty("requests") List<RequestResult> requests,
        @JsonProperty("unmeasured") Map<String, String> unmeasured,
        @JsonProperty("alerts") AlertResult alerts) {

    /**
     * @param overheadP50 {@code oursP50 / directP50 - 1}
     * @param oursCount   what our answer counted (hits, matches, rows; see {@link AnalystRequest}) summed over the
     *                    variants; {@code directCount} the same from Elasticsearch's answers, -1 when not comparable
     * @param oursFailures measured calls that failed (our API answering 5xx at its client deadline, say), not
     *                    in the percentiles
     * @param oursCpuMs   CPU milliseconds per call of the benchmark's JVM (its client, and on our side our API and
     *                    its Elasticsearch client; the node is another process), the mean over the measured calls:
     *                    {@code oursCpuMs - directCpuMs} is what a call costs our process, which a shared machine's
     *                    load does not inflate as it does latencies
     * @param passThroughP50 the same calls relayed by our server through the same client with no work of ours
     *                    ({@link PassThrough}): the floor of any API in front of the node; {@code oursP50 -
     *                    passThroughP50} is our code's part of the overhead
     * @param heldP50     the same server answering the node's answer from memory ({@link HeldAnswers}), no node
     *                    asked: one loopback HTTP round trip carrying the answer, the floor of a second hop alone;
     *                    {@code passThroughP50 - directP50 - heldP50} is what relaying through the client adds
     * @param oursNodeHeldP50 our API on a third server whose client's node answers from memory ({@link HeldNode}),
     *                    in the same rounds: our code with no node work in its call, but run between calls the node
     *                    computed; minus {@code heldP50}, our code's time so
     * @param oursNodeHeldBackToBackP50 the same after the rounds, called back to back with the held answers
     *                    ({@code heldBackToBackP50}) and nothing else: our code and the hop with no node work between
     *                    calls, still in the processor's caches. Against the rounds' figures, what the node's work
     *                    between our calls costs our code
     * @param oursVirtualThreadsP50 with {@code --compare-virtual-threads}, our API on a second server that runs each
     *                    request on a virtual thread, in the same rounds (else absent); against {@code oursP50}, what
     *                    the API server's request threads change. {@code passThroughVirtualThreadsP50} the same for
     *                    the pass-through
     */
    public record RequestResult(
            @JsonProperty("kind") String kind,
            @JsonProperty("samples") int samples,
            @JsonProperty("es_requests_per_call") double esRequestsPerCall,
            @JsonProperty("ours_p50_ms") double oursP50,
            @JsonProperty("ours_p99_ms") double oursP99,
            @JsonProperty("direct_p50_ms") double directP50,
            @JsonProperty("direct_p99_ms") double directP99,
            @JsonProperty("overhead_p50") double overheadP50,
            @JsonProperty("pass_through_p50_ms") double passThroughP50,
            @JsonProperty("pass_through_overhead_p50") double passThroughOverheadP50,
            @JsonProperty("held_p50_ms") double heldP50,
            @JsonProperty("held_failures") int heldFailures,
            @JsonProperty("ours_count") long oursCount,
            @JsonProperty("direct_count") long directCount,
            @JsonProperty("ours_failures") int oursFailures,
            @JsonProperty("direct_failures") int directFailures,
            @JsonProperty("pass_through_failures") int passThroughFailures,
            @JsonProperty("ours_cpu_ms") double oursCpuMs,
            @JsonProperty("direct_cpu_ms") double directCpuMs,
            @JsonProperty("pass_through_cpu_ms") double passThroughCpuMs,
            @JsonProperty("ours_node_held_p50_ms") double oursNodeHeldP50,
            @JsonProperty("ours_node_held_failures") int oursNodeHeldFailures,
            @JsonProperty("held_back_to_back_p50_ms") double heldBackToBackP50,
            @JsonProperty("ours_node_held_back_to_back_p50_ms") double oursNodeHeldBackToBackP50,
            @JsonProperty("back_to_back_failures") int backToBackFailures,
            @JsonProperty("ours_virtual_threads_p50_ms") @JsonInclude(JsonInclude.Include.NON_NULL) Double oursVirtualThreadsP50,
            @JsonProperty("pass_through_virtual_threads_p50_ms") @JsonInclude(JsonInclude.Include.NON_NULL)
            Double passThroughVirtualThreadsP50) {
    }

    /**
     * @param articlesPerCpuSecond articles per second of the matching thread's CPU time
     * @param ratioToIndexRate {@code articlesPerSecond / indexDocsPerSecond}: above 1, matching keeps up with the
     *                         pipeline's article rate on one core
     */
    public record AlertResult(
            @JsonProperty("saved_searches") int savedSearches,
            @JsonProperty("articles") int articles,
            @JsonProperty("articles_per_second") double articlesPerSecond,
            @JsonProperty("articles_per_cpu_second") double articlesPerCpuSecond,
            @JsonProperty("matches") long matches,
            @JsonProperty("ratio_to_index_rate") double ratioToIndexRate) {
    }
}
