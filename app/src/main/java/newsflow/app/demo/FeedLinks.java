package newsflow.app.demo;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

/**
 * The item links of an RSS 0.9x/1.0/2.0 or Atom feed, read with the JDK's XML parser with DTDs refused (no XXE,
 * no entity expansion). Parsing every feed at start doubles as a well-formedness check of the corpus.
 */
final class FeedLinks {

    static final String ATOM_NS = "http://www.w3.org/2005/Atom";
    private static final String RSS1_NS = "http://purl.org/rss/1.0/";

    private FeedLinks() {
    }

    static Document parse(String feedName, String xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null); // errors surface as exceptions, not as stderr noise
            return builder.parse(new InputSource(new StringReader(xml)));
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new IllegalStateException("demo feed " + feedName + " is not well-formed XML: " + e.getMessage(), e);
        }
    }

    /** Links of the feed's items (RSS) or entries (Atom, the {@code alternate} link), in document order. */
    static List<String> itemLinks(Document doc) {
        List<String> links = new ArrayList<>();
        NodeList items = doc.getElementsByTagNameNS("*", "item");
        for (int i = 0; i < items.getLength(); i++) {
            Element item = (Element) items.item(i);
            for (Element child : children(item)) {
                String ns = child.getNamespaceURI();
                if (child.getLocalName().equals("link") && (ns == null || ns.equals(RSS1_NS))) {
                    links.add(child.getTextContent().strip());
                }
            }
        }
        NodeList entries = doc.getElementsByTagNameNS(ATOM_NS, "entry");
        for (int i = 0; i < entries.getLength(); i++) {
            for (Element child : children((Element) entries.item(i))) {
                String rel = child.getAttribute("rel");
                if (ATOM_NS.equals(child.getNamespaceURI()) && child.getLocalName().equals("link")
                        && (rel.isEmpty() || rel.equals("alternate"))) {
                    links.add(child.getAttribute("href").strip());
                }
            }
        }
        return links;
    }

    private static List<Element> children(Element parent) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                out.add(e);
            }
        }
        return out;
    }
}
