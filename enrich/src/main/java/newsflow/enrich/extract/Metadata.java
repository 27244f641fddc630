package newsflow.enrich.extract;

import java.time.Instant;
import java.util.List;

/**
 * What a page says about its article, apart from the text. Fields are null (authors empty) when the page does not say.
 * Where each value came from is kept beside it ({@link ExtractedPage#fieldSources()}).
 *
 * @param title        best title, site-name suffix removed
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
 */
public record Metadata(
        String title,
        String byline,
        List<String> authors,
        Instant published,
        Instant modified,
        String leadImage,
        String siteName,
        String description,
        String canonicalUrl,
        String language,
        String languageTag) {

    /** A page that says nothing. */
    public static final Metadata NONE = new Metadata(null, null, List.of(), null, null, null, null, null, null, null, null);

    public Metadata {
        authors = authors == null ? List.of() : List.copyOf(authors);
    }
}
