package newsflow.search.query;

/**
 * {@code q} is not a well-formed query. The message says what was expected; {@link #position()} is the 0-based
 * character offset in {@code q} where the problem is, so a client can point at it.
 */
public final class QuerySyntaxException extends IllegalArgumentException {

    private final int position;

    public QuerySyntaxException(int position, String problem) {
        super("syntax error in 'q' at position " + position + ": " + problem);
        this.position = position;
    }

    public int position() {
        return position;
    }
}
