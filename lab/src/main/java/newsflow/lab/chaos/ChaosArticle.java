package newsflow.lab.chaos;

import newsflow.common.url.ArticleIds;

/**
 * One article link a chaos feed carries.
 *
 * @param feedUrl the feed that carries it
 * @param url     the item's link (also its GUID)
 * @param token   unique marker in its title, so a document can be traced back to it whatever happened to the URL
 * @param kind    what is hostile about it, null for a legitimate article
 */
record ChaosArticle(String feedUrl, String url, String token, HostileKind kind) {

    /**
     * The id the pipeline gives the article (its Kafka key and Elasticsearch document id), as ingest assigns it:
     * from the link, or from feed and GUID for a link that cannot be canonicalised ({@code http://0x7f.1:…}).
     */
    String id() {
        try {
            return ArticleIds.forUrl(url);
        } catch (IllegalArgumentException notCanonicalisable) {
            return ArticleIds.forGuid(feedUrl, url);
        }
    }

    boolean legitimate() {
        return kind == null;
    }
}
