package newsflow.lab.bench;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

class ProcessTreeTest {

    private static String stat(String comm) {
        return "4242 (" + comm + ") S 1 4242 4242 0 -1 4194368 100 0 0 0 150 25 0 0 20 0 30 0 1000 0 0";
    }

    @Test
    void jitCompilerThreadsAreToldApartByTheirNames() {
        assertThat(ProcessTree.isCompilerThread(stat("C2 CompilerThre"))).isTrue();
        assertThat(ProcessTree.isCompilerThread(stat("C1 CompilerThre"))).isTrue();
        assertThat(ProcessTree.isCompilerThread(stat("GC Thread#0"))).isFalse();
        assertThat(ProcessTree.isCompilerThread(stat("ForkJoinPool-1-"))).isFalse();
        assertThat(ProcessTree.isCompilerThread(stat("a) C2 CompilerThre"))).as("the name is what the parentheses hold").isFalse();
        assertThat(ProcessTree.parseTicks(stat("C2 CompilerThre"))).isEqualTo(175);
    }

    @Test
    void aCompilerThreadThatExitedKeepsTheCpuItWasSeenWith() {
        // as if a compiler thread of this JVM had been seen with 300 ticks and had exited since
        Map<String, Long> seen = new ConcurrentHashMap<>(Map.of("1/99999@0", 300L));
        ProcessTree self = new ProcessTree("self", ProcessHandle.current().pid(), seen);

        long first = self.jitCpuMillis();
        assertThat(first).isGreaterThanOrEqualTo(3000);
        assertThat(self.jitCpuMillis()).isGreaterThanOrEqualTo(first);
        assertThat(ProcessTree.startTime(stat("C2 CompilerThre"))).as("field 22").isEqualTo("1000");
    }
}
