package newsflow.app.cli;

import picocli.CommandLine.IVersionProvider;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The version {@code newsflow --version} prints: the build's own ({@code version.properties}, filled in by Maven),
 * so the release tarball, its name and what it says about itself always agree.
 */
public final class NewsflowVersion implements IVersionProvider {

    private static final String RESOURCE = "/newsflow/app/version.properties";

    /** The project version this build was made from, for example {@code 0.1.0-SNAPSHOT}. */
    public static String version() {
        try (InputStream in = NewsflowVersion.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing " + RESOURCE + " on the classpath: not a build of newsflow");
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    @Override
    public String[] getVersion() {
        return new String[] {"newsflow " + version()};
    }
}
