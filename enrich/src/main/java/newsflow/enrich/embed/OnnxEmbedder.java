package newsflow.enrich.embed;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;

import java.util.ArrayList;
import java.util.List;

/** A langchain4j in-process ONNX model (MiniLM) behind {@link TextEmbedder}; its output is already unit length. */
final class OnnxEmbedder implements TextEmbedder {

    private final String name;
    private final EmbeddingModel model;

    OnnxEmbedder(String name, EmbeddingModel model) {
        this.name = name;
        this.model = model;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int dimension() {
        return model.dimension();
    }

    @Override
    public float[] embed(String title, String text) {
        String input = EmbeddingInput.of(title, text);
        if (input.isBlank()) {
            return new float[dimension()];
        }
        try {
            return model.embed(input).content().vector();
        } catch (RuntimeException e) {
            throw new EmbeddingException("embedding model " + name + " failed on a text of " + input.length()
                    + " characters: " + e.getMessage(), e);
        }
    }

    @Override
    public List<float[]> embedAll(List<String[]> titleAndText) {
        List<TextSegment> segments = new ArrayList<>(titleAndText.size());
        for (String[] t : titleAndText) {
            String input = EmbeddingInput.of(t[0], t[1]);
            // the model rejects blank input; a blank item is rare, so embed a placeholder and zero it below
            segments.add(TextSegment.from(input.isBlank() ? "." : input));
        }
        List<Embedding> embeddings;
        try {
            embeddings = model.embedAll(segments).content();
        } catch (RuntimeException e) {
            throw new EmbeddingException("embedding model " + name + " failed on a batch of " + segments.size()
                    + " texts: " + e.getMessage(), e);
        }
        List<float[]> out = new ArrayList<>(embeddings.size());
        for (int i = 0; i < embeddings.size(); i++) {
            boolean blank = EmbeddingInput.of(titleAndText.get(i)[0], titleAndText.get(i)[1]).isBlank();
            out.add(blank ? new float[dimension()] : embeddings.get(i).vector());
        }
        return out;
    }
}
