package newsflow.enrich.extract;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Removes the site name pages append to (or put before) their titles: "Budget passes | The Daily Ledger". */
final class Titles {

    private static final Pattern SEPARATOR = Pattern.compile("\\s+(?:\\||-|–|—|::|·|»|/|:)\\s+");

    private Titles() {
    }

    /**
     * @param title     raw title
     * @param siteName  the site's name when known (may be null)
     * @param aggressive also drop a short last segment that is not the known site name (for {@code <title>},
     *                  which nearly always carries a suffix); false only removes the known site name
     */
    static String clean(String title, String siteName, boolean aggressive) {
        if (title == null) {
            return null;
        }
        String t = title.replaceAll("\\s+", " ").strip();
        for (int round = 0; round < 2; round++) {
            String stripped = stripOnce(t, siteName, aggressive);
            if (stripped.equals(t)) {
                break;
            }
            t = stripped;
        }
        return t.isEmpty() ? null : t;
    }

    private static String stripOnce(String t, String siteName, boolean aggressive) {
        Matcher m = SEPARATOR.matcher(t);
        int lastStart = -1;
        int lastEnd = -1;
        int firstStart = -1;
        int firstEnd = -1;
        while (m.find()) {
            if (firstStart < 0) {
                firstStart = m.start();
                firstEnd = m.end();
            }
            lastStart = m.start();
            lastEnd = m.end();
        }
        if (lastStart < 0) {
            return t;
        }
        String head = t.substring(0, lastStart).strip();
        String tail = t.substring(lastEnd).strip();
        if (siteName != null && !siteName.isBlank()) {
            if (sameName(tail, siteName)) {
                return head;
            }
            String lead = t.substring(0, firstStart).strip();
            if (sameName(lead, siteName)) {
                return t.substring(firstEnd).strip();
            }
        }
        if (aggressive && words(tail) <= 4 && words(head) >= 3) {
            return head;
        }
        return t;
    }

    private static boolean sameName(String a, String b) {
        String x = a.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
        String y = b.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
        return !x.isEmpty() && (x.equals(y) || x.equals("the" + y) || y.equals("the" + x)
                || x.replace("www", "").replace("com", "").equals(y));
    }

    /** Letters and digits only, lower-cased: what two spellings of one headline share. */
    static String key(String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
    }

    private static int words(String s) {
        return s.isBlank() ? 0 : s.strip().split("\\s+").length;
    }
}
