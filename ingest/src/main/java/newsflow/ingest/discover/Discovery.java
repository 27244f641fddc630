package newsflow.ingest.discover;

import java.util.List;

/**
 * What autodiscovery found for a site.
 *
 * @param site     the URL asked about
 * @param feeds    verified feeds, best first (the site's own alternate links in page order, then common paths)
 * @param rejected candidates tried that are no feed, with the reason
 */
public record Discovery(String site, List<DiscoveredFeed> feeds, List<Rejected> rejected) {

    public Discovery {
        feeds = List.copyOf(feeds);
        rejected = List.copyOf(rejected);
    }
}
