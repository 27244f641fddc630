package newsflow.app.cli;

import newsflow.common.config.ConfigLoader;
import newsflow.common.config.NewsflowConfig;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** Options every command that needs the configuration shares (the lab's benchmarks too). */
public final class ConfigOptions {

    @Option(names = {"-c", "--config"}, paramLabel = "FILE",
            description = "YAML configuration (defaults apply to what it leaves out; NEWSFLOW_* env vars override)")
    Path config;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "where the embedded local stack keeps its data (default ./data)")
    Path dataDir;

    public NewsflowConfig load() {
        NewsflowConfig loaded = ConfigLoader.load(config);
        return dataDir == null ? loaded : loaded.withDataDir(dataDir.toString());
    }
}
