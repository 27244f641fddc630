package newsflow.lab.arch.cycle.b;

import newsflow.lab.arch.cycle.a.Upstream;

/** The other half of the deliberate package cycle: it uses {@link Upstream}, which uses it. */
public final class Downstream {
    public Upstream back() {
        return new Upstream();
    }
}
