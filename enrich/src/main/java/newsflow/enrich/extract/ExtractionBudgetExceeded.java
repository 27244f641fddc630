package newsflow.enrich.extract;

import java.time.Duration;

/** Extraction of a page ran past its {@link ExtractionBudget}; the message says in which pass. */
public final class ExtractionBudgetExceeded extends RuntimeException {

    private final String pass;

    ExtractionBudgetExceeded(String pass, Duration allowance) {
        super("page extraction stopped: over its " + allowance.toMillis() + " ms budget in " + pass, null, false, false);
        this.pass = pass;
    }

    /** The pass that was running when the budget ran out. */
    public String pass() {
        return pass;
    }
}
