package newsflow.search.alerts;

import newsflow.search.saved.SavedSearch;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * A saved search's matches as an Atom 1.0 feed (RFC 4287), newest first, for any feed reader. Every text goes
 * through the XML writer's escaping, and characters XML cannot carry at all (control characters, lone
 * surrogates) are dropped first, so no article text can break the document.
 */
public final class AtomFeed {

    static final String ATOM = "http://www.w3.org/2005/Atom";
    public static final String CONTENT_TYPE = "application/atom+xml; charset=utf-8";

    private AtomFeed() {
    }

    /**
     * @param alerts the saved search's latest alerts, newest first
     * @param now    the feed's updated time when it has no alert yet
     */
    public static String render(SavedSearch search, List<Alert> alerts, Instant now) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            x.writeStartDocument("UTF-8", "1.0");
            x.writeStartElement("feed");
            x.writeDefaultNamespace(ATOM);
            text(x, "id", "urn:newsflow:saved-search:" + search.id());
            text(x, "title", "newsflow: " + search.name());
            if (search.query() != null) {
                text(x, "subtitle", search.query());
            }
            Instant updated = alerts.isEmpty() ? now : alerts.getFirst().matchedAt();
            text(x, "updated", time(updated));
            link(x, "self", search.feedPath(), "application/atom+xml");
            x.writeStartElement("author");
            text(x, "name", "newsflow");
            x.writeEndElement();
            text(x, "generator", "newsflow");
            for (Alert a : alerts) {
                entry(x, a);
            }
            x.writeEndElement();
            x.writeEndDocument();
            x.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("writing an Atom feed to a string failed", e);
        }
        return out.toString();
    }

    private static void entry(XMLStreamWriter x, Alert a) throws XMLStreamException {
        x.writeStartElement("entry");
        text(x, "id", "urn:newsflow:alert:" + a.key());
        text(x, "title", a.title() != null ? a.title() : a.url() != null ? a.url() : a.articleId());
        text(x, "updated", time(a.matchedAt()));
        if (a.published() != null) {
            text(x, "published", time(a.published()));
        }
        if (a.url() != null) {
            link(x, "alternate", a.url(), "text/html");
        }
        link(x, "related", "/api/articles/" + a.articleId(), "application/json");
        for (String author : a.authors()) {
            x.writeStartElement("author");
            text(x, "name", author);
            x.writeEndElement();
        }
        if (a.source() != null) {
            x.writeStartElement("source");
            text(x, "title", a.source());
            x.writeEndElement();
        }
        for (String topic : a.topics()) {
            x.writeEmptyElement("category");
            x.writeAttribute("term", clean(topic));
        }
        if (a.snippet() != null) {
            x.writeStartElement("summary");
            x.writeAttribute("type", "text");
            x.writeCharacters(clean(a.snippet()));
            x.writeEndElement();
        }
        x.writeEndElement();
    }

    private static void text(XMLStreamWriter x, String element, String value) throws XMLStreamException {
        x.writeStartElement(element);
        x.writeCharacters(clean(value));
        x.writeEndElement();
    }

    private static void link(XMLStreamWriter x, String rel, String href, String type) throws XMLStreamException {
        x.writeEmptyElement("link");
        x.writeAttribute("rel", rel);
        x.writeAttribute("type", type);
        x.writeAttribute("href", clean(href));
    }

    private static String time(Instant t) {
        return DateTimeFormatter.ISO_INSTANT.format(t);
    }

    /** Drops what XML 1.0 cannot hold (its Char production): C0 controls but tab and newlines, lone surrogates, U+FFFE/F. */
    static String clean(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            int n = Character.charCount(cp);
            boolean ok = cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF)
                    || (cp >= 0xE000 && cp <= 0xFFFD) || (cp >= 0x10000 && cp <= 0x10FFFF);
            if (ok) {
                b.appendCodePoint(cp);
            }
            i += n;
        }
        return b.toString();
    }
}
