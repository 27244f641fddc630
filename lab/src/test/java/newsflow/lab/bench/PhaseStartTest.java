package newsflow.lab.bench;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class PhaseStartTest {

    private final AtomicLong cpu = new AtomicLong(100);

    @Test
    void startsAtTheLastSampleThatSawNoItem() {
        PhaseStart<Long> start = new PhaseStart<>(cpu::get);
        cpu.set(140);
        start.sample(1_000, 0);
        cpu.set(170);
        start.sample(2_000, 0);
        cpu.set(400);
        start.sample(3_000, 36); // every item came within this interval
        cpu.set(900);
        start.sample(4_000, 50);

        assertThat(start.nanos()).isEqualTo(2_000);
        assertThat(start.readings()).as("the counters read with that sample").isEqualTo(170L);
    }

    @Test
    void aFirstSampleThatSeesItemsKeepsTheReadingsTakenAtConstruction() {
        PhaseStart<Long> start = new PhaseStart<>(cpu::get);
        long built = System.nanoTime();
        cpu.set(300);
        start.sample(built + 1_000_000_000L, 10);

        assertThat(start.readings()).isEqualTo(100L);
        assertThat(start.nanos()).isLessThanOrEqualTo(built);
    }
}
