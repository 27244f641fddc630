package newsflow.ingest.opml;

import newsflow.common.config.FeedConfig;
import newsflow.ingest.registry.FeedUrls;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * OPML 1.0 and 2.0 subscription lists, the format feed readers import and export.
 *
 * <p>Read with Jsoup's XML parser: OPML files in the wild are often not well-formed (a bare {@code &} in a title),
 * and Jsoup neither loads DTDs nor expands entities they declare, so a hostile file cannot reach the network or
 * the disk or blow up memory. Feeds are the outlines carrying an {@code xmlUrl}, at any depth (folders are
 * flattened: ingest has no categories); a feed's name is the outline's {@code title}, else its {@code text}.
 */
public final class Opml {

    private static final DateTimeFormatter RFC_822 = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    private Opml() {
    }

    /**
     * @param source names the file in errors
     * @throws OpmlException when the document has no {@code <opml>} root or no {@code <body>}
     */
    public static OpmlImport read(byte[] document, String source) throws OpmlException {
        Document doc;
        try {
            doc = Jsoup.parse(new ByteArrayInputStream(document), null, "", Parser.xmlParser());
        } catch (IOException e) {
            throw new OpmlException(source, "unreadable: " + e.getMessage());
        }
        Element root = doc.children().stream().filter(e -> !e.tagName().startsWith("?")).findFirst().orElse(null);
        if (root == null || !root.tagName().equalsIgnoreCase("opml")) {
            throw new OpmlException(source, root == null ? "empty document" : "root element is <" + root.tagName() + ">");
        }
        Element body = root.children().stream().filter(e -> e.tagName().equalsIgnoreCase("body")).findFirst()
                .orElseThrow(() -> new OpmlException(source, "no <body>"));

        List<FeedConfig> feeds = new ArrayList<>();
        List<OpmlImport.Skipped> skipped = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Element outline : body.getAllElements()) {
            if (!outline.tagName().equalsIgnoreCase("outline")) {
                continue;
            }
            String xmlUrl = attribute(outline, "xmlUrl");
            if (xmlUrl == null) {
                continue; // a folder or a plain outline entry
            }
            String url;
            try {
                url = FeedUrls.check(xmlUrl);
            } catch (IllegalArgumentException e) {
                skipped.add(new OpmlImport.Skipped(xmlUrl, e.getMessage()));
                continue;
            }
            if (!seen.add(url)) {
                skipped.add(new OpmlImport.Skipped(xmlUrl, "listed before"));
                continue;
            }
            String name = attribute(outline, "title");
            if (name == null) {
                name = attribute(outline, "text");
            }
            feeds.add(new FeedConfig(url, name, null, null, Map.of()));
        }
        return new OpmlImport(feeds, skipped);
    }

    /** The attribute's value, its name matched ignoring case ({@code xmlurl} is common); null when absent or blank. */
    private static String attribute(Element e, String name) {
        for (Attribute a : e.attributes()) {
            if (a.getKey().equalsIgnoreCase(name)) {
                String v = a.getValue().strip();
                return v.isEmpty() ? null : v;
            }
        }
        return null;
    }

    /**
     * An OPML 2.0 document subscribing to {@code feeds}. Only URL and name are written: per-feed headers may hold
     * credentials, and intervals and user agents mean nothing to other readers.
     */
    public static String write(List<FeedConfig> feeds, String title, Instant created) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("opml");
            xml.writeAttribute("version", "2.0");
            xml.writeCharacters("\n  ");
            xml.writeStartElement("head");
            xml.writeCharacters("\n    ");
            element(xml, "title", title);
            xml.writeCharacters("\n    ");
            element(xml, "dateCreated", RFC_822.format(created));
            xml.writeCharacters("\n  ");
            xml.writeEndElement();
            xml.writeCharacters("\n  ");
            xml.writeStartElement("body");
            for (FeedConfig feed : feeds) {
                String name = feed.name() != null && !feed.name().isBlank() ? feed.name() : feed.url();
                xml.writeCharacters("\n    ");
                xml.writeEmptyElement("outline");
                xml.writeAttribute("type", "rss");
                xml.writeAttribute("text", name);
                xml.writeAttribute("title", name);
                xml.writeAttribute("xmlUrl", feed.url());
            }
            xml.writeCharacters("\n  ");
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            // only invalid characters in a feed name get here; they come from our own registry
            throw new IllegalStateException("cannot write OPML: " + e.getMessage(), e);
        }
        return out.toString();
    }

    private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(text);
        xml.writeEndElement();
    }
}
