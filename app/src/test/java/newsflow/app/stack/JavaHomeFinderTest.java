package newsflow.app.stack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The finder on fake Java homes: a {@code bin/java} script and a {@code release} file are all it reads. */
class JavaHomeFinderTest {

    @TempDir
    Path dir;

    private Path jdk(String path, String version) throws IOException {
        Path home = dir.resolve(path);
        Path java = Files.createDirectories(home.resolve("bin")).resolve("java");
        Files.writeString(java, "#!/bin/sh\nexit 1\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(home.resolve("release"), "IMPLEMENTOR=\"test\"\nJAVA_VERSION=\"" + version + "\"\n");
        return home;
    }

    private JavaHomeFinder finder(Map<String, String> env, Path running, int runningVersion) {
        return new JavaHomeFinder(env::get, running, runningVersion, List.of(dir.resolve("jvm"), dir.resolve("missing-root")));
    }

    @Test
    void newsflowJavaHomeComesFirst() throws IOException {
        Path chosen = jdk("chosen", "22.0.1");
        Path other = jdk("other", "25");
        Path running = jdk("running", "25");

        assertThat(finder(Map.of("NEWSFLOW_JAVA_HOME", chosen.toString(), "JAVA_HOME", other.toString()), running, 25).find())
                .isEqualTo(chosen);
        assertThat(finder(Map.of("JAVA_HOME", other.toString()), running, 25).find()).isEqualTo(other);
    }

    @Test
    void tooOldVariablesAreSkippedForTheRunningJvm() throws IOException {
        Path old = jdk("old", "1.8.0_402");
        Path running = jdk("running", "21.0.5");

        assertThat(finder(Map.of("JAVA_HOME", old.toString()), running, 21).find()).isEqualTo(running);
    }

    @Test
    void theNewestQualifyingInstalledJdkWhenTheRunningJvmIsTooOld() throws IOException {
        Path running = jdk("running", "17.0.2");
        jdk("jvm/java-17-openjdk", "17.0.9");
        jdk("jvm/java-21-openjdk", "21.0.4");
        Path newest = jdk("jvm/temurin-25", "25.0.1");
        Files.createDirectories(dir.resolve("jvm/empty-dir"));

        assertThat(finder(Map.of(), running, 17).find()).isEqualTo(newest);
    }

    @Test
    void macBundlesAreLookedIntoForTheirHome() throws IOException {
        Path running = jdk("running", "17");
        Path home = jdk("jvm/temurin-21.jdk/Contents/Home", "21.0.1");

        assertThat(finder(Map.of(), running, 17).find()).isEqualTo(home);
    }

    @Test
    void noneFoundNamesWhatWasLookedAtAndTheVariable() throws IOException {
        Path running = jdk("running", "17");
        jdk("jvm/java-11", "11.0.2");
        Path notAJdk = Files.createDirectories(dir.resolve("not-a-jdk"));

        assertThatThrownBy(() -> finder(Map.of("JAVA_HOME", notAJdk.toString()), running, 17).find())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Elasticsearch needs Java 21 or newer")
                .hasMessageContaining("JAVA_HOME=" + notAJdk + " (no executable bin/java)")
                .hasMessageContaining("this JVM " + running + " (Java 17)")
                .hasMessageContaining(dir.resolve("jvm") + "/*")
                .hasMessageContaining("Set NEWSFLOW_JAVA_HOME");
    }
}
