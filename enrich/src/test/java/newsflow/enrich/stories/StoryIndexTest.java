package newsflow.enrich.stories;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class StoryIndexTest {

    private static final String WIRE = """
            The harbour authority said on Tuesday that the north breakwater would close to walkers for six weeks from
            Monday while contractors replace storm-damaged capping stones along its outer edge. Fishing boats will
            still use the inner basin, and the lifeboat station keeps its slipway open throughout the works, which
            the authority expects to cost about two million pounds. Engineers found the damage after the January
            gales, when waves lifted several of the granite blocks and dropped them onto the walkway below.""";
    private static final String SAME_SUBJECT_OTHER_STORY = """
            Walkers on the north breakwater told the council on Thursday that they want a temporary path along the
            beach while the works go on, and the harbour users' group asked for the fishing market to open an hour
            earlier so that boats can land before the contractors' barges arrive each morning in the spring.""";
    private static final Instant T = Instant.parse("2026-11-24T08:00:00Z");

    @Test
    void wireCopyRepublishedWithSmallEditsJoinsTheFirstArticlesStory() {
        StoryIndex index = new StoryIndex(1000);
        assertThat(index.assign("first", SimHash.of(WIRE), T)).isEqualTo("first");

        String republished = "HARBOUR TOWN (Coast News Agency) - " + WIRE.replace("on Tuesday", "this week");
        assertThat(SimHash.distance(SimHash.of(WIRE), SimHash.of(republished))).isLessThanOrEqualTo(StoryIndex.MAX_DISTANCE);
        assertThat(index.assign("second", SimHash.of(republished), T.plusSeconds(900))).isEqualTo("first");
    }

    @Test
    void aDifferentStoryOnTheSameSubjectHeadsItsOwn() {
        StoryIndex index = new StoryIndex(1000);
        index.assign("first", SimHash.of(WIRE), T);
        assertThat(index.assign("other", SimHash.of(SAME_SUBJECT_OTHER_STORY), T)).isEqualTo("other");
    }

    @Test
    void anArticleSeenAgainKeepsItsStoryAndLearnedStoriesAreJoined() {
        StoryIndex index = new StoryIndex(1000);
        index.learn("elsewhere", SimHash.of(WIRE), "head-on-another-instance", T);
        assertThat(index.assign("mine", SimHash.of(WIRE), T.plusSeconds(60))).isEqualTo("head-on-another-instance");
        assertThat(index.assign("mine", SimHash.of(SAME_SUBJECT_OTHER_STORY), T)).isEqualTo("head-on-another-instance");
    }

    @Test
    void tooShortTextsAreNeverGroupedAndMemoryIsBounded() {
        StoryIndex index = new StoryIndex(2);
        assertThat(SimHash.of("Too short")).isZero();
        assertThat(index.assign("a", 0L, T)).isEqualTo("a");
        assertThat(index.assign("b", 0L, T)).isEqualTo("b");
        index.assign("c", SimHash.of(WIRE), T);
        index.assign("d", SimHash.of(SAME_SUBJECT_OTHER_STORY), T);
        assertThat(index.size()).isEqualTo(2);
    }
}
