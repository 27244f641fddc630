package newsflow.ingest.parse;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.DocumentType;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.XmlDeclaration;
import org.jsoup.parser.Parser;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Second chance for XML that is not well-formed, as feed readers give it: Jsoup's forgiving XML parser closes
 * what was left open (a truncated feed), decodes stray HTML entities and bare ampersands, and the namespace
 * prefixes used without a declaration ({@code content:encoded} with no {@code xmlns:content}) get one. The
 * result is parsed again by the strict parser; a DOCTYPE was already handled by {@link Prolog} and is dropped
 * here without being read.
 */
final class Recovery {

    /** The namespaces feeds use most under their customary prefixes; others get a placeholder URN. */
    private static final Map<String, String> KNOWN_PREFIXES = Map.ofEntries(
            Map.entry("content", "http://purl.org/rss/1.0/modules/content/"),
            Map.entry("dc", "http://purl.org/dc/elements/1.1/"),
            Map.entry("dcterms", "http://purl.org/dc/terms/"),
            Map.entry("media", "http://search.yahoo.com/mrss/"),
            Map.entry("itunes", "http://www.itunes.com/dtds/podcast-1.0.dtd"),
            Map.entry("atom", "http://www.w3.org/2005/Atom"),
            Map.entry("wfw", "http://wellformedweb.org/CommentAPI/"),
            Map.entry("slash", "http://purl.org/rss/1.0/modules/slash/"),
            Map.entry("sy", "http://purl.org/rss/1.0/modules/syndication/"),
            Map.entry("rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#"),
            Map.entry("georss", "http://www.georss.org/georss"),
            Map.entry("feedburner", "http://rssnamespace.org/feedburner/ext/1.0"),
            Map.entry("thr", "http://purl.org/syndication/thread/1.0"));

    private Recovery() {
    }

    /** The document re-serialised as well-formed XML (as far as Jsoup can make it so). */
    static String wellFormed(String xml) {
        Document doc = Jsoup.parse(xml, "", Parser.xmlParser());
        doc.outputSettings()
                .syntax(Document.OutputSettings.Syntax.xml)
                .escapeMode(Entities.EscapeMode.xhtml)
                .prettyPrint(false);
        for (Node node : List.copyOf(doc.childNodes())) {
            if (node instanceof DocumentType || node instanceof XmlDeclaration) {
                node.remove();
            }
        }
        Element root = doc.children().isEmpty() ? null : doc.child(0);
        if (root != null) {
            declareMissingPrefixes(doc, root);
        }
        return doc.outerHtml();
    }

    private static void declareMissingPrefixes(Document doc, Element root) {
        Set<String> used = new LinkedHashSet<>();
        Set<String> declared = new LinkedHashSet<>();
        for (Element e : doc.getAllElements()) {
            prefix(e.tagName()).ifPresent(used::add);
            for (Attribute a : e.attributes()) {
                String key = a.getKey();
                if (key.startsWith("xmlns:")) {
                    declared.add(key.substring("xmlns:".length()));
                } else {
                    prefix(key).ifPresent(used::add);
                }
            }
        }
        used.remove("xml");
        used.remove("xmlns");
        used.removeAll(declared);
        for (String prefix : used) {
            root.attr("xmlns:" + prefix, KNOWN_PREFIXES.getOrDefault(prefix, "urn:newsflow:undeclared:" + prefix));
        }
    }

    private static java.util.Optional<String> prefix(String name) {
        int colon = name.indexOf(':');
        return colon > 0 ? java.util.Optional.of(name.substring(0, colon)) : java.util.Optional.empty();
    }
}
