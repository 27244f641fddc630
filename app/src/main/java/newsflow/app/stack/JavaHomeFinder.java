package newsflow.app.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds a Java home of at least {@link #MINIMUM} for a child service (Elasticsearch 9 needs 21), the way the
 * {@code ./newsflow} launcher finds its JDK: {@code NEWSFLOW_JAVA_HOME}, then {@code JAVA_HOME}, then the
 * running JVM, then the newest one under the usual install roots ({@code /usr/lib/jvm/*} and friends).
 * A candidate counts when it has an executable {@code bin/java} and its version is known to be new enough.
 */
final class JavaHomeFinder {

    static final int MINIMUM = 21;
    static final String VARIABLE = "NEWSFLOW_JAVA_HOME";
    /** Where packaged JDKs live on Linux and macOS; each child directory is a candidate. */
    static final List<Path> USUAL_ROOTS = List.of(Path.of("/usr/lib/jvm"), Path.of("/usr/java"), Path.of("/opt/java"),
            Path.of("/Library/Java/JavaVirtualMachines"));
    private static final Pattern RELEASE_VERSION = Pattern.compile("(?m)^JAVA_VERSION=\"?(1\\.)?(\\d+)");

    private final Function<String, String> env;
    private final Path runningHome;
    private final int runningFeature;
    private final List<Path> roots;

    JavaHomeFinder(Function<String, String> env, Path runningHome, int runningFeature, List<Path> roots) {
        this.env = env;
        this.runningHome = runningHome;
        this.runningFeature = runningFeature;
        this.roots = List.copyOf(roots);
    }

    /** The finder for this process: its environment, this JVM, the usual roots. */
    static JavaHomeFinder forThisProcess() {
        return new JavaHomeFinder(System::getenv, Path.of(System.getProperty("java.home")), Runtime.version().feature(), USUAL_ROOTS);
    }

    /**
     * @throws IllegalStateException naming every place looked at and the variable to set, when none qualifies
     */
    Path find() {
        List<String> looked = new ArrayList<>();
        for (String variable : List.of(VARIABLE, "JAVA_HOME")) {
            String value = env.apply(variable);
            if (value != null && !value.isBlank()) {
                Path home = Path.of(value.strip());
                int version = version(home);
                if (version >= MINIMUM) {
                    return home;
                }
                looked.add(variable + "=" + value + " (" + describe(home, version) + ")");
            }
        }
        if (runningFeature >= MINIMUM && Files.isExecutable(runningHome.resolve("bin/java"))) {
            return runningHome;
        }
        looked.add("this JVM " + runningHome + " (Java " + runningFeature + ")");
        Optional<Path> installed = roots.stream()
                .flatMap(JavaHomeFinder::children)
                .filter(home -> version(home) >= MINIMUM)
                .max(Comparator.comparingInt(JavaHomeFinder::version).thenComparing(Path::toString));
        if (installed.isPresent()) {
            return installed.get();
        }
        looked.add(String.join(", ", roots.stream().map(r -> r + "/*").toList()) + " (none with Java " + MINIMUM + "+)");
        throw new IllegalStateException("Elasticsearch needs Java " + MINIMUM + " or newer and none was found; looked at "
                + String.join("; ", looked) + ". Set " + VARIABLE + " to the directory of a JDK " + MINIMUM + "+.");
    }

    private static String describe(Path home, int version) {
        if (!Files.isExecutable(home.resolve("bin/java"))) {
            return "no executable bin/java";
        }
        return version > 0 ? "Java " + version : "version unknown";
    }

    private static Stream<Path> children(Path root) {
        if (!Files.isDirectory(root)) {
            return Stream.empty();
        }
        try (Stream<Path> list = Files.list(root)) {
            // macOS bundles keep the home under Contents/Home
            return list.map(d -> Files.isDirectory(d.resolve("Contents/Home")) ? d.resolve("Contents/Home") : d)
                    .filter(Files::isDirectory).toList().stream();
        } catch (IOException e) {
            return Stream.empty();
        }
    }

    /**
     * The feature version of the Java home, or 0 when it has no executable {@code bin/java} or its version
     * cannot be told: from its {@code release} file, else by asking {@code bin/java} itself.
     */
    static int version(Path home) {
        Path java = home.resolve("bin/java");
        if (!Files.isExecutable(java)) {
            return 0;
        }
        try {
            Path release = home.resolve("release");
            if (Files.isRegularFile(release)) {
                Matcher m = RELEASE_VERSION.matcher(Files.readString(release));
                if (m.find()) {
                    return Integer.parseInt(m.group(2));
                }
            }
        } catch (IOException | NumberFormatException e) {
            // fall through to asking the binary
        }
        ChildProcess.Result result = ChildProcess.run(List.of(java.toString(), "-XshowSettings:properties", "-version"),
                Duration.ofSeconds(20));
        Matcher m = Pattern.compile("java\\.specification\\.version = (1\\.)?(\\d+)").matcher(result.output());
        return m.find() ? Integer.parseInt(m.group(2)) : 0;
    }
}
