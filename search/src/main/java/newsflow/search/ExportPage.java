package newsflow.search;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import newsflow.common.json.Json;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * One page of an export as the node answers it: whether it is complete, and its hits, each one row
 * ({@link ExportAnswerReader} reads it).
 *
 * <p>Why the answer's bytes and not the typed client's answer: an export's pages follow one another (each page's
 * last sort values are the next one's {@code search_after}), so reading a whole page of 500 hits held up asking for
 * the next. Here the last hit's sort values are read off the end of the bytes first ({@link #lastSortValues}), the
 * next page is asked for, and the page is read and written while the node looks for the next.
 *
 * @param timedOut     the node stopped at {@code search.timeout}
 * @param failedShards shards that failed to answer
 * @param lastSort     the last hit's sort values as the node wrote them (the cursor after the page); null when it has
 *                     none
 */
record ExportPage(boolean timedOut, int failedShards, List<Hit> hits, JsonNode lastSort) {

    /** The most bytes a page's answer may have: 500 rows of the export's few fields are well under a MiB. */
    static final int MAX_BYTES = 32 << 20;

    ExportPage {
        hits = List.copyOf(hits);
    }

    record Hit(String id, HitSource source) {

        /** The hit's row, under its own id ({@code _source} is only missing with it disabled, which ours never is). */
        HitSource row() {
            return source == null ? HitSource.ofId(id) : source.withId(id);
        }
    }

    private static final byte[] SORT_KEY = "\"sort\"".getBytes(StandardCharsets.US_ASCII);

    /** @throws UncheckedIOException when the bytes are not a search answer */
    static ExportPage read(byte[] answer) {
        return ExportAnswerReader.read(answer);
    }

    /**
     * The answer's bytes, refused past {@link #MAX_BYTES}. An answer our client already holds in memory says its
     * size ({@code available()}) and is copied once; {@code readNBytes(int)} alone reads 16 KiB pieces and joins
     * them, two copies of every page.
     */
    static byte[] readBounded(InputStream body) throws IOException {
        byte[] head = new byte[Math.min(Math.max(body.available(), 0), MAX_BYTES + 1)];
        int n = body.readNBytes(head, 0, head.length);
        byte[] rest = body.readNBytes(MAX_BYTES + 1 - n);
        if (n + rest.length > MAX_BYTES) {
            throw new IOException("an export page's answer is over " + MAX_BYTES + " bytes");
        }
        if (rest.length == 0 && n == head.length) {
            return head;
        }
        byte[] bytes = Arrays.copyOf(head, n + rest.length);
        System.arraycopy(rest, 0, bytes, n, rest.length);
        return bytes;
    }

    /** Elasticsearch stopped at {@code search.timeout} or some shards failed: rows may be missing. */
    boolean partial() {
        return timedOut || failedShards > 0;
    }

    /**
     * {@link #partial()} read from the answer's head only ({@code timed_out} and {@code _shards}, which the node
     * writes before the hits), to count the outcome when the answer comes in.
     */
    static boolean partialHead(byte[] answer) {
        return ExportAnswerReader.partialHead(answer);
    }

    /**
     * The sort values of the answer's last hit, found from its end without reading the rest: the last
     * {@code "sort"} that names a field (after {@code ,} or {@code {}, before {@code :} and {@code [}), which no
     * string value can hold, since a quote inside a string is escaped. Empty when there is none (no hits, or no
     * sort). A guess that {@code export} checks against the page once it is read.
     */
    static Optional<JsonNode> lastSortValues(byte[] answer) {
        for (int i = answer.length - SORT_KEY.length; i > 0; i--) {
            if (answer[i] != '"' || !startsWith(answer, i)) {
                continue;
            }
            int before = skipSpace(answer, i - 1, -1);
            int colon = skipSpace(answer, i + SORT_KEY.length, 1);
            int array = skipSpace(answer, colon + 1, 1);
            if (before >= 0 && (answer[before] == ',' || answer[before] == '{')
                    && colon < answer.length && answer[colon] == ':' && array < answer.length && answer[array] == '[') {
                try (JsonParser parser = Json.mapper().createParser(answer, array, answer.length - array)) {
                    return Optional.ofNullable(parser.<JsonNode>readValueAsTree()).filter(JsonNode::isArray);
                } catch (IOException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    /** The first index from {@code at} in direction {@code step} that is not JSON whitespace (may be out of range). */
    private static int skipSpace(byte[] answer, int at, int step) {
        int i = at;
        while (i >= 0 && i < answer.length && (answer[i] == ' ' || answer[i] == '\n' || answer[i] == '\r' || answer[i] == '\t')) {
            i += step;
        }
        return i;
    }

    private static boolean startsWith(byte[] answer, int at) {
        for (int k = 0; k < SORT_KEY.length; k++) {
            if (answer[at + k] != SORT_KEY[k]) {
                return false;
            }
        }
        return true;
    }
}
