package newsflow.ingest.parse;

import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.Namespace;

import java.util.List;
import java.util.Optional;

/**
 * A WebSub hub a feed advertises ({@code <link rel="hub">}, in Atom or as {@code atom:link} in RSS), with the
 * topic to subscribe to: the feed's {@code rel="self"} URL, as the spec requires, else the URL it was fetched from.
 */
public record PushHub(String hub, String topic) {

    private static final Namespace ATOM = Namespace.getNamespace("http://www.w3.org/2005/Atom");

    static Optional<PushHub> of(Document doc, String feedUrl) {
        Element root = doc.getRootElement();
        Element channel = root.getChild("channel", root.getNamespace());
        List<Element> links = new java.util.ArrayList<>();
        for (Element parent : channel == null ? List.of(root) : List.of(root, channel)) {
            links.addAll(parent.getChildren("link", ATOM));
            if (parent.getNamespace().equals(ATOM)) {
                links.addAll(parent.getChildren("link", parent.getNamespace()).stream().filter(l -> !links.contains(l)).toList());
            }
        }
        String hub = href(links, "hub");
        if (hub == null) {
            return Optional.empty();
        }
        String self = href(links, "self");
        return Optional.of(new PushHub(Links.absolute(hub, feedUrl), self != null ? Links.absolute(self, feedUrl) : feedUrl));
    }

    private static String href(List<Element> links, String rel) {
        return links.stream().filter(l -> rel.equalsIgnoreCase(l.getAttributeValue("rel", "").strip()))
                .map(l -> l.getAttributeValue("href")).filter(h -> h != null && !h.isBlank()).findFirst()
                .map(String::strip).orElse(null);
    }
}
