package newsflow.enrich.extract;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The title a page gives in its {@code <title>} element, with the site's name taken off the way Readability.js
 * does it, and the word overlap it uses to compare two titles. Only the {@code <title>} element gets this treatment:
 * a title stated in metadata (JSON-LD, Dublin Core, OpenGraph, …) is the publisher's own and is kept as written.
 */
final class Titles {

    private static final String SEPARATORS = "|\\-–—\\\\/>»";
    private static final Pattern SEPARATOR = Pattern.compile("(?U)\\s[" + SEPARATORS + "]\\s");
    /** Separators of a path ("Docs » Guides » Install") rather than of a site name. */
    private static final Pattern HIERARCHICAL = Pattern.compile("(?U)\\s[\\\\/>»]\\s");
    private static final Pattern UP_TO_FIRST_SEPARATOR = Pattern.compile("^[^" + SEPARATORS + "]*[" + SEPARATORS + "]");
    private static final Pattern SEPARATOR_RUNS = Pattern.compile("[" + SEPARATORS + "]+");
    private static final Pattern WHITESPACE = Pattern.compile("(?U)\\s+");
    /** JavaScript's {@code \W} without the u flag: everything but ASCII letters, digits and underscore. */
    private static final Pattern NON_WORD = Pattern.compile("[^A-Za-z0-9_]+");

    private Titles() {
    }

    /**
     * The {@code <title>} element's text without the site's name: the part before the last separator
     * ({@code | - – — \ / > »} between spaces), or after the first one when that leaves fewer than three words; for a
     * "Site: Headline" title the part after the colon, unless a heading repeats the whole title; the only
     * {@code <h1>} when the title is very short or very long. A result of four words or fewer is not trusted and
     * the whole title is kept, except when only the last part of a path-like title was dropped. Null without a title.
     */
    static String ofDocument(Document doc) {
        String original = titleText(doc);
        if (original == null) {
            return null;
        }
        String title = original;
        boolean hierarchical = false;
        Matcher separator = SEPARATOR.matcher(original);
        int lastSeparator = -1;
        while (separator.find()) {
            lastSeparator = separator.start();
        }
        if (lastSeparator >= 0) {
            hierarchical = HIERARCHICAL.matcher(original).find();
            title = original.substring(0, lastSeparator);
            if (wordCount(title) < 3) {
                title = UP_TO_FIRST_SEPARATOR.matcher(original).replaceFirst("");
            }
        } else if (original.contains(": ")) {
            if (!headingRepeats(doc, original)) {
                title = original.substring(original.lastIndexOf(':') + 1);
                if (wordCount(title) < 3) {
                    title = original.substring(original.indexOf(':') + 1);
                } else if (wordCount(original.substring(0, original.indexOf(':'))) > 5) {
                    title = original;
                }
            }
        } else if (original.length() > 150 || original.length() < 15) {
            List<Element> h1s = doc.getElementsByTag("h1");
            if (h1s.size() == 1) {
                title = h1s.getFirst().text();
            }
        }
        title = WHITESPACE.matcher(title.strip()).replaceAll(" ");
        int words = wordCount(title);
        if (words <= 4 && (!hierarchical
                || words != wordCount(SEPARATOR_RUNS.matcher(original).replaceAll("")) - 1)) {
            title = original;
        }
        return title.isBlank() ? null : title;
    }

    /** The first {@code <title>} outside SVG, whitespace collapsed as browsers report {@code document.title}. */
    private static String titleText(Document doc) {
        for (Element t : doc.getElementsByTag("title")) {
            boolean inSvg = false;
            for (Element p = t.parent(); p != null && !inSvg; p = p.parent()) {
                inSvg = p.normalName().equals("svg");
            }
            if (!inSvg) {
                String text = t.text().strip();
                return text.isEmpty() ? null : text;
            }
        }
        return null;
    }

    private static boolean headingRepeats(Document doc, String title) {
        for (Element h : doc.select("h1, h2")) {
            if (h.wholeText().strip().equals(title)) {
                return true;
            }
        }
        return false;
    }

    /** Words as JavaScript's {@code split(/\s+/)} counts them: a leading or trailing space adds one. */
    private static int wordCount(String s) {
        return WHITESPACE.split(s, -1).length;
    }

    /**
     * How much of {@code b} is also in {@code a}: one minus the share of {@code b}'s text (its ASCII word tokens,
     * lower-cased, joined by spaces) made of tokens {@code a} lacks. 0 when either has no token.
     */
    static double similarity(String a, String b) {
        List<String> tokensA = tokens(a);
        List<String> tokensB = tokens(b);
        if (tokensA.isEmpty() || tokensB.isEmpty()) {
            return 0;
        }
        Set<String> inA = new HashSet<>(tokensA);
        List<String> onlyB = new ArrayList<>();
        for (String t : tokensB) {
            if (!inA.contains(t)) {
                onlyB.add(t);
            }
        }
        return 1 - (double) String.join(" ", onlyB).length() / String.join(" ", tokensB).length();
    }

    private static List<String> tokens(String s) {
        List<String> out = new ArrayList<>();
        for (String t : NON_WORD.split(s.toLowerCase(Locale.ROOT))) {
            if (!t.isEmpty()) {
                out.add(t);
            }
        }
        return out;
    }
}
