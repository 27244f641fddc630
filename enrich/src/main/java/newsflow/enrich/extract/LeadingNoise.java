package newsflow.enrich.extract;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Trims what precedes the story at the start of a body: lines that are the byline ("By Jane Moss", or the name of
 * an author the page declares) or a date alone, both already captured as the article's metadata, and a byline or
 * date label left without its value ("Posted By", "Edited by"). Only the first
 * few lines are looked at, and only up to the first line that reads like prose.
 */
final class LeadingNoise {

    /** Lines looked at from the start. */
    private static final int MAX_LINES = 3;
    private static final int MAX_NOISE_CHARS = 60;
    /** "By Jane Moss", "by Guest Author", "By J. R. Smith and Ann Lee": "by" and two to six capitalised words. */
    private static final Pattern BY_LINE = Pattern.compile(
            "(?i:by)\\s+\\p{Lu}[\\p{L}.'’-]*(\\s+(and\\s+|&\\s+)?\\p{Lu}[\\p{L}.'’-]*){1,5}");
    /** A date and nothing else: "15 Dec, 2025", "August 9, 2012", "Tuesday, 4 March 2025", "2025-03-04". */
    private static final Pattern DATE_ONLY = Pattern.compile("(?i)((mon|tues|wednes|thurs|fri|satur|sun)day,?\\s+)?("
            + "(\\d{1,2}(st|nd|rd|th)?\\s+)?(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?"
            + "(\\s+\\d{1,2}(st|nd|rd|th)?)?,?\\s+\\d{4}|\\d{4}-\\d{2}-\\d{2}|\\d{1,2}/\\d{1,2}/\\d{2,4})");

    /**
     * A byline or date label whose value is not there ("By", "Posted on", "Edited by", "Author:"): the name or date
     * sat in an element the cleaner removed (a linked author card, a script-filled date) and the label was left.
     */
    static final Pattern LABEL_ONLY = Pattern.compile(
            "(?i)(by|(posted|published|written|edited|reviewed|fact[- ]checked|updated)( by| on)?|last updated( on)?|"
                    + "authors?)\\s*:?");

    private LeadingNoise() {
    }

    /**
     * Drops leading byline and date lines from {@code paragraphs} (lines joined by {@code \n}) in place.
     *
     * @param authors the authors the page declares (a line that is just one of their names is a byline)
     * @param dated   the page declares a publication time (a date line repeats it)
     */
    static void trim(List<String> paragraphs, List<String> authors, boolean dated) {
        Set<String> names = new HashSet<>();
        for (String a : authors) {
            names.add(a.strip().toLowerCase(Locale.ROOT));
        }
        for (int seen = 0; seen < MAX_LINES && paragraphs.size() > 1; seen++) {
            String first = paragraphs.getFirst();
            int cut = first.indexOf('\n');
            String line = (cut < 0 ? first : first.substring(0, cut)).strip();
            if (!isNoise(line, names, dated)) {
                return;
            }
            if (cut < 0) {
                paragraphs.removeFirst();
            } else {
                paragraphs.set(0, first.substring(cut + 1));
            }
        }
    }

    private static boolean isNoise(String line, Set<String> authors, boolean dated) {
        if (line.length() > MAX_NOISE_CHARS) {
            return false;
        }
        String lower = line.toLowerCase(Locale.ROOT);
        String name = lower.startsWith("by ") ? lower.substring(3).strip() : lower;
        return authors.contains(name) || BY_LINE.matcher(line).matches() || LABEL_ONLY.matcher(line).matches()
                || dated && DATE_ONLY.matcher(line).matches();
    }
}
