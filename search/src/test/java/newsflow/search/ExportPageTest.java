package newsflow.search;

import com.fasterxml.jackson.databind.JsonNode;
import newsflow.common.json.Json;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An export page read from the node's answer, and its last cursor read off the answer's end before the rest. */
class ExportPageTest {

    private static byte[] answer(String json) {
        return json.replaceAll("\\n\\s*", "").getBytes(StandardCharsets.UTF_8);
    }

    /** Two hits as the node writes them (compact), the second's title holding what looks like a sort field. */
    private static final byte[] TWO_HITS = answer("""
            {"took":3,"timed_out":false,"_shards":{"total":2,"successful":2,"skipped":0,"failed":0},
            "hits":{"total":null,"max_score":null,"hits":[
            {"_index":"articles-2026-11","_id":"a1","_score":null,"_source":{"id":"a1","title":"Flood","url":"https://example.org/a1"},
             "sort":[1762070400000,"a1"]},
            {"_index":"articles-2026-11","_id":"a2","_score":null,"_source":{"id":"a2","title":"say \\"sort\\":[1,2] or ,\\\\\\"sort\\":[3]","url":"https://example.org/a2"},
             "sort":[1762066800000,"a2"]}]}}
            """);

    @Test
    void theLastHitsSortValuesAreReadOffTheEndAndMatchThePageAsRead() {
        JsonNode early = ExportPage.lastSortValues(TWO_HITS).orElseThrow();

        ExportPage page = ExportPage.read(TWO_HITS);

        assertThat(early).isEqualTo(Json.mapper().createArrayNode().add(1762066800000L).add("a2"));
        assertThat(page.hits()).extracting(ExportPage.Hit::id).containsExactly("a1", "a2");
        assertThat(page.lastSort()).isEqualTo(early);
        assertThat(page.hits().getLast().source().title()).isEqualTo("say \"sort\":[1,2] or ,\\\"sort\":[3]");
        assertThat(Cursor.values(early)).hasSize(2);
        assertThat(page.partial()).isFalse();
        assertThat(ExportPage.partialHead(TWO_HITS)).isFalse();
    }

    @Test
    void aTitleThatSpellsASortFieldIsNotTakenForTheCursor() {
        // the last hit's sort comes before its title here (field order is the node's to choose)
        byte[] titleLast = answer("""
                {"took":1,"timed_out":false,"_shards":{"total":1,"successful":1,"skipped":0,"failed":0},
                "hits":{"hits":[{"_id":"a9","sort":[5,"a9"],"_source":{"id":"a9","title":"x,\\"sort\\":[7,\\"zz\\"]"}}]}}
                """);

        assertThat(ExportPage.lastSortValues(titleLast)).contains(Json.mapper().createArrayNode().add(5).add("a9"));
    }

    @Test
    void eachSourceIsReadAsItsRecordAndOtherFieldsAreSkipped() {
        String source = """
                {"id": "a1", "published": "2026-11-02T08:00:00Z", "source": "example.org", "site_name": "Example",
                 "language": "en", "title": "Flood \\u00e9 \\"x\\"", "url": "https://example.org/a1",
                 "authors": ["A. Writer", "B"], "topics": [], "story_id": "s1",
                 "extra": {"nested": [1, {"sort": [9]}]}, "body": null}""";
        byte[] answer = answer("""
                {"took": 1, "timed_out": false, "_shards": {"total": 1, "successful": 1, "skipped": 0, "failed": 0},
                 "hits": {"total": null, "hits": [{"_index": "i", "_id": "a1", "_score": null, "_ignored": ["x"],
                 "_source": %s, "sort": [3, "a1"]}], "max_score": null}, "aggregations": {}}
                """.formatted(source));

        ExportPage page = ExportPage.read(answer);
        ExportPage.Hit hit = page.hits().getFirst();

        assertThat(hit.row()).isEqualTo(new HitSource("a1", "2026-11-02T08:00:00Z", "example.org", "Example", "en",
                "Flood \u00e9 \"x\"", "https://example.org/a1", List.of("A. Writer", "B"), List.of(), "s1"));
        assertThat(hit.id()).isEqualTo("a1");
        assertThat(page.lastSort()).isEqualTo(Json.mapper().createArrayNode().add(3).add("a1"));
    }

    @Test
    void anAnswerThatIsNotASearchAnswerIsAClearError() {
        assertThatThrownBy(() -> ExportPage.read("[1, 2]".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(java.io.UncheckedIOException.class).hasMessageContaining("export page");
        assertThatThrownBy(() -> ExportPage.read(answer("""
                {"hits": {"hits": [{"_id": "a1", "_source": {"title": "cut off
                """))).isInstanceOf(java.io.UncheckedIOException.class);
        assertThatThrownBy(() -> ExportPage.read(answer("""
                {"hits": {"hits": {"_id": "a1"}}}
                """))).isInstanceOf(java.io.UncheckedIOException.class).hasMessageContaining("'hits.hits'");
        assertThatThrownBy(() -> ExportPage.read(answer("""
                {"took": 1} trailing
                """))).isInstanceOf(java.io.UncheckedIOException.class);
    }

    @Test
    void aStoredFieldOfAnotherShapeIsReadAsWellAsItCanBeNotAsThePagesFailure() {
        ExportPage page = ExportPage.read(answer("""
                {"timed_out": {"odd": true}, "_shards": [1], "hits": {"hits": [
                 {"_id": "a1", "_source": {"title": {"nested": ["x"]}, "authors": "One Writer", "topics": ["a", null, ["b"], 7],
                  "language": 5, "url": null}, "sort": "not an array"}]}}
                """));

        assertThat(page.partial()).isFalse();
        assertThat(page.hits()).extracting(ExportPage.Hit::row).containsExactly(new HitSource("a1", null, null, null,
                "5", null, null, List.of("One Writer"), List.of("a", "7"), null));
        assertThat(page.lastSort()).isNull();
    }

    @Test
    void aRowIsUnderItsHitsIdAndABadDateIsUnknownNotTheWholePagesFailure() {
        ExportPage page = ExportPage.read(answer("""
                {"hits": {"hits": [{"_id": "a1", "_source": {"published": "yesterday", "title": "kept"}},
                 {"_id": "a2", "_source": {"id": "a2", "published": "2026-11-02T09:00:00+01:00"}}, {"_id": "a3"}]}}
                """));

        assertThat(page.hits()).extracting(ExportPage.Hit::row).containsExactly(
                new HitSource("a1", null, null, null, null, "kept", null, null, null, null),
                new HitSource("a2", "2026-11-02T08:00:00Z", null, null, null, null, null, null, null, null),
                HitSource.ofId("a3"));
    }

    @Test
    void theCursorIsTheLastHitsSortValuesWhateverTheBytesBeforeThem() {
        byte[] wide = answer("""
                {"hits": {"hits": [{"_id": "a1", "_source": {"title": "Zürich – 東京 🌊"}, "sort": [1, "a1"]},
                 {"_id": "a2", "_source": {"title": "é"}, "sort": [2, "Ωa2"]}]}}
                """);
        byte[] lastUnsorted = answer("""
                {"hits": {"hits": [{"_id": "a1", "sort": [1, "a1"]}, {"_id": "a2"}]}}
                """);

        assertThat(ExportPage.read(wide).lastSort()).isEqualTo(Json.mapper().createArrayNode().add(2).add("Ωa2"));
        assertThat(ExportPage.read(wide).hits().getFirst().source().title()).isEqualTo("Zürich – 東京 🌊");
        assertThat(ExportPage.read(lastUnsorted).lastSort()).as("the last hit has none").isNull();
    }

    @Test
    void spacesAroundTheFieldAreAllowed() {
        byte[] pretty = """
                {"took": 1, "timed_out": false, "hits": {"hits": [{"_id": "a1", "_source": {"id": "a1"},
                  "sort" : [ 1.5, 17, "a1" ] }]}}
                """.getBytes(StandardCharsets.UTF_8);

        assertThat(ExportPage.lastSortValues(pretty)).contains(Json.mapper().createArrayNode().add(1.5).add(17).add("a1"));
        assertThat(ExportPage.read(pretty).lastSort()).isEqualTo(ExportPage.lastSortValues(pretty).orElseThrow());
    }

    @Test
    void noHitsOrNoSortGiveNoEarlyCursor() {
        byte[] none = answer("""
                {"took":1,"timed_out":false,"_shards":{"total":1,"successful":1,"skipped":0,"failed":0},"hits":{"hits":[]}}
                """);
        byte[] unsorted = answer("""
                {"took":1,"timed_out":false,"_shards":{"total":1,"successful":1,"skipped":0,"failed":0},
                "hits":{"hits":[{"_id":"a1","_source":{"id":"a1"}}]}}
                """);

        assertThat(ExportPage.lastSortValues(none)).isEmpty();
        assertThat(ExportPage.read(none).hits()).isEmpty();
        assertThat(ExportPage.lastSortValues(unsorted)).isEmpty();
        assertThat(ExportPage.lastSortValues(new byte[0])).isEmpty();
    }

    @Test
    void aTimedOutOrPartlyFailedAnswerIsPartialFromItsHeadAlone() {
        byte[] timedOut = answer("""
                {"took":900,"timed_out":true,"_shards":{"total":2,"successful":2,"skipped":0,"failed":0},"hits":{"hits":[]}}
                """);
        byte[] failedShard = answer("""
                {"took":9,"timed_out":false,"_shards":{"total":2,"successful":1,"skipped":0,"failed":1,
                "failures":[{"shard":0,"reason":{"type":"x"}}]},"hits":{"hits":[]}}
                """);

        assertThat(ExportPage.partialHead(timedOut)).isTrue();
        assertThat(ExportPage.read(timedOut).partial()).isTrue();
        assertThat(ExportPage.partialHead(failedShard)).isTrue();
        assertThat(ExportPage.read(failedShard).partial()).isTrue();
        assertThat(ExportPage.partialHead("not json".getBytes(StandardCharsets.UTF_8))).isFalse();
    }

    @Test
    void anAnswerOverTheBoundIsRefusedWithoutBeingHeldWhole() {
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                return ' ';
            }
        };

        assertThatThrownBy(() -> ExportPage.readBounded(endless)).isInstanceOf(IOException.class)
                .hasMessageContaining("over " + ExportPage.MAX_BYTES + " bytes");
    }

    @Test
    void anAnswerWithinTheBoundIsReadWholeWhateverItsStreamSaysIsAvailable() throws IOException {
        assertThat(ExportPage.readBounded(new ByteArrayInputStream(TWO_HITS))).isEqualTo(TWO_HITS);
        // a stream off the network says less than it has, or more
        for (int says : new int[]{0, 10, TWO_HITS.length + 100}) {
            InputStream partly = new java.io.FilterInputStream(new ByteArrayInputStream(TWO_HITS)) {
                @Override
                public int available() {
                    return says;
                }
            };
            assertThat(ExportPage.readBounded(partly)).as("available %d", says).isEqualTo(TWO_HITS);
        }
    }
}
