package newsflow.enrich.extract;

import newsflow.common.model.Extraction.PageFlag;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises a page that shows a wall instead of the article: a subscription/registration paywall or a cookie
 * consent wall. Markers alone prove nothing (most news pages carry paywall scripts and cookie banners in their
 * markup, and JSON-LD says "not free" on pages the fetcher still got in full), so a page is a stub only when the
 * extracted text is short as well. The markers are looked for before cleaning, which removes such boxes.
 */
final class PageStubs {

    /** A page with a marker and fewer words than this is a stub; real articles behind no wall are longer. */
    static final int MAX_STUB_WORDS = 150;

    /**
     * Class/id names of paywall and registration-wall boxes: whole name parts, where a part ends at a non-letter or a
     * camelCase capital ({@code paywallOverlay} is one, {@code paywalled} is not).
     */
    private static final Pattern PAYWALL_NAMES = Pattern.compile(
            "(?i)(?-i:(?<![a-z]))(pay-?wall|reg-?wall|meter-?wall|metered-?content|subscriber-?only|subscribers-?only"
                    + "|premium-?(content|article|lock|gate)|article-?locked|locked-?content|content-?gate|piano-?(paywall|offer)"
                    + "|tp-?modal|tp-?container-?inner)(?-i:(?![a-z]))");

    /** Class/id names of consent-management walls and banners, whole parts as above ({@code consentient} is none). */
    private static final Pattern CONSENT_NAMES = Pattern.compile(
            "(?i)(?-i:(?<![a-z]))(consent|cookie-?wall|cookie-?consent|gdpr|onetrust|didomi|qc-?cmp2?|fc-?consent|sp_message"
                    + "|cookiebot|usercentrics|truste-?consent)(?-i:(?![a-z]))");

    private static final String[] NAME_ATTRIBUTES = {"class", "id"};

    /** What a paywall says, in the text that is left. */
    private static final Pattern PAYWALL_TEXT = Pattern.compile(
            "(?i)\\b((subscribe|sign up|register|log in|sign in|become a (member|subscriber))( now| today| for free)? to "
                    + "(continue|keep) reading|subscribe to read the (full|rest of|whole)|to (continue|keep) reading,? (please )?(subscribe|sign in|log in|register)"
                    + "|(this|the) (article|story|content) is (only )?(available|reserved|exclusively available) (only )?(to|for) "
                    + "(paying )?(subscribers|members)|already a (subscriber|member)\\?|subscribers only"
                    + "|you('ve| have) reached your (free )?(article|story) limit)");

    /** What a consent wall says. */
    private static final Pattern CONSENT_TEXT = Pattern.compile(
            "(?i)\\b(before you continue|we and our partners use cookies|(accept|reject) all cookies"
                    + "|manage (your )?(cookie |privacy )?(preferences|choices|consent|settings)|consent to (the use of )?cookies)");

    /** The markers found on a page before cleaning. */
    record Markers(boolean paywall, boolean consent) {
        static final Markers NONE = new Markers(false, false);
    }

    private PageStubs() {
    }

    /** Class/id markers anywhere in the document, and the JSON-LD "not free" declaration. */
    static Markers scan(Document doc, boolean notFreeToRead) {
        // One pass without collecting the elements, and one matcher per pattern reset per name: this runs on every page.
        Matcher paywallNames = PAYWALL_NAMES.matcher("");
        Matcher consentNames = CONSENT_NAMES.matcher("");
        boolean[] found = {notFreeToRead, false};
        NodeTraversor.filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (node instanceof Element e) {
                    for (String attribute : NAME_ATTRIBUTES) {
                        String names = e.attr(attribute);
                        if (!names.isEmpty()) {
                            found[0] = found[0] || paywallNames.reset(names).find();
                            found[1] = found[1] || consentNames.reset(names).find();
                        }
                    }
                }
                return found[0] && found[1] ? FilterResult.STOP : FilterResult.CONTINUE;
            }
        }, doc);
        return found[0] || found[1] ? new Markers(found[0], found[1]) : Markers.NONE;
    }

    /**
     * The flag for a page with these markers and this extracted text, null when it is no stub.
     *
     * @param rendered the main content's text before calls to action were trimmed from it, where a wall's prompt
     *                 ("Subscribe to continue reading") still is
     */
    static PageFlag flag(Markers markers, String body, String rendered) {
        if (ArticleExtractor.words(body) >= MAX_STUB_WORDS) {
            return null;
        }
        if (markers.paywall() || PAYWALL_TEXT.matcher(rendered).find()) {
            return PageFlag.PAYWALL;
        }
        if (markers.consent() || CONSENT_TEXT.matcher(rendered).find()) {
            return PageFlag.CONSENT;
        }
        return null;
    }

}
