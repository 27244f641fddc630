package newsflow.lab.chaos;

import java.nio.file.Path;
import java.time.Duration;

/**
 * What a chaos run does.
 *
 * @param articles       legitimate articles the feeds carry
 * @param hostilePerKind hostile links per {@link HostileKind}
 * @param nestingDepth   {@code <div><span>} levels of the deep-nesting pages
 * @param killEvery      time between kills (after the previous restart completed)
 * @param kills          kills to make, 0: one every {@code killEvery} until every article is accounted for
 * @param seed           seeds the kill schedule and the articles' text
 * @param dataDir        where the broker, the node and the stages keep their data and logs (new or empty)
 * @param home           the app's packaged layout (lib/ and elasticsearch/)
 * @param totalTimeout   {@code http.totalTimeout} of the stages
 * @param timeout        how long the run may take before it gives up waiting for the articles
 */
public record ChaosOptions(int articles, int hostilePerKind, int nestingDepth, Duration killEvery, int kills, long seed,
                           Path dataDir, Path home, Duration totalTimeout, Duration timeout) {

    public ChaosOptions {
        if (articles < 1 || hostilePerKind < 0 || nestingDepth < 1 || kills < 0) {
            throw new IllegalArgumentException("articles and nesting must be positive, hostile links and kills not negative");
        }
        if (killEvery.isNegative() || killEvery.isZero() || totalTimeout.isNegative() || totalTimeout.isZero()) {
            throw new IllegalArgumentException("--kill-every and --total-timeout must be positive");
        }
    }
}
