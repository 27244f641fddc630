package newsflow.index.bulk;

import newsflow.index.document.ArticleDocument;

/**
 * One document to write, with whatever the caller needs to account for it afterwards ({@code origin}, for
 * example the Kafka record to dead-letter if Elasticsearch refuses the document).
 */
public record IndexItem<T>(String index, ArticleDocument document, T origin) {

    public String id() {
        return document.id();
    }
}
