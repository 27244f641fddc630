package newsflow.ingest.opml;

import newsflow.common.config.FeedConfig;

import java.util.List;

/**
 * The feeds an OPML file subscribes to.
 *
 * @param feeds   one per distinct feed URL, in document order
 * @param skipped outlines with a feed URL that could not be taken, each with the reason
 */
public record OpmlImport(List<FeedConfig> feeds, List<Skipped> skipped) {

    /**
     * @param xmlUrl the outline's feed URL as written
     * @param reason why it was left out
     */
    public record Skipped(String xmlUrl, String reason) {
    }

    public OpmlImport {
        feeds = List.copyOf(feeds);
        skipped = List.copyOf(skipped);
    }
}
