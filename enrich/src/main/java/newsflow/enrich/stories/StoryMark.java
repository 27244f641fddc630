package newsflow.enrich.stories;

import newsflow.common.json.Json;

import java.time.Instant;

/**
 * What a story-state record holds for one article (its key is the article id): all {@link StoryIndex} needs to
 * group later articles with it, about a hundred bytes where the article itself is kilobytes.
 *
 * @param simhash   the body's {@link SimHash}, 0 when too short to fingerprint
 * @param storyId   the story it was given
 * @param published when it was published (its processing time when the page did not say)
 */
public record StoryMark(long simhash, String storyId, Instant published) {

    public byte[] encode() {
        return Json.writeBytes(this);
    }

    /** @throws IllegalArgumentException when the bytes are not a mark with a story id */
    public static StoryMark decode(byte[] bytes) {
        StoryMark mark;
        try {
            mark = Json.read(bytes, StoryMark.class);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        if (mark.storyId() == null || mark.storyId().isBlank()) {
            throw new IllegalArgumentException("story mark without a story id");
        }
        return mark;
    }
}
