package newsflow.enrich.embed;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The bundled MiniLM model on an ONNX session that runs each call on the calling thread, with no spinning worker
 * threads. LangChain4j's own session spreads every call over a pool of one thread per core that spin-waits between
 * operators: on a stage that already embeds several articles side by side that parallelism buys nothing, and the
 * spinning burns CPU each article pays for (the vectors are the same; {@code EmbeddersTest} compares them; the
 * lab's {@code bench-tagger} measures the cost, docs/measurements.md).
 */
final class OnnxSessions {

    private static final String MODEL = "/all-minilm-l6-v2-q.onnx";
    private static final String TOKENIZER = "/all-minilm-l6-v2-q-tokenizer.json";

    private OnnxSessions() {
    }

    static AbstractInProcessEmbeddingModel miniLmQuantized() {
        try (InputStream model = resource(MODEL); InputStream tokenizer = resource(TOKENIZER)) {
            OrtEnvironment env = OrtEnvironment.getEnvironment();
            OrtSession.SessionOptions options = new OrtSession.SessionOptions();
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            options.addConfigEntry("session.intra_op.allow_spinning", "0");
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            OrtSession session = env.createSession(model.readAllBytes(), options);
            return new CallerThreadModel(new OnnxBertBiEncoder(env, session, tokenizer, PoolingMode.MEAN), 384);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled MiniLM model", e);
        } catch (OrtException e) {
            throw new IllegalStateException("cannot start an ONNX session for the bundled MiniLM model: " + e.getMessage(), e);
        }
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = AllMiniLmL6V2QuantizedEmbeddingModel.class.getResourceAsStream(name);
        if (in == null) {
            throw new IOException(name + " is not on the class path (the langchain4j MiniLM jar is missing)");
        }
        return in;
    }

    /** A model whose batch calls also run on the caller's thread (the stage already runs articles in parallel). */
    private static final class CallerThreadModel extends AbstractInProcessEmbeddingModel {
        private final OnnxBertBiEncoder encoder;
        private final int dimension;

        CallerThreadModel(OnnxBertBiEncoder encoder, int dimension) {
            super(Runnable::run);
            this.encoder = encoder;
            this.dimension = dimension;
        }

        @Override
        protected OnnxBertBiEncoder model() {
            return encoder;
        }

        @Override
        protected Integer knownDimension() {
            return dimension;
        }
    }
}
