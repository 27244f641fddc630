package newsflow.app.run;

import com.fasterxml.jackson.databind.JsonNode;
import newsflow.app.Main;
import newsflow.app.cli.NewsflowVersion;
import newsflow.common.json.Json;
import org.yaml.snakeyaml.Yaml;
import newsflow.common.config.ConfigLoader;
import newsflow.common.config.NewsflowConfig;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No Docker engine runs here, so the compose file is kept right by reading it: every service the product
 * needs is there, and the newsflow services start real commands on a configuration the loader accepts.
 */
class DockerComposeFileTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @Test
    void declaresTheStackAndEveryStage() throws IOException {
        JsonNode services = compose().get("services");
        assertThat(names(services)).contains("kafka", "elasticsearch", "kibana", "ingest", "enrich", "index", "search", "alerts");
        assertThat(services.get("kafka").get("environment").get("KAFKA_PROCESS_ROLES").asText()).isEqualTo("broker,controller");
        assertThat(services.get("elasticsearch").get("image").asText()).endsWith(":9.2.4");
        assertThat(services.get("kibana").get("image").asText()).endsWith(":9.2.4");
    }

    @Test
    void newsflowServicesRunOneStageEachOnTheSharedConfiguration() throws IOException {
        JsonNode services = compose().get("services");
        for (String stage : List.of("ingest", "enrich", "index", "search", "alerts")) {
            JsonNode service = services.get(stage);
            List<String> command = new ArrayList<>();
            service.get("command").forEach(n -> command.add(n.asText()));
            // the image's entrypoint is newsflow.app.Main (below): the command is its arguments, parsed as the CLI does
            ParseResult parsed = new CommandLine(new Main()).parseArgs(command.toArray(String[]::new));
            assertThat(parsed.unmatched()).isEmpty();
            assertThat(parsed.subcommand().commandSpec().name()).isEqualTo("run");
            String stages = command.get(command.indexOf("--stages") + 1);
            assertThat(StageName.parse(stages)).containsExactly(StageName.valueOf(stage.toUpperCase()));

            String configPath = command.get(command.indexOf("--config") + 1);
            String mounted = mountedSource(service, configPath);
            assertThat(ROOT.resolve(mounted)).exists();

            Map<String, String> env = new HashMap<>();
            service.get("environment").fields().forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText()));
            NewsflowConfig config = ConfigLoader.load(Files.readString(ROOT.resolve(mounted)), env);
            assertThat(config.kafka().bootstrapServers()).isEqualTo("kafka:9092");
            assertThat(config.elasticsearch().url()).isEqualTo("http://elasticsearch:9200");
            assertThat(config.feeds()).isNotEmpty();
        }
    }

    @Test
    void newsflowServicesRunTheImageThisVersionBuildsNotTheBuildOutput() throws IOException {
        JsonNode services = compose().get("services");
        String pom = Files.readString(ROOT.resolve("app/pom.xml"));
        // the image the image profile builds (Jib), named after the project version, with Main as its entrypoint
        assertThat(pom).contains("<newsflow.image>newsflow:${project.version}</newsflow.image>")
                .contains("<mainClass>newsflow.app.Main</mainClass>");
        for (String stage : List.of("ingest", "enrich", "index", "search", "alerts")) {
            JsonNode service = services.get(stage);
            assertThat(service.get("image").asText()).isEqualTo("newsflow:" + NewsflowVersion.version());
            assertThat(service.get("pull_policy").asText()).isEqualTo("never");
            for (JsonNode volume : service.get("volumes")) {
                assertThat(volume.asText()).as("mounts nothing from a build").doesNotContain("target");
            }
        }
    }

    @Test
    void aOneShotServiceImportsTheKibanaSavedObjectsOnceKibanaIsHealthy() throws IOException {
        JsonNode services = compose().get("services");
        JsonNode kibana = services.get("kibana");
        JsonNode setup = services.get("kibana-setup");

        assertThat(kibana.at("/healthcheck/test").toString()).contains("/api/status");
        assertThat(setup.get("image").asText()).isEqualTo(kibana.get("image").asText());
        assertThat(setup.at("/depends_on/kibana/condition").asText()).isEqualTo("service_healthy");
        assertThat(setup.get("restart").asText()).isEqualTo("no");
        String script = setup.get("command").get(0).asText();
        assertThat(script).contains("http://kibana:5601/api/saved_objects/_import?overwrite=true")
                .contains("kbn-xsrf").contains("/newsflow-kibana/*.ndjson").contains("\"success\":true");
        String mounted = mountedSource(setup, "/newsflow-kibana");
        try (var files = Files.list(ROOT.resolve(mounted))) {
            assertThat(files.map(f -> f.getFileName().toString())).contains("newsflow.ndjson");
        }
    }

    private static String mountedSource(JsonNode service, String containerPath) {
        for (JsonNode volume : service.get("volumes")) {
            String[] parts = volume.asText().split(":");
            if (parts[1].equals(containerPath)) {
                return parts[0];
            }
        }
        throw new AssertionError("nothing is mounted at " + containerPath);
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static JsonNode compose() throws IOException {
        // SnakeYAML's object loader resolves anchors and merge keys (<<: *newsflow) the way Compose does;
        // Jackson's streaming YAML parser does not
        Object document = new Yaml().load(Files.readString(ROOT.resolve("docker-compose.yml")));
        return Json.mapper().valueToTree(document);
    }
}
