package newsflow.search;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import newsflow.common.json.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads an export page's answer token by token with the shared mapper's parser: {@code timed_out}, the failed
 * shards, each hit's {@code _id} and the stored fields of its {@code _source}, and the last hit's {@code sort}
 * (the cursor; the others' are skipped, not built as trees); everything else is skipped unread.
 *
 * <p>Why not the mapper's data binding into records: for each of a page's 500 hits it buffered the fields it did not
 * know ({@code _index}, {@code _score}), looked every field name up in a map and built each hit's sort values as a
 * tree, and reading the pages is the larger part of an export's own CPU time.
 *
 * <p>A stored field of an unexpected shape (an object where text belongs) is read as absent, not as the page's
 * failure; a list field holding one value is a list of one, as Elasticsearch stores either. What is not a search
 * answer at all (not an object, cut off, malformed) fails the page.
 */
final class ExportAnswerReader {

    private ExportAnswerReader() {
    }

    /** @throws UncheckedIOException when the bytes are not a search answer */
    static ExportPage read(byte[] answer) {
        try (JsonParser p = Json.mapper().createParser(answer)) {
            expect(p, p.nextToken(), JsonToken.START_OBJECT, "the answer");
            boolean timedOut = false;
            int failedShards = 0;
            Hits hits = new Hits();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                switch (field) {
                    case "timed_out" -> {
                        timedOut = value == JsonToken.VALUE_TRUE;
                        p.skipChildren();
                    }
                    case "_shards" -> failedShards = failedShards(p);
                    case "hits" -> hitsObject(p, hits);
                    default -> p.skipChildren();
                }
            }
            expect(p, p.currentToken(), JsonToken.END_OBJECT, "the answer's end");
            if (p.nextToken() != null) {
                throw new IOException("something follows the answer, at " + p.currentLocation());
            }
            return new ExportPage(timedOut, failedShards, hits.hits, hits.lastSort(answer));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read an export page: " + e.getMessage(), e);
        }
    }

    /**
     * Whether the answer's head ({@code timed_out}, {@code _shards}, which the node writes before the hits) says
     * it is partial, read without the rest; false for what is not a search answer (reading the page says so).
     */
    static boolean partialHead(byte[] answer) {
        try (JsonParser p = Json.mapper().createParser(answer)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return false;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                switch (field) {
                    case "timed_out" -> {
                        if (value == JsonToken.VALUE_TRUE) {
                            return true;
                        }
                        p.skipChildren();
                    }
                    case "_shards" -> {
                        if (failedShards(p) > 0) {
                            return true;
                        }
                    }
                    case "hits" -> {
                        return false;
                    }
                    default -> p.skipChildren();
                }
            }
            return false;
        } catch (IOException e) {
            return false;
        }
    }

    /** {@code _shards.failed}, the parser on the object's start; 0 when it is not an object. */
    private static int failedShards(JsonParser p) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            p.skipChildren();
            return 0;
        }
        int failed = 0;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            if (field.equals("failed")) {
                failed = p.getValueAsInt(0);
            }
            p.skipChildren();
        }
        return failed;
    }

    /** The hits read so far, and where the last one's sort values start in the answer (-1: it has none). */
    private static final class Hits {
        final List<ExportPage.Hit> hits = new ArrayList<>();
        long lastSortAt = -1;

        JsonNode lastSort(byte[] answer) throws IOException {
            if (lastSortAt < 0) {
                return null;
            }
            try (JsonParser p = Json.mapper().createParser(answer, (int) lastSortAt, answer.length - (int) lastSortAt)) {
                return p.readValueAsTree();
            }
        }
    }

    /** The {@code hits} object's {@code hits} array, into {@code into}. */
    private static void hitsObject(JsonParser p, Hits into) throws IOException {
        expect(p, p.currentToken(), JsonToken.START_OBJECT, "'hits'");
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            if (field.equals("hits")) {
                expect(p, p.currentToken(), JsonToken.START_ARRAY, "'hits.hits'");
                while (p.nextToken() == JsonToken.START_OBJECT) {
                    into.lastSortAt = -1;
                    into.hits.add(hit(p, into));
                }
                expect(p, p.currentToken(), JsonToken.END_ARRAY, "the end of 'hits.hits'");
            } else {
                p.skipChildren();
            }
        }
    }

    private static ExportPage.Hit hit(JsonParser p, Hits into) throws IOException {
        String id = null;
        HitSource source = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken value = p.nextToken();
            switch (field) {
                case "_id" -> id = text(p);
                case "_source" -> source = value == JsonToken.START_OBJECT ? source(p) : skipped(p);
                case "sort" -> {
                    if (value == JsonToken.START_ARRAY) {
                        into.lastSortAt = p.currentTokenLocation().getByteOffset();
                    }
                    p.skipChildren();
                }
                default -> p.skipChildren();
            }
        }
        return new ExportPage.Hit(id, source);
    }

    /** The stored fields of {@link SearchRequests#HIT_FIELDS}, the parser on the source object's start. */
    private static HitSource source(JsonParser p) throws IOException {
        String id = null, published = null, source = null, siteName = null, language = null, title = null, url = null,
                storyId = null;
        List<String> authors = null, topics = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            switch (field) {
                case "id" -> id = text(p);
                case "published" -> published = text(p);
                case "source" -> source = text(p);
                case "site_name" -> siteName = text(p);
                case "language" -> language = text(p);
                case "title" -> title = text(p);
                case "url" -> url = text(p);
                case "authors" -> authors = texts(p);
                case "topics" -> topics = texts(p);
                case "story_id" -> storyId = text(p);
                default -> p.skipChildren();
            }
        }
        return new HitSource(id, published, source, siteName, language, title, url, authors, topics, storyId);
    }

    /** A scalar as text; null for null and for an object or array, which is skipped. */
    private static String text(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_STRING) {
            return p.getText();
        }
        if (t.isScalarValue() && t != JsonToken.VALUE_NULL) {
            return p.getValueAsString();
        }
        return skipped(p);
    }

    /** An array's scalars as text (nulls and structures left out); a single scalar is a list of one. */
    private static List<String> texts(JsonParser p) throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            String one = text(p);
            return one == null ? null : List.of(one);
        }
        List<String> values = new ArrayList<>(2);
        while (p.nextToken() != JsonToken.END_ARRAY) {
            String value = text(p);
            if (value != null) {
                values.add(value);
            }
        }
        return values;
    }

    /** Skips the value the parser is on; null. */
    private static <T> T skipped(JsonParser p) throws IOException {
        p.skipChildren();
        return null;
    }

    private static void expect(JsonParser p, JsonToken actual, JsonToken expected, String what) throws IOException {
        if (actual != expected) {
            throw new IOException(what + " is " + (actual == null ? "cut off" : actual.asString() == null ? actual
                    : actual.asString()) + " where " + expected.asString() + " belongs, at " + p.currentLocation());
        }
    }
}
