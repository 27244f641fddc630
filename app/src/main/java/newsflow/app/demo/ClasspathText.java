package newsflow.app.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Reads the corpus from the classpath, where it lives both in the IDE (a directory) and in the packaged jar. */
final class ClasspathText {

    static final String ROOT = "/demo/";

    private ClasspathText() {
    }

    static byte[] bytes(String name) {
        String resource = ROOT + name;
        try (InputStream in = ClasspathText.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("demo corpus resource missing from the classpath: " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read demo corpus resource " + resource, e);
        }
    }

    static String text(String name) {
        return new String(bytes(name), StandardCharsets.UTF_8);
    }
}
