package newsflow.enrich.watch;

/**
 * A query in the watch-topic syntax ({@link WatchQueryParser}: {@code AND OR NOT ( ) "phrase" -word}) used as a yes/no
 * condition by another tagger: an operator rule's term that needs words together or a word absent. One syntax for
 * both, so an operator learns it once. Immutable and thread-safe.
 */
public final class WatchCondition {

    private final WatchQuery query;

    private WatchCondition(WatchQuery query) {
        this.query = query;
    }

    /**
     * @param what  names the query's owner in error messages, e.g. {@code topic "sport", term 3}
     * @throws WatchQueryException naming {@code what} and the character position when the query does not parse or
     *                             only excludes words
     */
    public static WatchCondition parse(String what, String query) {
        return new WatchCondition(WatchQueryParser.parseFor(what, query));
    }

    public boolean matches(ArticleTokens article) {
        return query.matches(article);
    }
}
