package newsflow.search;

import co.elastic.clients.json.JsonpDeserializer;
import co.elastic.clients.json.JsonpMapper;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import jakarta.json.stream.JsonParser;
import newsflow.common.json.Json;
import newsflow.index.document.ArticleDocument;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Reads Elasticsearch responses written as test fixtures, with the same mapper the real client uses. */
public final class EsResponses {

    public static final JsonpMapper MAPPER = new JacksonJsonpMapper(Json.mapper().copy());

    private EsResponses() {
    }

    public static String fixture(String name) {
        try (InputStream in = EsResponses.class.getResourceAsStream("/newsflow/search/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static SearchResponse<ArticleDocument> searchResponse(String json) {
        return searchResponse(json, ArticleDocument.class);
    }

    /** The answer with each hit's source read into {@code sourceType}, as the service reads it. */
    public static <T> SearchResponse<T> searchResponse(String json, Class<T> sourceType) {
        JsonpDeserializer<SearchResponse<T>> deserializer =
                SearchResponse.createSearchResponseDeserializer(JsonpDeserializer.of(sourceType));
        try (JsonParser parser = MAPPER.jsonProvider().createParser(new StringReader(json))) {
            return deserializer.deserialize(parser, MAPPER);
        }
    }
}
