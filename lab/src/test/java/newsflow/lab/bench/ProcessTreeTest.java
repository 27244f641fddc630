package newsflow.lab.bench;

import org.junit.jupiter.api.Test;

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
}
