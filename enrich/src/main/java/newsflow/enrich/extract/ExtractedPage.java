package newsflow.enrich.extract;

import newsflow.common.model.Extraction.PageFlag;
import newsflow.common.model.FieldSources;

/**
 * What {@link ArticleExtractor} found on one page.
 *
 * @param metadata     what the page says about its article
 * @param body         main text: paragraphs separated by a blank line, list items and table rows on their own lines;
 *                     empty when the page has none
 * @param fieldSources per field with a value, the metadata's and the body's, where it came from: {@code JSON_LD},
 *                     {@code META}, {@code HTML} or {@code HEURISTIC} ({@code AMP} or {@code PRINT} for what a shell
 *                     page took from its alternate version)
 * @param stub         set when the page is a paywall or consent wall with little text ({@link PageStubs}), else null
 */
public record ExtractedPage(Metadata metadata, String body, FieldSources fieldSources, PageFlag stub) {

    /** No page to extract from: no metadata, no text. */
    public static final ExtractedPage NONE = new ExtractedPage(Metadata.NONE, "", FieldSources.NONE, null);

    public ExtractedPage {
        metadata = metadata == null ? Metadata.NONE : metadata;
        body = body == null ? "" : body;
        fieldSources = fieldSources == null ? FieldSources.NONE : fieldSources;
    }
}
