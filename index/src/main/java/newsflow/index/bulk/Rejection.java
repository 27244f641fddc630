package newsflow.index.bulk;

/**
 * A document Elasticsearch refused for good.
 *
 * @param errorType Elasticsearch's error type (e.g. {@code mapper_parsing_exception}) or the exception class
 * @param error     the reason, as Elasticsearch gave it
 */
public record Rejection<T>(IndexItem<T> item, int status, String errorType, String error) {
}
