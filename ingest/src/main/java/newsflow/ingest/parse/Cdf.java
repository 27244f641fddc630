package newsflow.ingest.parse;

import org.jdom2.Element;

/**
 * Microsoft's Channel Definition Format (1997): a {@code CHANNEL} of {@code ITEM}s whose link and date are the
 * attributes {@code HREF} and {@code LASTMOD}. Rewritten as the RSS 2.0 it is equivalent to, so one mapper
 * serves both. Element and attribute names are case-insensitive in CDF.
 */
final class Cdf {

    private Cdf() {
    }

    static Element toRss(Element cdfChannel) {
        Element channel = new Element("channel");
        copy(cdfChannel, channel, "lastBuildDate");
        for (Element child : cdfChannel.getChildren()) {
            if (child.getName().equalsIgnoreCase("item")) {
                Element item = new Element("item");
                copy(child, item, "pubDate");
                channel.addContent(item);
            }
        }
        Element rss = new Element("rss");
        rss.setAttribute("version", "2.0");
        rss.addContent(channel);
        return rss;
    }

    /** HREF → link, LASTMOD → the date element, TITLE → title, ABSTRACT → description. */
    private static void copy(Element from, Element to, String dateElement) {
        text(to, "link", attribute(from, "href"));
        text(to, dateElement, attribute(from, "lastmod"));
        for (Element child : from.getChildren()) {
            switch (child.getName().toLowerCase(java.util.Locale.ROOT)) {
                case "title" -> text(to, "title", child.getTextTrim());
                case "abstract" -> text(to, "description", child.getTextTrim());
                default -> {
                    // other CDF elements (LOGO, SCHEDULE, USAGE) have no RSS counterpart we use
                }
            }
        }
    }

    private static String attribute(Element element, String name) {
        return element.getAttributes().stream().filter(a -> a.getName().equalsIgnoreCase(name))
                .map(org.jdom2.Attribute::getValue).findFirst().orElse(null);
    }

    private static void text(Element parent, String name, String value) {
        if (value != null && !value.isBlank()) {
            parent.addContent(new Element(name).setText(value));
        }
    }
}
