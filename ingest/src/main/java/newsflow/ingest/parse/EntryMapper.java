package newsflow.ingest.parse;

import com.rometools.rome.feed.module.DCModule;
import com.rometools.rome.feed.module.Module;
import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEnclosure;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.feed.synd.SyndPerson;
import newsflow.common.model.FeedEntry;
import newsflow.common.model.Media;
import newsflow.common.model.Schema;
import newsflow.common.url.ArticleIds;
import org.jdom2.Element;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Maps one Rome {@link SyndEntry} to a {@link FeedEntry} without the poll-time facts ({@link ParsedFeed#items()}). */
final class EntryMapper {

    private static final String MEDIA_RSS_NS = "http://search.yahoo.com/mrss/";

    private EntryMapper() {
    }

    /**
     * @param base where relative links point from: the feed URL, or the site link when the feed URL is no
     *             http(s) URL (a file)
     * @throws IllegalArgumentException when the item carries nothing an id could be derived from
     */
    static FeedEntry map(SyndEntry entry, String feedUrl, String base) {
        String link = link(entry, base);
        String guid = Text.orNull(entry.getUri());
        if (guid != null) {
            guid = guid.strip();
        }
        String title = Text.plain(entry.getTitle());
        String summary = entry.getDescription() == null ? null : Text.orNull(entry.getDescription().getValue());
        String content = firstContent(entry.getContents());
        Instant published = instant(entry.getPublishedDate());
        Instant updated = instant(entry.getUpdatedDate());
        String id = id(feedUrl, link, guid, title, summary != null ? summary : content, published);
        return new FeedEntry(Schema.VERSION, id, feedUrl, null, link, guid, title, summary, content, authors(entry),
                published, updated, categories(entry), media(entry, base), null);
    }

    /**
     * The id: from the canonical link when there is one, else from feed and GUID. An item with neither gets a
     * GUID-like key from its title, date and text (summary, else content): better than dropping it, though
     * such an item gets a new id whenever its text changes (nothing more stable exists in the document).
     */
    static String id(String feedUrl, String link, String guid, String title, String text, Instant published) {
        if (link != null) {
            try {
                return ArticleIds.forUrl(link);
            } catch (IllegalArgumentException e) {
                // not canonicalisable: fall through to the GUID
            }
        }
        if (guid != null) {
            return ArticleIds.forGuid(feedUrl, guid);
        }
        if (title == null && text == null) {
            throw new IllegalArgumentException("item has no link, no guid, no title and no text");
        }
        return ArticleIds.forGuid(feedUrl, "untitled:" + title + "\n" + published + "\n" + text);
    }

    /** The entry's link, else its first alternate link (Atom), resolved against the base. */
    private static String link(SyndEntry entry, String feedUrl) {
        String link = Links.absolute(entry.getLink(), feedUrl);
        if (link != null) {
            return link;
        }
        if (entry.getLinks() != null) {
            for (SyndLink l : entry.getLinks()) {
                String rel = l.getRel();
                if (rel == null || rel.isBlank() || rel.equals("alternate")) {
                    String href = Links.absolute(l.getHref(), feedUrl);
                    if (href != null) {
                        return href;
                    }
                }
            }
        }
        return null;
    }

    private static String firstContent(List<SyndContent> contents) {
        if (contents == null) {
            return null;
        }
        for (SyndContent c : contents) {
            if (c != null && Text.orNull(c.getValue()) != null) {
                return Text.orNull(c.getValue());
            }
        }
        return null;
    }

    private static List<String> authors(SyndEntry entry) {
        Set<String> names = new LinkedHashSet<>();
        if (entry.getAuthors() != null) {
            for (SyndPerson p : entry.getAuthors()) {
                String name = Text.plain(p.getName());
                addIfPresent(names, name != null ? name : Text.plain(p.getEmail()));
            }
        }
        addIfPresent(names, Text.plain(entry.getAuthor()));
        Module dc = entry.getModule(DCModule.URI);
        if (dc instanceof DCModule dcModule && dcModule.getCreators() != null) {
            dcModule.getCreators().forEach(c -> addIfPresent(names, Text.plain(c)));
        }
        return List.copyOf(names);
    }

    private static List<String> categories(SyndEntry entry) {
        Set<String> names = new LinkedHashSet<>();
        if (entry.getCategories() != null) {
            for (SyndCategory c : entry.getCategories()) {
                addIfPresent(names, Text.plain(c.getName()));
            }
        }
        // RSS 1.0 items carry their categories as dc:subject, which Rome leaves in the DC module
        if (entry.getModule(DCModule.URI) instanceof DCModule dc && dc.getSubjects() != null) {
            dc.getSubjects().forEach(s -> addIfPresent(names, Text.plain(s.getValue())));
        }
        return List.copyOf(names);
    }

    /** Enclosures, plus Media RSS {@code media:content}/{@code media:thumbnail} (Rome keeps those as foreign markup). */
    private static List<Media> media(SyndEntry entry, String feedUrl) {
        List<Media> media = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        if (entry.getEnclosures() != null) {
            for (SyndEnclosure e : entry.getEnclosures()) {
                String url = Links.absolute(e.getUrl(), feedUrl);
                if (url != null && seen.add(url)) {
                    media.add(new Media(url, Text.orNull(e.getType()), e.getLength() > 0 ? e.getLength() : null, null));
                }
            }
        }
        if (entry.getForeignMarkup() != null) {
            for (Element element : entry.getForeignMarkup()) {
                mediaRss(element, feedUrl, media, seen);
            }
        }
        return media;
    }

    private static void mediaRss(Element element, String feedUrl, List<Media> out, Set<String> seen) {
        if (!MEDIA_RSS_NS.equals(element.getNamespaceURI())) {
            return;
        }
        switch (element.getName()) {
            case "group" -> element.getChildren().forEach(child -> mediaRss(child, feedUrl, out, seen));
            case "content", "thumbnail" -> {
                String url = Links.absolute(element.getAttributeValue("url"), feedUrl);
                if (url != null && seen.add(url)) {
                    String type = Text.orNull(element.getAttributeValue("type"));
                    if (type == null && element.getName().equals("thumbnail")) {
                        type = "image";
                    }
                    String title = Text.plain(element.getChildText("title", element.getNamespace()));
                    out.add(new Media(url, type, length(element.getAttributeValue("fileSize")), title));
                }
            }
            default -> {
                // other Media RSS elements (credits, ratings, …) are not attachments
            }
        }
    }

    private static Long length(String value) {
        if (value == null) {
            return null;
        }
        try {
            long n = Long.parseLong(value.strip());
            return n > 0 ? n : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static void addIfPresent(Set<String> set, String value) {
        if (value != null) {
            set.add(value);
        }
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
