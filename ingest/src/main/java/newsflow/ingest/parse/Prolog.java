package newsflow.ingest.parse;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The DOCTYPE policy, applied to the text before any XML parser sees it. DTDs are never processed: the old
 * Netscape RSS 0.91 declaration (an external DTD nobody needs) is dropped; every other DOCTYPE makes the
 * document refused, as Rome's parser would, since an internal subset can define external or exponentially
 * expanding entities.
 */
final class Prolog {

    /** Whitespace, processing instructions (the XML declaration) and comments before the root element. */
    private static final Pattern PROLOG_ITEM = Pattern.compile("\\s+|<\\?.*?\\?>|<!--.*?-->", Pattern.DOTALL);
    private static final Pattern DOCTYPE = Pattern.compile("<!DOCTYPE\\s[^\\[>]*(\\[)?", Pattern.CASE_INSENSITIVE);
    private static final Pattern NETSCAPE_RSS_091 = Pattern.compile(
            "<!DOCTYPE\\s+rss\\s+PUBLIC\\s+[\"']-//Netscape Communications//DTD RSS 0\\.91//EN[\"']"
                    + "(\\s+[\"'][^\"'<>]*[\"'])?\\s*>", Pattern.CASE_INSENSITIVE);

    private Prolog() {
    }

    /**
     * The text without a Netscape RSS 0.91 DOCTYPE.
     *
     * @throws FeedParseException {@code doctype_refused} for any other DOCTYPE
     */
    static String withoutDoctype(String xml, String feedUrl) throws FeedParseException {
        int at = 0;
        Matcher item = PROLOG_ITEM.matcher(xml);
        while (at < xml.length() && item.region(at, xml.length()).lookingAt()) {
            at = item.end();
        }
        Matcher doctype = DOCTYPE.matcher(xml).region(at, xml.length());
        if (!doctype.lookingAt()) {
            return xml;
        }
        Matcher netscape = NETSCAPE_RSS_091.matcher(xml).region(at, xml.length());
        if (netscape.lookingAt()) {
            return xml.substring(0, at) + xml.substring(netscape.end());
        }
        String what = doctype.group(1) != null ? "a DOCTYPE with an internal subset (entity declarations)" : "a DOCTYPE";
        throw new FeedParseException(feedUrl, FeedParseException.Cause.DOCTYPE_REFUSED,
                what + " is refused: DTDs are never processed", null);
    }
}
