package newsflow.enrich.extract;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns a byline as pages write it ("By Jane Doe and John Roe, Political Correspondents | March 3, 2024")
 * into a list of names: drops the "By" prefix (several languages), dates, times, e-mail addresses, handles and
 * job titles, splits on commas, "and", "&amp;", semicolons and bars, and removes duplicates.
 */
final class Bylines {

    private static final Pattern PREFIX = Pattern.compile(
            "^(?:(?:written|posted|words|story|reporting|text|photos?|updated|published)\\s+)?"
                    + "(?:by|von|par|por|di|door|av|af|autor|author|authors|byline)\\s*[:\\-–]?\\s+",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern MONTH_DATE = Pattern.compile(
            "(?:updated|published|posted)?\\s*(?:on\\s+)?"
                    + "(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\\s+)?"
                    + "(?:\\d{1,2}\\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?\\s+\\d{1,2}"
                    + "(?:st|nd|rd|th)?,?\\s+\\d{4}"
                    + "|(?:updated|published|posted)?\\s*(?:on\\s+)?\\d{1,2}\\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?,?\\s+\\d{4}",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern NUMERIC_DATE = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}(?:[T ]\\d{2}:\\d{2}(?::\\d{2})?)?|\\d{1,2}[./]\\d{1,2}[./]\\d{2,4}");
    private static final Pattern TIME = Pattern.compile("\\b\\d{1,2}[:.]\\d{2}\\s*(?:[ap]\\.?m\\.?)?(?:\\s*[A-Z]{2,4}T)?",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern EMAIL_OR_HANDLE = Pattern.compile("\\S+@\\S+|@\\w+|https?://\\S+");
    private static final Pattern SPLIT = Pattern.compile(
            "\\s*(?:[,;|/•·\\n]|\\s(?:and|und|et|y|e|en|og|och|i)\\s|&)\\s*", Pattern.CASE_INSENSITIVE);
    /**
     * A short label before the "By": themes print a screen-reader label ("Post author By Jane Doe"). Case-sensitive
     * on purpose: the name after it starts with a capital, which keeps "Stand by me" out.
     */
    private static final Pattern LABEL_THEN_BY = Pattern.compile("^(?:\\p{L}+\\s+){1,3}?(?:[Bb]y|[Vv]on|[Pp]ar|[Pp]or)\\s+(?=\\p{Lu})");
    private static final Pattern ROLE_SUFFIX = Pattern.compile("\\s+[-–—]\\s+.*$");
    private static final Set<String> ROLE_WORDS = Set.of(
            "correspondent", "reporter", "editor", "writer", "staff", "contributor", "columnist", "journalist",
            "producer", "analyst", "bureau", "chief", "senior", "political", "desk", "press", "contributing",
            "special", "associate", "deputy", "managing", "news", "newsroom", "team", "photographer", "more",
            "follow", "read", "updated", "published", "min", "minutes", "ago", "hours", "comments",
            // link texts of author boxes ("View Archive →", "See all posts", "Author profile")
            "view", "archive", "archives", "posts", "profile", "see", "articles", "stories", "website");

    private Bylines() {
    }

    /** Names in a byline, cleaned; empty when none survive. */
    static List<String> clean(String raw) {
        if (raw == null || raw.isBlank()) {
            return List.of();
        }
        String s = raw.replace('\u00A0', ' ').strip();
        s = EMAIL_OR_HANDLE.matcher(s).replaceAll(" ");
        s = MONTH_DATE.matcher(s).replaceAll(" ");
        s = NUMERIC_DATE.matcher(s).replaceAll(" ");
        s = TIME.matcher(s).replaceAll(" ");
        s = LABEL_THEN_BY.matcher(s.strip()).replaceFirst("");
        s = PREFIX.matcher(s.strip()).replaceFirst("");
        List<String> names = new ArrayList<>();
        for (String part : SPLIT.split(s)) {
            String name = ROLE_SUFFIX.matcher(part.strip()).replaceFirst("");
            name = PREFIX.matcher(name).replaceFirst("").replaceAll("\\s+", " ").strip();
            name = name.replaceAll("^[\\p{Punct}\\p{S}\\s]+|[\\p{Punct}\\p{S}\\s&&[^.]]+$", "").strip();
            name = closeBracket(name, part);
            if (isName(name)) {
                names.add(name);
            }
        }
        return dedupe(names);
    }

    /** "Jane Doe (jdoe)": trimming trailing punctuation must not eat the bracket that closes a nickname or note. */
    private static String closeBracket(String name, String part) {
        int open = name.lastIndexOf('(');
        if (open >= 0 && name.indexOf(')', open) < 0 && part.indexOf(')', part.indexOf(name) + name.length()) >= 0) {
            return name + ")";
        }
        return name;
    }

    /** Cleans every byline and merges the names, first occurrence first. */
    static List<String> cleanAll(List<String> raws) {
        List<String> names = new ArrayList<>();
        for (String raw : raws) {
            names.addAll(clean(raw));
        }
        return dedupe(names);
    }

    private static boolean isName(String s) {
        if (s.length() < 2 || s.length() > 60 || !s.chars().anyMatch(Character::isLetter)) {
            return false;
        }
        if (s.chars().anyMatch(Character::isDigit)) {
            return false;
        }
        String[] words = s.split(" ");
        if (words.length > 5 || words.length == 1 && PREFIX.matcher(s + " x").lookingAt()) {
            // a lone "By" left over from a byline split across elements
            return false;
        }
        for (String w : words) {
            if (ROLE_WORDS.contains(w.toLowerCase(Locale.ROOT).replaceAll("\\W", ""))) {
                return false;
            }
        }
        return true;
    }

    private static List<String> dedupe(List<String> names) {
        Map<String, String> unique = new LinkedHashMap<>();
        for (String n : names) {
            unique.putIfAbsent(n.toLowerCase(Locale.ROOT), n);
        }
        return List.copyOf(unique.values());
    }
}
