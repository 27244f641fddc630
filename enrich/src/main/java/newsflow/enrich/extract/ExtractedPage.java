package newsflow.enrich.extract;

import newsflow.common.model.Extraction.PageFlag;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What {@link ArticleExtractor} found on one page. Fields are null (lists empty) when the page does not say.
 *
 * @param title        best title, site-name suffix removed
 * @param body         main text: paragraphs separated by a blank line, list items and table rows on their own lines
 * @param byline       the byline as the page states or shows it, unparsed ("By Jane Doe | March 3"): metadata's author
 *                     when the page declares one, else the text of its byline element
 * @param authors      the authors' names, cleaned of "By", dates and roles
 * @param published    published time
 * @param modified     last-modified time
 * @param leadImage    absolute lead image URL
 * @param siteName     publication name
 * @param description  page description
 * @param canonicalUrl canonical URL, normalised
 * @param language     language the page declares (ISO 639-1), not detected
 * @param languageTag  the declared language tag as written ({@code en-US}), when it is well-formed
 * @param fieldSources per field with a value ({@code title}, {@code authors}, {@code published}, {@code modified},
 *                     {@code leadImage}, {@code siteName}, {@code description}, {@code canonicalUrl},
 *                     {@code language}, {@code body}): {@code json-ld}, {@code meta}, {@code html} or {@code heuristic}
 * @param stub         set when the page is a paywall or consent wall with little text ({@link PageStubs}), else null
 */
public record ExtractedPage(
        String title,
        String body,
        String byline,
        List<String> authors,
        Instant published,
        Instant modified,
        String leadImage,
        String siteName,
        String description,
        String canonicalUrl,
        String language,
        String languageTag,
        Map<String, String> fieldSources,
        PageFlag stub) {

    public ExtractedPage {
        body = body == null ? "" : body;
        authors = authors == null ? List.of() : List.copyOf(authors);
        fieldSources = fieldSources == null ? Map.of() : Map.copyOf(fieldSources);
    }
}
