package newsflow.lab.arch.cycle.a;

import newsflow.lab.arch.cycle.b.Downstream;

/** Half of a deliberate package cycle (with {@link Downstream}): the fixture that proves the cycle rule bites. */
public final class Upstream {
    public Downstream next() {
        return new Downstream();
    }
}
