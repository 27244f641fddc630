package newsflow.enrich.classify;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LabeledTextsTest {

    @Test
    void readsJsonLinesSkippingBlankLines(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("items.jsonl");
        Files.writeString(file, """
                {"id":"1","title":"Cup final","text":"The team won.","labels":["sport"]}

                {"text":"Shares fell.","labels":["business","markets"],"extra":true}
                """);

        var items = LabeledTexts.read(file);
        assertThat(items).hasSize(2);
        assertThat(items.get(0)).isEqualTo(new LabeledText("1", "Cup final", "The team won.", java.util.List.of("sport")));
        assertThat(items.get(1).labels()).containsExactly("business", "markets");
        assertThat(items.get(1).title()).isEmpty();
    }

    @Test
    void badLinesAreNamedByFileAndLine(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bad.jsonl");
        Files.writeString(file, "{\"text\":\"ok\",\"labels\":[\"a\"]}\n{\"text\":\"no labels\"}\n");
        assertThatThrownBy(() -> LabeledTexts.read(file)).isInstanceOf(ClassifierException.class)
                .hasMessageContaining(file + ":2").hasMessageContaining("labels");

        Files.writeString(file, "not json\n");
        assertThatThrownBy(() -> LabeledTexts.read(file)).hasMessageContaining(file + ":1: not JSON");

        Files.writeString(file, "{\"labels\":[\"a\"],\"title\":\" \"}\n");
        assertThatThrownBy(() -> LabeledTexts.read(file)).hasMessageContaining("both \"title\" and \"text\" are empty");

        Files.writeString(file, "\n");
        assertThatThrownBy(() -> LabeledTexts.read(file)).hasMessageContaining("no labelled items");
        assertThatThrownBy(() -> LabeledTexts.read(dir.resolve("missing.jsonl"))).hasMessageContaining("cannot read");
    }

    @Test
    void relabellingRenamesDropsUnmappedLabelsAndItemsLeftWithoutOne() {
        var items = java.util.List.of(
                new LabeledText("1", "", "The team won.", java.util.List.of("Sports")),
                new LabeledText("2", "", "Shares fell.", java.util.List.of("biz", "markets")),
                new LabeledText("3", "", "Rain all day.", java.util.List.of("weather")),
                new LabeledText("4", "", "Stocks and the match.", java.util.List.of("biz", "fin")));

        var mapped = LabeledTexts.relabel(items, java.util.Map.of("Sports", "sport", "biz", "economy", "fin", "economy"));

        assertThat(mapped).extracting(LabeledText::id).containsExactly("1", "2", "4");
        assertThat(mapped.get(0).labels()).containsExactly("sport");
        assertThat(mapped.get(1).labels()).containsExactly("economy");
        assertThat(mapped.get(2).labels()).containsExactly("economy");
        assertThat(mapped.get(1).text()).isEqualTo("Shares fell.");
    }
}
