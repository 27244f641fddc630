package newsflow.common.config;

import java.util.List;

/**
 * The configuration cannot be used; {@link #problems()} lists every problem found, each as
 * {@code key: what is wrong}, and the message shows them all so the operator fixes them in one go.
 */
public final class InvalidConfigException extends IllegalArgumentException {

    private final List<String> problems;

    public InvalidConfigException(List<String> problems) {
        super("invalid configuration (" + problems.size() + (problems.size() == 1 ? " problem" : " problems") + "):\n  - "
                + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
