package newsflow.app.run;

import newsflow.app.Main;
import newsflow.common.config.ConfigLoader;
import newsflow.common.config.NewsflowConfig;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The systemd units under deploy/systemd read as systemd reads them (sections of key=value lines), run the
 * release's launcher with a command line the CLI accepts, as an unprivileged user, restarted on failure, logging to
 * the journal, watched through /health.
 */
class SystemdUnitsTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path UNITS = ROOT.resolve("deploy/systemd");
    /** Where docs/operations.md installs the release; its bin/ is the release's, src/release/bin here. */
    private static final String INSTALLED = "/opt/newsflow/";
    private static final Path RELEASE_BIN = ROOT.resolve("app/src/release/bin");
    private static final Set<String> SECTIONS = Set.of("Unit", "Service", "Timer", "Install");

    @Test
    void everyUnitFileIsSectionsOfKeyValueLines() throws IOException {
        List<Path> files = unitFiles();
        assertThat(files).extracting(p -> p.getFileName().toString()).contains("newsflow.service", "newsflow@.service",
                "newsflow-stack.service", "newsflow-watchdog@.service", "newsflow-watchdog@.timer");
        for (Path file : files) {
            Map<String, Map<String, List<String>>> unit = parse(file);
            assertThat(unit).as(file.toString()).containsKey("Unit");
            assertThat(unit.get("Unit")).as(file + " [Unit]").containsKey("Description");
        }
    }

    @Test
    void theServicesRunTheReleaseLauncherUnprivilegedRestartedOnFailureIntoTheJournal() throws IOException {
        for (String name : List.of("newsflow.service", "newsflow@.service", "newsflow-stack.service")) {
            Map<String, List<String>> service = parse(UNITS.resolve(name)).get("Service");
            assertThat(one(service, "User")).as(name).isEqualTo("newsflow");
            assertThat(one(service, "Group")).as(name).isEqualTo("newsflow");
            assertThat(one(service, "Restart")).as(name).isEqualTo("on-failure");
            assertThat(one(service, "StandardError")).as(name).isEqualTo("journal");
            assertThat(one(service, "NoNewPrivileges")).as(name).isEqualTo("yes");
            assertThat(one(service, "SuccessExitStatus")).as(name + ": SIGTERM's exit is a clean stop").isEqualTo("143");
            assertThat(words(one(service, "ExecStart")).getFirst()).as(name).isEqualTo(INSTALLED + "bin/newsflow");
            assertThat(words(one(service, "ExecStartPost"))).as(name + ": started once /health answers")
                    .containsExactly(INSTALLED + "bin/newsflow-watchdog", "await");
            for (String command : List.of(one(service, "ExecStart"), one(service, "ExecStartPost"))) {
                Path launcher = RELEASE_BIN.resolve(Path.of(words(command).getFirst()).getFileName());
                assertThat(Files.isExecutable(launcher)).as(launcher + " ships executable in the release's bin/").isTrue();
            }
            assertThat(parse(UNITS.resolve(name)).get("Install").get("WantedBy")).containsExactly("multi-user.target");
        }
        // the assembly puts src/release/bin at bin/ of the release
        assertThat(Files.readString(ROOT.resolve("app/src/assembly/release.xml")))
                .contains("<directory>src/release/bin</directory>\n      <outputDirectory>bin</outputDirectory>");
    }

    @Test
    void theAllStagesUnitRunsEveryStageOnTheInstalledConfiguration() throws IOException {
        ParseResult run = newsflowCommandLine(parse(UNITS.resolve("newsflow.service")).get("Service"), null);

        assertThat(run.subcommand().commandSpec().name()).isEqualTo("run");
        assertThat(run.subcommand().matchedOptionValue("--config", (Path) null)).isEqualTo(Path.of("/etc/newsflow/newsflow.yaml"));
        assertThat(run.subcommand().hasMatchedOption("--stages")).as("no --stages: every stage").isFalse();
    }

    @Test
    void theTemplateRunsTheStageItIsInstantiatedForOnItsOwnPort() throws IOException {
        Map<String, List<String>> service = parse(UNITS.resolve("newsflow@.service")).get("Service");
        assertThat(service.get("EnvironmentFile")).containsExactly("/etc/newsflow/newsflow.env", "-/etc/newsflow/%N.env");
        Set<Integer> ports = new HashSet<>();
        for (StageName stage : StageName.values()) {
            String instance = stage.name().toLowerCase();
            ParseResult run = newsflowCommandLine(service, instance);
            assertThat(run.subcommand().commandSpec().name()).isEqualTo("run");
            String stages = run.subcommand().matchedOptionValue("--stages", "");
            assertThat(StageName.parse(stages)).containsExactly(stage);

            // the instance's environment (newsflow.env with its addresses set, then newsflow@<stage>.env) is valid
            Map<String, String> env = new HashMap<>(envFile(UNITS.resolve("newsflow.env")));
            env.put("NEWSFLOW_KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092");
            env.put("NEWSFLOW_ELASTICSEARCH_URL", "http://127.0.0.1:9200");
            env.putAll(envFile(UNITS.resolve("newsflow@" + instance + ".env")));
            NewsflowConfig config = ConfigLoader.load(Files.readString(ROOT.resolve("deploy/newsflow.yaml")), env);
            ports.add(config.server().port());
        }
        assertThat(ports).as("one server.port per stage, so every stage runs on one machine").hasSize(StageName.values().length);
    }

    @Test
    void theWatchdogTimerProbesItsUnitWhileItRunsAndItsServiceRestartsIt() throws IOException {
        Map<String, Map<String, List<String>>> timer = parse(UNITS.resolve("newsflow-watchdog@.timer"));
        assertThat(one(timer.get("Unit"), "PartOf")).isEqualTo("%i.service");
        assertThat(one(timer.get("Install"), "WantedBy")).isEqualTo("%i.service");
        assertThat(one(timer.get("Timer"), "OnUnitActiveSec")).isEqualTo("30");

        Map<String, List<String>> service = parse(UNITS.resolve("newsflow-watchdog@.service")).get("Service");
        assertThat(one(service, "Type")).isEqualTo("oneshot");
        assertThat(words(one(service, "ExecStart"))).containsExactly(INSTALLED + "bin/newsflow-watchdog", "check", "%i.service");
        // it reads the same environment as the unit it watches, so it probes the same port
        assertThat(service.get("EnvironmentFile")).containsExactly("-/etc/newsflow/newsflow.env", "-/etc/newsflow/%i.env");
        assertThat(Files.readString(RELEASE_BIN.resolve("newsflow-watchdog")))
                .contains("/health").contains("systemctl restart");
    }

    /** ExecStart's arguments after the launcher, with %i replaced, parsed by the real command tree. */
    private static ParseResult newsflowCommandLine(Map<String, List<String>> service, String instance) {
        List<String> words = words(one(service, "ExecStart"));
        String[] args = words.subList(1, words.size()).stream()
                .map(w -> instance == null ? w : w.replace("%i", instance)).toArray(String[]::new);
        assertThat(Arrays.asList(args)).noneMatch(a -> a.contains("%"));
        ParseResult parsed = new CommandLine(new Main()).parseArgs(args);
        assertThat(parsed.unmatched()).isEmpty();
        return parsed;
    }

    private static String one(Map<String, List<String>> section, String key) {
        assertThat(section).as("has " + key).containsKey(key);
        assertThat(section.get(key)).as(key).hasSize(1);
        return section.get(key).getFirst();
    }

    private static List<String> words(String command) {
        return List.of(command.strip().split("\\s+"));
    }

    private static List<Path> unitFiles() throws IOException {
        try (var files = Files.list(UNITS)) {
            return files.filter(f -> f.toString().endsWith(".service") || f.toString().endsWith(".timer")).sorted().toList();
        }
    }

    /**
     * systemd's unit file syntax as these files use it: {@code [Section]} headers, {@code Key=Value} lines (a key
     * may repeat), {@code #} comments and blank lines; no line continuations. Anything else fails the test.
     */
    static Map<String, Map<String, List<String>>> parse(Path file) throws IOException {
        Map<String, Map<String, List<String>>> sections = new LinkedHashMap<>();
        Map<String, List<String>> current = null;
        int number = 0;
        for (String line : Files.readAllLines(file)) {
            number++;
            String where = file.getFileName() + ":" + number + ": " + line;
            String text = line.strip();
            if (text.isEmpty() || text.startsWith("#") || text.startsWith(";")) {
                continue;
            }
            assertThat(text).as(where + " (no continuation lines)").doesNotEndWith("\\");
            if (text.startsWith("[")) {
                assertThat(text).as(where).matches("\\[[A-Za-z]+]");
                String name = text.substring(1, text.length() - 1);
                assertThat(SECTIONS).as(where).contains(name);
                assertThat(sections).as(where + " (section repeated)").doesNotContainKey(name);
                current = new LinkedHashMap<>();
                sections.put(name, current);
                continue;
            }
            assertThat(current).as(where + " (a key before any section)").isNotNull();
            int eq = text.indexOf('=');
            assertThat(eq).as(where + " (Key=Value)").isPositive();
            String key = text.substring(0, eq).strip();
            assertThat(key).as(where).matches("[A-Za-z][A-Za-z0-9]*");
            current.computeIfAbsent(key, k -> new ArrayList<>()).add(text.substring(eq + 1).strip());
        }
        return sections;
    }

    /** KEY=VALUE lines of an EnvironmentFile, comments and blank lines skipped. */
    private static Map<String, String> envFile(Path file) throws IOException {
        Map<String, String> env = new HashMap<>();
        for (String line : Files.readAllLines(file)) {
            String text = line.strip();
            if (text.isEmpty() || text.startsWith("#")) {
                continue;
            }
            int eq = text.indexOf('=');
            assertThat(eq).as(file + ": " + line).isPositive();
            env.put(text.substring(0, eq), text.substring(eq + 1));
        }
        return env;
    }
}
