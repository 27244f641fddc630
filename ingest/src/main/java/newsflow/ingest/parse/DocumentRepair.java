package newsflow.ingest.parse;

import newsflow.common.text.Dates;
import org.jdom2.Attribute;
import org.jdom2.Content;
import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.Namespace;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Fixes a parsed document in place before Rome maps it, for what Rome gets wrong or refuses: CDF channels,
 * Atom feeds in no or an unofficial namespace, {@code <rss>} without {@code <channel>} (a Rome
 * NullPointerException), unknown RSS versions, RSS 1.0 without a channel, Atom 0.3 {@code mode="base64"}
 * (Rome fails on whitespace in it), links relative to {@code xml:base}, and dates, which are read by
 * {@link Dates} and written back in a form Rome reads exactly (an unreadable date is emptied, so Rome does
 * not guess and roll it over).
 */
final class DocumentRepair {

    static final Namespace ATOM_10 = Namespace.getNamespace("http://www.w3.org/2005/Atom");
    static final Namespace ATOM_03 = Namespace.getNamespace("http://purl.org/atom/ns#");
    private static final Namespace RSS_10 = Namespace.getNamespace("http://purl.org/rss/1.0/");
    private static final Namespace RSS_090 = Namespace.getNamespace("http://my.netscape.com/rdf/simple/0.9/");
    private static final String RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    private static final Set<String> DC = Set.of("http://purl.org/dc/elements/1.1/", "http://purl.org/dc/terms/");
    private static final Set<String> RSS_VERSIONS = Set.of("0.91", "0.92", "0.93", "0.94");
    /** Millisecond precision is all java.util.Date keeps; Rome's W3C-DTF reader takes exactly three digits. */
    private static final DateTimeFormatter ROME_DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT)
            .withZone(java.time.ZoneOffset.UTC);

    /** What was done, for the log line; {@code format} overrides Rome's name when the source was converted. */
    record Result(List<String> repairs, String format) {
    }

    private DocumentRepair() {
    }

    static Result repair(Document doc, String feedUrl) {
        List<String> repairs = new ArrayList<>();
        String format = null;
        Element root = doc.getRootElement();
        if (root.getName().equalsIgnoreCase("channel") && root.getNamespace() == Namespace.NO_NAMESPACE) {
            root = Cdf.toRss(root);
            doc.setRootElement(root);
            repairs.add("CDF converted to RSS 2.0");
            format = "cdf";
        }
        if (root.getName().equals("entry") && (ATOM_10.equals(root.getNamespace()) || ATOM_03.equals(root.getNamespace()))) {
            // an Atom entry document (RFC 4287 section 4.1.2): a feed of one
            Element feed = new Element("feed", root.getNamespace());
            doc.setRootElement(feed);
            feed.addContent(root);
            root = feed;
            repairs.add("Atom entry document wrapped in a feed");
        }
        String name = root.getName();
        if (name.equals("feed") && !root.getNamespace().equals(ATOM_10) && !root.getNamespace().equals(ATOM_03)) {
            Namespace atom = "0.3".equals(root.getAttributeValue("version")) ? ATOM_03 : ATOM_10;
            renamespace(root, root.getNamespace(), atom);
            repairs.add("Atom namespace " + atom.getURI() + " assumed");
        }
        if (name.equalsIgnoreCase("rss")) {
            if (root.getNamespace() != Namespace.NO_NAMESPACE) {
                // Userland and Harvard RSS namespaces: RSS all the same, which Rome only reads without one
                repairs.add("RSS namespace " + root.getNamespaceURI() + " dropped");
                renamespace(root, root.getNamespace(), Namespace.NO_NAMESPACE);
            }
            rss(root, repairs);
        }
        if (name.equals("RDF") && RDF.equals(root.getNamespaceURI())) {
            rdf(root, repairs);
        }
        walk(root, baseOf(feedUrl), false, repairs);
        return new Result(List.copyOf(repairs), format);
    }

    private static void rss(Element root, List<String> repairs) {
        if (root.getChild("channel") == null) {
            Element channel = new Element("channel");
            List<Content> content = new ArrayList<>(root.getContent());
            root.removeContent();
            channel.addContent(content);
            root.addContent(channel);
            repairs.add("missing <channel> added");
        }
        liftNestedItems(root.getChild("channel"), repairs);
        cleanSkipHints(root.getChild("channel"), repairs);
        String version = root.getAttributeValue("version");
        if (version == null || !(RSS_VERSIONS.contains(version.strip()) || version.strip().startsWith("2.0"))) {
            root.setAttribute("version", "2.0");
            repairs.add("RSS version " + version + " read as 2.0");
        }
    }

    /**
     * {@code <skipHours>}/{@code <skipDays>} values Rome rejects (an hour outside 0–24, a day that is no day) make
     * it refuse the whole feed: drop those values, keep the rest, and write day names the way Rome expects.
     */
    private static void cleanSkipHints(Element channel, List<String> repairs) {
        Element hours = channel.getChild("skipHours", channel.getNamespace());
        if (hours != null) {
            for (Element hour : new ArrayList<>(hours.getChildren())) {
                String v = hour.getTextTrim();
                if (!v.matches("\\d{1,2}") || Integer.parseInt(v) > 24) {
                    hour.detach();
                    repairs.add("skipHours value '" + v + "' dropped");
                }
            }
        }
        Element days = channel.getChild("skipDays", channel.getNamespace());
        if (days != null) {
            for (Element day : new ArrayList<>(days.getChildren())) {
                String v = day.getTextTrim();
                String name = DAY_NAMES.stream().filter(d -> d.equalsIgnoreCase(v)).findFirst().orElse(null);
                if (name == null) {
                    day.detach();
                    repairs.add("skipDays value '" + v + "' dropped");
                } else {
                    day.setText(name);
                }
            }
        }
    }

    private static final List<String> DAY_NAMES = List.of("Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
            "Saturday", "Sunday");

    /** Items that an unclosed element before them swallowed (a loose parser's view) are moved into the channel. */
    private static void liftNestedItems(Element channel, List<String> repairs) {
        List<Element> nested = new ArrayList<>();
        for (Element child : channel.getChildren()) {
            if (!child.getName().equals("item")) {
                child.getDescendants(org.jdom2.filter.Filters.element("item", Namespace.NO_NAMESPACE)).forEach(nested::add);
            }
        }
        nested.removeIf(item -> hasItemAncestor(item, channel));
        for (Element item : nested) {
            item.detach();
            channel.addContent(item);
        }
        if (!nested.isEmpty()) {
            repairs.add(nested.size() + " nested <item> moved into <channel>");
        }
    }

    private static boolean hasItemAncestor(Element item, Element channel) {
        for (Element p = item.getParentElement(); p != null && p != channel; p = p.getParentElement()) {
            if (p.getName().equals("item")) {
                return true;
            }
        }
        return false;
    }

    private static void rdf(Element root, List<String> repairs) {
        for (Namespace ns : List.of(RSS_10, RSS_090)) {
            if (root.getChild("channel", ns) != null) {
                return;
            }
        }
        Namespace ns = root.getNamespacesInScope().stream().anyMatch(n -> n.getURI().equals(RSS_090.getURI())) ? RSS_090 : RSS_10;
        root.addContent(0, new Element("channel", ns));
        repairs.add("missing RSS 1.0 <channel> added");
    }

    /** Moves every element in {@code from} (with its descendants in {@code from}) into {@code to}. */
    private static void renamespace(Element element, Namespace from, Namespace to) {
        if (element.getNamespace().equals(from)) {
            element.setNamespace(to);
        }
        for (Element child : element.getChildren()) {
            renamespace(child, from, to);
        }
    }

    /**
     * One pass over the tree: the xml:base in effect (starting from the feed URL), base64 content, dates.
     *
     * @param base        the absolute base URL in effect, null when none
     * @param baseDeclared some ancestor-or-self set xml:base: relative links here are resolved now, because
     *                    Rome would lose the base (the others are resolved when entries are mapped)
     */
    private static void walk(Element element, String base, boolean baseDeclared, List<String> repairs) {
        String xmlBase = element.getAttributeValue("base", Namespace.XML_NAMESPACE);
        if (xmlBase != null) {
            String resolved = Links.absolute(xmlBase, base);
            base = resolved != null ? resolved : base;
            baseDeclared = true;
        }
        if ("base64".equalsIgnoreCase(element.getAttributeValue("mode"))) {
            base64(element, repairs);
        }
        if (isDate(element)) {
            date(element, repairs);
        }
        if (baseDeclared && base != null) {
            resolveLinks(element, base);
        }
        for (Element child : element.getChildren()) {
            walk(child, base, baseDeclared, repairs);
        }
    }

    private static void resolveLinks(Element element, String base) {
        for (Attribute a : element.getAttributes()) {
            String n = a.getName();
            if (a.getNamespace() == Namespace.NO_NAMESPACE && (n.equals("href") || n.equals("src") || n.equals("url"))) {
                String abs = Links.absolute(a.getValue(), base);
                if (abs != null) {
                    a.setValue(abs);
                }
            }
        }
        String n = element.getName();
        boolean urlText = n.equals("link") && element.getAttribute("href") == null
                || n.equals("comments") || n.equals("icon") || n.equals("logo") || n.equals("uri");
        if (urlText && element.getChildren().isEmpty()) {
            String abs = Links.absolute(element.getTextTrim(), base);
            if (abs != null) {
                element.setText(abs);
            }
        }
    }

    private static void base64(Element element, List<String> repairs) {
        String encoded = element.getTextNormalize().replaceAll("\\s", "");
        String decoded;
        try {
            decoded = new String(Base64.getMimeDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            decoded = "";
        }
        element.setText(decoded);
        element.setAttribute("mode", "escaped");
        repairs.add("base64 <" + element.getName() + "> decoded");
    }

    private static boolean isDate(Element e) {
        String ns = e.getNamespaceURI();
        return switch (e.getName()) {
            case "pubDate", "lastBuildDate" -> ns.isEmpty() || ns.equals(RSS_10.getURI());
            case "date", "created", "issued", "modified" -> DC.contains(ns) || isAtom(ns);
            case "published", "updated" -> isAtom(ns);
            default -> false;
        };
    }

    private static boolean isAtom(String ns) {
        return ns.equals(ATOM_10.getURI()) || ns.equals(ATOM_03.getURI());
    }

    private static void date(Element element, List<String> repairs) {
        String text = element.getTextTrim();
        if (text.isEmpty()) {
            return;
        }
        Instant instant = Dates.parse(text);
        if (instant == null || instant.getEpochSecond() < -62135596800L) { // before year 1: Rome cannot hold it
            element.setText("");
            repairs.add("unreadable date '" + text + "' dropped");
        } else {
            element.setText(ROME_DATE.format(instant.truncatedTo(ChronoUnit.MILLIS)));
        }
    }

    private static String baseOf(String feedUrl) {
        return Links.absolute(feedUrl, null);
    }
}
