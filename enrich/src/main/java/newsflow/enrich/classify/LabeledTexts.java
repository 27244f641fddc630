package newsflow.enrich.classify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import newsflow.common.json.Json;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads labelled items from JSON lines ({@code {id,title,text,labels}} per line; blank lines are skipped). */
public final class LabeledTexts {

    private LabeledTexts() {
    }

    /** @throws ClassifierException naming the file and line when a line is not such an object or has no labels */
    public static List<LabeledText> read(Path file) {
        List<LabeledText> out = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int n = 0;
            while ((line = in.readLine()) != null) {
                n++;
                if (!line.isBlank()) {
                    out.add(parse(line, file + ":" + n));
                }
            }
        } catch (IOException e) {
            throw new ClassifierException("cannot read " + file + ": " + e.getMessage(), e);
        }
        if (out.isEmpty()) {
            throw new ClassifierException(file + ": no labelled items");
        }
        return out;
    }

    /**
     * The items with their labels renamed through {@code mapping} (a label set's names to a taxonomy's, say);
     * labels without a mapping are dropped, and so are items left without a label. Several labels may map to one
     * name; it is kept once.
     */
    public static List<LabeledText> relabel(List<LabeledText> items, java.util.Map<String, String> mapping) {
        List<LabeledText> out = new ArrayList<>(items.size());
        for (LabeledText item : items) {
            List<String> labels = item.labels().stream().map(mapping::get).filter(java.util.Objects::nonNull)
                    .distinct().toList();
            if (!labels.isEmpty()) {
                out.add(new LabeledText(item.id(), item.title(), item.text(), labels));
            }
        }
        return out;
    }

    static LabeledText parse(String line, String where) {
        JsonNode node;
        try {
            node = Json.mapper().readTree(line);
        } catch (JsonProcessingException e) {
            throw new ClassifierException(where + ": not JSON: " + e.getOriginalMessage(), e);
        }
        if (node == null || !node.isObject()) {
            throw new ClassifierException(where + ": expected a JSON object {id,title,text,labels}");
        }
        JsonNode labels = node.path("labels");
        if (!labels.isArray() || labels.isEmpty()) {
            throw new ClassifierException(where + ": \"labels\" must be a non-empty array of strings");
        }
        List<String> names = new ArrayList<>();
        for (JsonNode l : labels) {
            if (!l.isTextual() || l.asText().isBlank()) {
                throw new ClassifierException(where + ": \"labels\" must be a non-empty array of strings");
            }
            names.add(l.asText().strip());
        }
        String title = node.path("title").asText("");
        String text = node.path("text").asText("");
        if (title.isBlank() && text.isBlank()) {
            throw new ClassifierException(where + ": both \"title\" and \"text\" are empty");
        }
        return new LabeledText(node.path("id").asText(""), title, text, names);
    }
}
