package newsflow.app.it;

import com.fasterxml.jackson.databind.JsonNode;
import newsflow.app.testing.TestStack;
import newsflow.common.config.ConfigLoader;
import newsflow.common.config.NewsflowConfig;
import newsflow.common.json.Json;
import newsflow.common.url.ArticleIds;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The release tarball ({@code mvn package} builds it) as an operator gets it: unpacked into an empty directory
 * and run from there with nothing but a Java runtime. The commands run with an environment of their own: a PATH
 * holding only the shell tools the launcher uses and an {@code mvn} that records being called (it never may be),
 * {@code NEWSFLOW_JAVA_HOME} pointing at the Java running this test, and a working directory outside the source tree.
 */
class ReleaseIT {

    /** The shell tools {@code bin/newsflow} uses, and nothing else (no Maven, no javac). */
    private static final List<String> TOOLS = List.of("bash", "env", "readlink", "dirname", "awk", "sed", "sort", "ls", "cut");
    private static final Duration COMMAND_LIMIT = Duration.ofMinutes(2);

    private static Path release;
    private static String version;
    private static Path tools;
    private static Path work;

    @BeforeAll
    static void unpack() throws Exception {
        Path tarball = Path.of(System.getProperty("newsflow.release", "target/newsflow-unknown.tar.gz"));
        assertThat(tarball).as("the release tarball mvn package builds").isRegularFile();
        String name = tarball.getFileName().toString();
        version = name.substring("newsflow-".length(), name.length() - ".tar.gz".length());

        Path root = TestStack.newDataDir("release");
        Path unpacked = Files.createDirectory(root.resolve("unpacked"));
        // the system tar, as an operator unpacks it (it keeps the launcher's executable bit)
        Process tar = new ProcessBuilder("tar", "xzf", tarball.toAbsolutePath().toString(), "-C", unpacked.toString())
                .redirectErrorStream(true).start();
        assertThat(tar.waitFor(COMMAND_LIMIT.toSeconds(), TimeUnit.SECONDS)).as("tar finished").isTrue();
        assertThat(tar.exitValue()).as(new String(tar.getInputStream().readAllBytes())).isZero();
        release = unpacked.resolve("newsflow-" + version);

        tools = Files.createDirectory(root.resolve("tools"));
        for (String tool : TOOLS) {
            Path real = which(tool);
            Files.createSymbolicLink(tools.resolve(tool), real);
        }
        Files.writeString(tools.resolve("mvn"), "#!/bin/sh\ntouch \"$(dirname \"$0\")/mvn-was-called\"\nexit 99\n");
        Files.setPosixFilePermissions(tools.resolve("mvn"), PosixFilePermissions.fromString("rwxr-xr-x"));
        work = Files.createDirectory(root.resolve("work"));
    }

    @Test
    void theTarballHoldsTheLauncherTheLibrariesASampleConfigurationAndTheLocalStacksDistributions() throws IOException {
        assertThat(release).isDirectory();
        assertThat(Files.isExecutable(release.resolve("bin/newsflow"))).as("bin/newsflow is executable").isTrue();
        assertThat(jarNames()).anyMatch(n -> n.startsWith("newsflow-app-")) // the app
                .anyMatch(n -> n.startsWith("kafka_2.13-"))                // the local Kafka broker
                .anyMatch(n -> n.startsWith("logback-classic-"));
        try (var zips = Files.list(release.resolve("elasticsearch"))) {    // the local Elasticsearch node
            assertThat(zips.map(p -> p.getFileName().toString())).anyMatch(n -> n.matches("elasticsearch-.*\\.zip"));
        }
        try (var plugins = Files.list(release.resolve("es-plugins"))) {    // the analysis plugin that node installs
            assertThat(plugins.map(p -> p.getFileName().toString())).anyMatch(n -> n.matches("newsflow-es-analysis-.*-plugin\\.zip"));
        }
        // the sample configuration is one the loader accepts
        NewsflowConfig sample = ConfigLoader.load(Files.readString(release.resolve("config/newsflow.yaml")), Map.of());
        assertThat(sample.feeds()).isNotEmpty();
        assertThat(release.resolve("systemd/newsflow.service")).isRegularFile();
        assertThat(release.resolve("systemd/newsflow@.service")).isRegularFile();
    }

    @Test
    void versionRunsFromTheUnpackedReleaseWithOnlyAJavaRuntime() throws Exception {
        Run run = newsflow(Map.of(), "--version");

        assertThat(run.exit()).as(run.stderr()).isZero();
        assertThat(run.stdout().strip()).isEqualTo("newsflow " + version);
        assertThat(tools.resolve("mvn-was-called")).doesNotExist();
    }

    @Test
    void parseFeedPrintsTheEntriesOfAFeedFile() throws Exception {
        Path feed = work.resolve("two-items.rss");
        Files.writeString(feed, """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0"><channel>
                  <title>Harbour Gazette</title><link>https://gazette.example/</link><description>news</description>
                  <item><title>Ferry timetable changes</title><link>https://gazette.example/ferry?utm_source=rss</link>
                    <pubDate>Tue, 24 Nov 2026 08:00:00 GMT</pubDate><description>The winter timetable.</description></item>
                  <item><title>Lighthouse reopens</title><link>https://gazette.example/lighthouse</link>
                    <pubDate>Wed, 25 Nov 2026 09:30:00 +0100</pubDate><description>After repairs.</description></item>
                </channel></rss>
                """);

        Run run = newsflow(Map.of(), "parse-feed", feed.toString());

        assertThat(run.exit()).as(run.stderr()).isZero();
        List<JsonNode> entries = new ArrayList<>();
        for (String line : run.stdout().strip().split("\n")) {
            entries.add(Json.mapper().readTree(line));
        }
        assertThat(entries).hasSize(2);
        assertThat(entries.get(0).get("title").asText()).isEqualTo("Ferry timetable changes");
        assertThat(entries.get(0).get("id").asText()).isEqualTo(ArticleIds.forUrl("https://gazette.example/ferry"));
        assertThat(Instant.parse(entries.get(1).get("published").asText())).isEqualTo(Instant.parse("2026-11-25T08:30:00Z"));
        assertThat(tools.resolve("mvn-was-called")).doesNotExist();
    }

    @Test
    void anUnknownCommandIsAnErrorNamingItWithStatus2EvenBesideHelp() throws Exception {
        Run run = newsflow(Map.of(), "nonsense", "--help");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.stderr()).contains("unknown command 'nonsense'");
        assertThat(run.stdout()).isEmpty();
    }

    /**
     * The whole pipeline from the release (the demo, against the test stack's broker and node, on topics and an
     * alias of its own) with {@code NEWSFLOW_LOG_FORMAT=json}: every log line is one JSON object, and the lines
     * about a feed or an article name it with the stage that wrote them.
     */
    @Test
    void jsonLogLinesNameTheStageAndTheFeedOrArticleTheyAreAbout() throws Exception {
        NewsflowConfig stack = TestStack.config();
        String run = "release-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, String> env = new HashMap<>();
        env.put("NEWSFLOW_LOG_FORMAT", "json");
        env.put(TestStack.KAFKA_ENV, stack.kafka().bootstrapServers());
        env.put(TestStack.ELASTICSEARCH_ENV, stack.elasticsearch().url());
        putIfSet(env, "NEWSFLOW_ELASTICSEARCH_USERNAME", stack.elasticsearch().username());
        putIfSet(env, "NEWSFLOW_ELASTICSEARCH_PASSWORD", stack.elasticsearch().password());
        putIfSet(env, "NEWSFLOW_ELASTICSEARCH_API_KEY", stack.elasticsearch().apiKey());
        env.put("NEWSFLOW_KAFKA_TOPIC_PREFIX", "it." + run + ".");
        env.put("NEWSFLOW_KAFKA_GROUP_PREFIX", "it-" + run + "-");
        env.put("NEWSFLOW_ELASTICSEARCH_INDEX", "it-" + run);

        Run demo = newsflow(env, Duration.ofMinutes(7), "demo", "--exit-when-done", "--data-dir", work.resolve(run).toString(),
                "--port", "0", "--site-port", "0", "--timeout", "5m");

        assertThat(demo.exit()).as(demo.stdout() + demo.stderr()).isZero();
        assertThat(demo.stdout()).containsPattern("(\\d+) of the \\1 demo articles searchable"); // progress stays for people
        List<JsonNode> lines = new ArrayList<>();
        for (String line : demo.stderr().split("\n")) {
            JsonNode json = Json.mapper().readTree(line); // throws on a line that is not JSON
            assertThat(json.isObject()).as(line).isTrue();
            assertThat(Instant.parse(json.get("time").asText())).isNotNull();
            assertThat(json.get("level").asText()).isIn("ERROR", "WARN", "INFO");
            assertThat(json.get("logger").asText()).isNotBlank();
            assertThat(json.get("message").asText()).isNotBlank();
            lines.add(json);
        }
        assertThat(lines).anySatisfy(l -> {
            assertThat(l.path("stage").asText()).isEqualTo("ingest");
            assertThat(l.path("feed").asText()).startsWith("http://127.0.0.1:");
            assertThat(l.get("message").asText()).contains(l.path("feed").asText()).contains("entries published");
        });
        assertThat(lines).anySatisfy(l -> {
            assertThat(l.path("stage").asText()).isEqualTo("enrich");
            assertThat(l.path("article").asText()).matches("[0-9a-f]{32}");
            assertThat(l.get("message").asText()).startsWith("article " + l.path("article").asText());
        });
        assertThat(lines).anySatisfy(l -> {
            assertThat(l.path("stage").asText()).isEqualTo("index");
            assertThat(l.get("message").asText()).startsWith("indexed ");
        });
    }

    private record Run(int exit, String stdout, String stderr) {
    }

    private static Run newsflow(Map<String, String> extraEnv, String... args) throws Exception {
        return newsflow(extraEnv, COMMAND_LIMIT, args);
    }

    private static Run newsflow(Map<String, String> extraEnv, Duration limit, String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(release.resolve("bin/newsflow").toString());
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(work.toFile());
        Map<String, String> env = pb.environment();
        env.clear();
        env.put("PATH", tools.toString());
        env.put("HOME", work.toString());
        env.put("NEWSFLOW_JAVA_HOME", System.getProperty("java.home"));
        env.put("NEWSFLOW_JAVA_OPTS", "-Xmx512m");
        env.putAll(extraEnv);
        String id = UUID.randomUUID().toString().substring(0, 8);
        Path out = work.resolve(id + ".out");
        Path err = work.resolve(id + ".err");
        Process process = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(limit.toSeconds(), TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor();
            throw new AssertionError("bin/newsflow " + String.join(" ", args) + " still running after " + limit
                    + "; stderr:\n" + Files.readString(err));
        }
        return new Run(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    private List<String> jarNames() throws IOException {
        try (var jars = Files.list(release.resolve("lib"))) {
            return jars.map(p -> p.getFileName().toString()).toList();
        }
    }

    private static Path which(String tool) {
        for (String dir : System.getenv("PATH").split(":")) {
            Path candidate = Path.of(dir, tool);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        throw new AssertionError(tool + " is not on the PATH of the test; the launcher needs it");
    }

    private static void putIfSet(Map<String, String> env, String name, String value) {
        if (value != null && !value.isEmpty()) {
            env.put(name, value);
        }
    }
}
