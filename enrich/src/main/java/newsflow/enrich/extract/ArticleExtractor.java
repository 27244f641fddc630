package newsflow.enrich.extract;

import newsflow.common.model.ArticleField;
import newsflow.common.model.FieldSources;
import newsflow.common.model.Provenance;
import newsflow.common.text.Charsets;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Extracts an article's main text and metadata from its HTML page.
 *
 * <p>Cascade: metadata is read from the intact page; then boilerplate is removed ({@link BoilerplateCleaner}),
 * paragraphs are scored ({@link ContentScorer}), and the declared article container ({@code itemprop=articleBody},
 * else the largest {@code <article>}) is preferred when it holds the scored content or is at least as large.
 * When the page's JSON-LD {@code articleBody} is markedly longer than what the HTML yielded (pages that render
 * their text with scripts), that is used instead. Stateless and thread-safe.
 */
public final class ArticleExtractor {

    /** Name and version recorded in {@code Extraction.extractor}. */
    public static final String NAME = "newsflow-extractor/1";

    private static final int MIN_CONTAINER_CHARS = 200;
    private static final Evaluator PARAGRAPHS = QueryParser.parse("p");
    private static final Set<String> JUNK_LINES = Set.of(
            "advertisement", "advertisements", "ad", "sponsored", "sponsored content", "share", "share this",
            "share this:", "share this article", "share this story", "share on facebook", "share on twitter",
            "tweet", "email", "print", "related", "related:", "related articles", "related stories", "read more",
            "read more:", "continue reading", "leave a reply", "leave a comment", "comments", "skip to content",
            "like this:", "like this", "loading...", "subscribe", "sign up", "follow us", "click here",
            "scroll to continue with content", "story continues below advertisement", "more on this story",
            "close", "advert", "this slideshow requires javascript.", "more:", "related news", "you may also like",
            "you may also like...", "you might also like", "don't miss", "recommended for you", "read next",
            "most popular", "previous story", "next story", "← previous story", "newer story →", "older story",
            "tell us what you think...", "tell us what you think", "image", "photo", "enlarge this image",
            "toggle caption", "hide caption", "getty images", "ap photo", "pin it", "enlarge photo", "see more photos", "back to top", "printer-friendly version", "share and enjoy:",
            "be sociable, share!", "share this post", "image gallery", "table of contents", "jump to:", "jump to");
    private static final Pattern SHARE_LINE = Pattern.compile("(share|tweet|post|send)( this( article| story)?)? (on|via|to) [\\p{L} +]{2,20}");
    /** "PUBLISHED: 10:48, Tue, Nov 19, 2019 | UPDATED: 11:05", "Updated at 1:23 p.m.": a stamp with a number in it. */
    private static final Pattern STAMP_LINE = Pattern.compile(
            "(published|updated|last updated|posted|first published)( on| at)?\\s*:?\\s*(?=.*\\d).{1,100}");
    /**
     * "Follow @NBCNewsUS", "Reading time: 11 minutes", "5 min read", "Show Caption", "Listen to this article": a
     * social, reading-time, caption-toggle or audio-player label.
     */
    private static final Pattern LABEL_LINE = Pattern.compile(
            "follow @\\w+|(estimated )?reading time:? \\d+ min(ute)?s?( read)?|\\d+ min(ute)?s? read|"
                    + "(show|hide|toggle) captions?|listen to (this|the) (article|story)( in [a-z ]{1,30})?");
    /**
     * Share buttons' labels in a row ("Whatsapp Facebook", "SMS Facebook Twitter Email", "Print, PDF, Email"): two
     * or more of these words and nothing else, one of them an action, so that "X, Facebook" in a story about social
     * networks stays.
     */
    private static final Set<String> SHARE_WORDS = Set.of("share", "print", "email", "e-mail", "pdf", "sms",
            "whatsapp", "facebook", "twitter", "x", "linkedin", "instagram", "pinterest", "reddit", "tumblr", "google+",
            "flipboard", "telegram", "messenger", "permalink");
    private static final Set<String> SHARE_ACTIONS = Set.of("share", "print", "email", "e-mail", "pdf", "sms",
            "whatsapp", "permalink");
    private static final Pattern LABEL_SEPARATORS = Pattern.compile("[\\s,|·•/]+");
    private static final Pattern TOOL_SEPARATOR = Pattern.compile("\\s[·•▪]\\s");
    private static final Pattern FEED_FOOTER = Pattern.compile("^The post .{1,300} appeared first on .{1,200}\\.?$");

    private ArticleExtractor() {
    }

    /** Parses and extracts; {@code baseUrl} resolves relative links and is the page's address. No time limit. */
    public static ExtractedPage extract(String html, String baseUrl) {
        return extract(html, baseUrl, ExtractionBudget.unlimited());
    }

    /**
     * Parses and extracts within {@code budget}.
     *
     * @throws ExtractionBudgetExceeded when the budget runs out first
     */
    public static ExtractedPage extract(String html, String baseUrl, ExtractionBudget budget) {
        Document doc = Jsoup.parse(html == null ? "" : html, baseUrl == null ? "" : baseUrl);
        return extract(doc, baseUrl, budget);
    }

    /** Decodes page bytes ({@link Charsets}) and extracts. No time limit. */
    public static ExtractedPage extract(byte[] body, String contentType, String baseUrl) {
        return extract(body, contentType, baseUrl, ExtractionBudget.unlimited());
    }

    /**
     * Decodes page bytes ({@link Charsets}) and extracts within {@code budget}.
     *
     * @throws ExtractionBudgetExceeded when the budget runs out first
     */
    public static ExtractedPage extract(byte[] body, String contentType, String baseUrl, ExtractionBudget budget) {
        return extract(Charsets.decode(body, contentType).text(), baseUrl, budget);
    }

    /** Extracts from a document parsed for this call: its body is cleaned in place. */
    static ExtractedPage extract(Document doc, String baseUrl) {
        return extract(doc, baseUrl, ExtractionBudget.unlimited());
    }

    static ExtractedPage extract(Document doc, String baseUrl, ExtractionBudget budget) {
        budget.check("parsing");
        MetadataExtractor.Found found = MetadataExtractor.extract(doc, baseUrl);
        budget.check("metadata");
        Metadata meta = found.metadata();
        EnumMap<ArticleField, Provenance> sources = found.sources().toEnumMap();

        Set<String> titleKeys = headings(doc, meta.title());
        PageStubs.Markers stubMarkers = PageStubs.scan(doc, found.notFreeToRead());
        // The document is ours (parsed for this call) and metadata has been read: clean it in place, no copy.
        Element work = doc.body() == null ? new Element("body") : doc.body();
        BoilerplateCleaner.clean(work, budget, meta.title(), meta.siteName());
        budget.check("content selection");
        List<Element> main = mainContent(work, ElementMeasures.of(work, budget, "content selection"), meta.description(),
                meta.title());
        List<Element> content = AuthorBoxes.remove(ButtonBoxes.remove(LinkedCards.remove(RepeatedVariants.collapse(
                ContentPruner.prune(main, ContentPruner.hostOf(baseUrl == null ? "" : baseUrl), budget), budget), budget),
                budget), budget);
        budget.check("rendering");
        String rendered = TextRenderer.render(content);
        String htmlBody = dropTitleAndJunk(rendered, titleKeys, meta);
        if (htmlBody.isEmpty()) {
            // Trimming is for the edges of a story: when it would leave nothing, the page's text is kept as it is
            // (the headline aside), since an empty body for a page with text loses the page.
            htmlBody = withoutLeadingTitle(rendered, titleKeys);
        }

        String body = htmlBody;
        String ldBody = found.jsonLdBody();
        if (ldBody != null && words(ldBody) >= 50 && words(htmlBody) < 0.6 * words(ldBody)) {
            body = TextRenderer.normalise(ldBody.replace("\r", ""));
            sources.put(ArticleField.BODY, Provenance.JSON_LD);
        } else if (!body.isEmpty()) {
            sources.put(ArticleField.BODY, Provenance.HTML);
        }
        return new ExtractedPage(meta, body, new FieldSources(sources), PageStubs.flag(stubMarkers, body, rendered));
    }

    /** Text of a fragment of HTML (a feed's content or summary), with the same rendering as page bodies. */
    public static String htmlToText(String html) {
        if (html == null || html.isBlank()) {
            return "";
        }
        Element body = Jsoup.parseBodyFragment(html).body();
        body.select("script, style, noscript, iframe, object, embed, form, template").remove();
        List<String> kept = new ArrayList<>();
        for (String p : TextRenderer.paragraphs(TextRenderer.render(body))) {
            if (!FEED_FOOTER.matcher(p).matches()) {
                kept.add(p);
            }
        }
        return String.join("\n\n", kept);
    }

    /** The elements holding the article text, in document order. */
    static List<Element> mainContent(Element cleaned) {
        return mainContent(cleaned, ElementMeasures.of(cleaned, ExtractionBudget.unlimited(), "content selection"), null, null);
    }

    /**
     * The hand rules' choice of the article block, before the learned model's (optional) say: the scorer's winner,
     * reconsidered when doubtful and when it comes before the headline. {@link BlockTraining} trains on this choice.
     */
    static ContentScorer.Selection rulesChoice(Element cleaned, ElementMeasures m, String description, String title) {
        ContentScorer.Selection scored = DoubtfulWinner.reconsider(ContentScorer.select(cleaned, m), description, m);
        return WinnerBeforeHeadline.reconsider(scored, cleaned, title, m);
    }

    /**
     * As {@link #mainContent(Element)}, with the measures of the cleaned page; {@code description} (the page's
     * own summary, may be null) lets a doubtful winner be replaced ({@link DoubtfulWinner}), and {@code title}
     * (may be null) one that comes before the page's headline ({@link WinnerBeforeHeadline}).
     */
    static List<Element> mainContent(Element cleaned, ElementMeasures m, String description, String title) {
        ContentScorer.Selection scored = BlockRanker.reconsider(rulesChoice(cleaned, m, description, title), cleaned,
                description, m);
        Element declared = declaredContainer(cleaned, m);
        if (scored.top() == null) {
            return List.of(declared != null ? declared : cleaned);
        }
        if (declared == null) {
            return scored.elements();
        }
        int declaredChars = m.textLength(declared);
        int scoredChars = scored.textLength();
        if (scored.top() != declared && ContentScorer.isInside(scored.top(), declared)
                && EmbeddedWinner.isEmbedded(scored.elements(), declared, description, m)) {
            // a gallery or teaser box embedded in the story outscored it: the story is the container without it
            scored.elements().forEach(Element::remove);
            return List.of(declared);
        }
        if (scored.top() == declared || ContentScorer.isInside(scored.top(), declared)) {
            // The scorer found a tighter block inside the declared one; keep it unless it misses much of the text.
            return scoredChars >= 0.7 * declaredChars ? scored.elements() : List.of(declared);
        }
        if (ContentScorer.isInside(declared, scored.top())) {
            return declaredChars >= 0.6 * scoredChars ? List.of(declared) : scored.elements();
        }
        return declaredChars >= scoredChars ? List.of(declared) : scored.elements();
    }

    /** {@code itemprop=articleBody}, else the {@code <article>} with the most paragraph text, when substantial. */
    private static Element declaredContainer(Element root, ElementMeasures m) {
        for (Element e : root.select("[itemprop=articleBody], [itemprop=articlebody]")) {
            if (m.textLength(e) >= MIN_CONTAINER_CHARS) {
                return e;
            }
        }
        Element best = null;
        int bestChars = MIN_CONTAINER_CHARS - 1;
        for (Element article : root.select("article")) {
            m.budget().tick("content selection");
            int chars = m.textLengthOf(article, PARAGRAPHS);
            if (chars > bestChars && m.linkDensity(article) < 0.5) {
                best = article;
                bestChars = chars;
            }
        }
        return best;
    }

    /** Keys of what a leading heading of the body may repeat: the chosen title and the page's own h1s. */
    private static Set<String> headings(Document doc, String title) {
        Set<String> keys = new HashSet<>();
        if (title != null) {
            keys.add(key(title));
        }
        for (Element h1 : doc.select("h1")) {
            keys.add(key(h1.text()));
        }
        keys.remove("");
        return keys;
    }

    /**
     * Drops a leading repeat of the title (the chosen one, or the page's h1 when metadata gave a different
     * headline) and short lines that are page furniture ("Share this:", "Advertisement").
     */
    private static String dropTitleAndJunk(String text, Set<String> titleKeys, Metadata meta) {
        List<String> paragraphs = TextRenderer.paragraphs(text);
        List<String> kept = new ArrayList<>();
        for (String p : paragraphs) {
            if (kept.isEmpty() && titleKeys.contains(key(p))) {
                continue;
            }
            List<String> lines = new ArrayList<>();
            for (String line : p.split("\n")) {
                if (!isFurniture(line)) {
                    lines.add(line);
                }
            }
            if (!lines.isEmpty()) {
                kept.add(String.join("\n", lines));
            }
        }
        LeadingNoise.trim(kept, meta.authors() == null ? List.of() : meta.authors(), meta.published() != null);
        TrailingNoise.trim(kept);
        return String.join("\n\n", kept);
    }

    /**
     * A row of tools or links written as one line with dots between ("115 hits · Print article · Send to friend",
     * "Reviews ▪ Books ▪ Videos"): three or more short parts, none of them a sentence.
     */
    private static boolean isToolRow(String lowerLine) {
        if (lowerLine.length() > 200 || TOOL_SEPARATOR.matcher(lowerLine).results().count() < 2) {
            return false;
        }
        int parts = 0;
        for (String part : TOOL_SEPARATOR.split(lowerLine)) {
            String p = part.strip();
            if (p.isEmpty()) {
                continue;
            }
            if (p.length() > 40 || p.split("\\s+").length > 5 || p.matches(".*[.!?]$")) {
                return false;
            }
            parts++;
        }
        return parts >= 3;
    }

    private static boolean isShareLabels(String lowerLine) {
        String[] words = LABEL_SEPARATORS.split(lowerLine.strip());
        boolean action = false;
        for (String w : words) {
            if (!SHARE_WORDS.contains(w)) {
                return false;
            }
            action |= SHARE_ACTIONS.contains(w);
        }
        return words.length >= 2 && action;
    }

    private static String withoutLeadingTitle(String text, Set<String> titleKeys) {
        List<String> paragraphs = new ArrayList<>(TextRenderer.paragraphs(text));
        if (!paragraphs.isEmpty() && titleKeys.contains(key(paragraphs.getFirst()))) {
            paragraphs.removeFirst();
        }
        return String.join("\n\n", paragraphs);
    }

    /** Short lines that are page furniture, a share button's label or a publication stamp, not story. */
    private static boolean isFurniture(String line) {
        if (line.length() >= 120) {
            return false;
        }
        String l = line.toLowerCase(Locale.ROOT).strip();
        return l.length() < 60 && JUNK_LINES.contains(l) || SHARE_LINE.matcher(l).matches()
                || STAMP_LINE.matcher(l).matches() || LABEL_LINE.matcher(l).matches()
                || l.length() < 60 && isShareLabels(l) || isToolRow(l);
    }

    /** Letters and digits of {@code s}, lower-cased: how a heading and a title are compared. */
    static String key(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "");
    }

    static int words(String text) {
        return WordCounter.count(text);
    }
}
