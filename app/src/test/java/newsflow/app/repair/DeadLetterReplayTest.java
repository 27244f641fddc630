package newsflow.app.repair;

import newsflow.common.kafka.Topics;
import newsflow.common.model.DeadLetter;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which dead letters a replay republishes, and why it leaves the others. */
class DeadLetterReplayTest {

    private static final Topics TOPICS = new Topics("nf.entries", "nf.articles", "nf.dead-letter", "nf.feed-state", "nf.feeds",
            "nf.saved-searches", "nf.alerts", "nf.alert-deliveries", "nf.story-state");
    private static final Instant T = Instant.parse("2026-05-01T00:00:00Z");

    private static StoredDeadLetter letter(long offset, String topic, int sourceOffset, String payload, boolean truncated) {
        return new StoredDeadLetter(0, offset, new DeadLetter(1, "enrich", topic, 2, sourceOffset, "key-" + sourceOffset,
                payload, "fetch: boom", "x", T, truncated));
    }

    @Test
    void republishesCompleteRecordsOfTheStagesInputsOnceEach() {
        List<StoredDeadLetter> letters = List.of(
                letter(0, "nf.entries", 10, "{\"a\":1}", false),
                letter(1, "nf.articles", 11, "{\"b\":1}", false),
                letter(2, "nf.entries", 10, "{\"a\":1}", false),   // the same record dead-lettered twice
                letter(3, "nf.entries", 12, "{\"cut", true),
                letter(4, "nf.entries", 13, null, false),
                letter(5, null, -1, "{}", false),
                letter(6, "other.entries", 14, "{}", false));

        DeadLetterReplay.Outcome plan = DeadLetterReplay.plan(TOPICS, letters);

        assertThat(plan.replayed()).containsOnlyKeys("0@0", "0@1").containsEntry("0@0", "nf.entries")
                .containsEntry("0@1", "nf.articles");
        assertThat(plan.skipped()).containsOnlyKeys("0@2", "0@3", "0@4", "0@5", "0@6");
        assertThat(plan.skipped().get("0@2")).contains("same record as dead letter 0@0");
        assertThat(plan.skipped().get("0@3")).contains("truncated");
        assertThat(plan.skipped().get("0@4")).contains("tombstone");
        assertThat(plan.skipped().get("0@5")).contains("did not come from Kafka");
        assertThat(plan.skipped().get("0@6")).contains("other.entries").contains("kafka.topicPrefix");
    }

    @Test
    void queryMatchesOnEveryCriterionGivenAndRejectsMalformedIds() {
        StoredDeadLetter d = letter(7, "nf.entries", 10, "{}", false);
        assertThat(new DeadLetterQuery(null, null, Set.of(), null).matches(d)).isTrue();
        assertThat(new DeadLetterQuery("enrich", T, Set.of("0@7"), "key-10").matches(d)).isTrue();
        assertThat(new DeadLetterQuery("index", null, Set.of(), null).matches(d)).isFalse();
        assertThat(new DeadLetterQuery(null, T.plusSeconds(1), Set.of(), null).matches(d)).isFalse();
        assertThat(new DeadLetterQuery(null, null, Set.of("0@8"), null).matches(d)).isFalse();
        assertThat(new DeadLetterQuery(null, null, Set.of(), "key-11").matches(d)).isFalse();
        assertThatThrownBy(() -> new DeadLetterQuery(null, null, Set.of("7"), null))
                .hasMessageContaining("not a dead-letter id").hasMessageContaining("0@17");
    }
}
