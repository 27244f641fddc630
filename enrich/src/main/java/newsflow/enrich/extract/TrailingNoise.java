package newsflow.enrich.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Trims what follows the story at the end of a body: promotions and calls to action, a comment section that the
 * cleaner did not recognise by name ("comments powered by", "TrackBack URL for this entry:", "Post a comment"),
 * a dangling label that introduced something already removed ("More content from …:"), and a run of headlines
 * of other stories (three or more short lines that end no sentence). Each step only ever removes from the end,
 * and never more than half of the body's text: an article is not trimmed away.
 */
final class TrailingNoise {

    /**
     * Calls to action that end articles: newsletter and app promotions, "follow us", tip lines and affiliate notes.
     * Only trimmed from the end of the body (and only short paragraphs), where they sit after the story.
     */
    private static final Pattern CALL_TO_ACTION = Pattern.compile(
            "(?i)\\b(subscribe|sign up|newsletter|inbox|follow (us|him|her|them|\\p{Lu}\\w+) on|click here|"
                    + "download (the|our) app|get the .{0,40}app|have a (news )?tip|(may|can) be reached at|"
                    + "contact (him|her|the author|the writer)|is out now|affiliate|commission|all rights reserved|"
                    + "copyright ©|tell us what you think|share this (article|story)|more great .{0,30}stories|"
                    + "we'd like to hear|letters to the editor|check out our|"
                    // a business's pitch after its post: demos, quotes, trials, calls
                    + "book a (free )?(\\w+ )?(demo|call|session|consultation)|request a (free )?quote|free quotes?\\b|"
                    + "try .{1,40} for free|(start|begin) (a|your) free trial|schedule a (free )?(call|consultation|demo)|"
                    + "get started (with|today)|join (my|our) .{0,40}(community|list|patreon)|"
                    + "on (twitter|facebook|instagram|google\\+|linkedin)( and (twitter|facebook|instagram))?[.!]?$)");
    private static final int MAX_CALL_TO_ACTION_CHARS = 300;
    /** The first line of a comment section left in the text. */
    private static final Pattern DISCUSSION_START = Pattern.compile(
            "(?i)^((blog )?comments powered by\\b.*|trackback url for this entry:?|listed below are links to weblogs that reference.*|"
                    + "(reader |user )?comments:?|\\d+ (comments?|responses?|replies)( so far)?:?|"
                    + "(post|leave|add|write) a (comment|reply|response):?|the comments to this entry are closed\\.?|"
                    + "no (user )?comments yet\\.?|be the first to comment.*|start new comment thread.*|got something to say\\??|"
                    // the author's box and the site's lists that follow a story
                    + "about the author:?|latest posts by .{1,60}|recent posts:?|related posts:?|related articles:?|"
                    + "you may also like.*|connect with .{1,60}:)$");
    /** "Tags: …", "Filed under: …", "Posted in …", "This entry was posted in …": the story's filing, not its text. */
    private static final Pattern FILING_LINE = Pattern.compile(
            "(?i)^((tags?|tagged|labels?|topics?|filed under|categories|category|posted in)\\s*:.*|posted in .{1,200}\\|.*|"
                    + "this entry was posted in .*)$");
    /** A line without a letter: share counts, a dash, the remains of a script ("'); } //-->"). */
    private static final Pattern NO_LETTER = Pattern.compile("[^\\p{L}]*");
    /** The last character of a line that ends a sentence or introduces what follows. */
    private static final Pattern SENTENCE_END = Pattern.compile("[.,;:]\\s*$");
    private static final int MAX_HEADLINE_CHARS = 100;
    private static final int MIN_HEADLINE_RUN = 3;
    private static final int MAX_LABEL_CHARS = 100;
    /** Rounds of trimming: real pages need two or three (a label after a rail after a call to action). */
    static final int MAX_ROUNDS = 8;
    /** How the labels of other stories' lists start ("More content from …:", "Related posts:"). */
    private static final Pattern RAIL_LABEL = Pattern.compile(
            "(?i)^(more|related|recommended|popular|most|also|trending|latest|recent|top|you may|you might|read|see|"
                    + "further|other|elsewhere|from around|around the web|listed below|must-read)\\b.*:$");
    /** "1. …", "2) …", "- …", "• …": items of the article's own list, not headlines of other stories. */
    private static final Pattern LIST_ITEM = Pattern.compile("^(\\d+[.)]|[-•*·▪])\\s.*");

    private TrailingNoise() {
    }

    /**
     * Trims {@code paragraphs} (lines joined by {@code \n}) in place, step after step until none applies or
     * {@value #MAX_ROUNDS} rounds have run.
     */
    static void trim(List<String> paragraphs) {
        int total = chars(paragraphs);
        boolean changed = true;
        // each round walks the body once; a bounded number of rounds keeps a hostile body's cost linear
        for (int round = 0; changed && round < MAX_ROUNDS && paragraphs.size() > 1; round++) {
            int before = chars(paragraphs);
            cutDiscussion(paragraphs, total);
            dropCallsToAction(paragraphs, total);
            dropDanglingLabel(paragraphs);
            dropHeadlineRun(paragraphs, total);
            dropLastLines(paragraphs);
            changed = chars(paragraphs) != before;
        }
    }

    /** From the first comment-section line in the second half of the body to the end. */
    private static void cutDiscussion(List<String> paragraphs, int total) {
        int seen = 0;
        for (int i = 0; i < paragraphs.size(); i++) {
            String[] lines = paragraphs.get(i).split("\n");
            for (int j = 0; j < lines.length; j++) {
                if (seen >= total / 2 && DISCUSSION_START.matcher(lines[j].strip()).matches()) {
                    List<String> head = new ArrayList<>(paragraphs.subList(0, i));
                    if (j > 0) {
                        head.add(String.join("\n", List.of(lines).subList(0, j)));
                    }
                    paragraphs.clear();
                    paragraphs.addAll(head);
                    return;
                }
                seen += lines[j].length() + 1;
            }
        }
    }

    /**
     * Short last paragraphs that are calls to action, as long as half of the body is left: a short post's own
     * sentences can carry the words ("… is in stock at Norman Camera (click here)"), and a post is not trimmed away.
     */
    private static void dropCallsToAction(List<String> paragraphs, int total) {
        while (paragraphs.size() > 1) {
            String last = paragraphs.getLast();
            if (last.length() > MAX_CALL_TO_ACTION_CHARS || !CALL_TO_ACTION.matcher(last).find()
                    || 2 * (chars(paragraphs) - last.length()) < total) {
                return;
            }
            paragraphs.removeLast();
        }
    }

    /**
     * Last lines that file the story (tags, categories), hold no letter at all, or are an author card's label left
     * without its card ("Author").
     */
    private static void dropLastLines(List<String> paragraphs) {
        while (paragraphs.size() > 1) {
            String last = paragraphs.getLast();
            int cut = last.lastIndexOf('\n');
            String line = (cut < 0 ? last : last.substring(cut + 1)).strip();
            if (!(FILING_LINE.matcher(line).matches() && line.length() <= MAX_CALL_TO_ACTION_CHARS
                    || NO_LETTER.matcher(line).matches() || LeadingNoise.LABEL_ONLY.matcher(line).matches())) {
                return;
            }
            if (cut < 0) {
                paragraphs.removeLast();
            } else {
                paragraphs.set(paragraphs.size() - 1, last.substring(0, cut));
            }
        }
    }

    /** A short last paragraph labelling a list of other stories ("Related posts:") whose list is gone. */
    private static void dropDanglingLabel(List<String> paragraphs) {
        String last = paragraphs.getLast().strip();
        if (paragraphs.size() > 1 && last.length() <= MAX_LABEL_CHARS && RAIL_LABEL.matcher(last).matches()
                && !last.contains("\n")) {
            paragraphs.removeLast();
        }
    }

    /**
     * Three or more short last lines that end no sentence (headlines of other stories); a list introduced by a
     * line ending in a colon is the article's own and stays, unless that line is a rail's label ("More from …:").
     */
    private static void dropHeadlineRun(List<String> paragraphs, int total) {
        List<String> lines = new ArrayList<>();
        List<int[]> at = new ArrayList<>();
        for (int i = 0; i < paragraphs.size(); i++) {
            String[] ls = paragraphs.get(i).split("\n");
            for (int j = 0; j < ls.length; j++) {
                lines.add(ls[j].strip());
                at.add(new int[] {i, j});
            }
        }
        int start = lines.size();
        int runChars = 0;
        while (start > 0 && isHeadline(lines.get(start - 1))) {
            start--;
            runChars += lines.get(start).length();
        }
        if (lines.size() - start < MIN_HEADLINE_RUN || start == 0 || runChars * 2 > total) {
            return;
        }
        String before = lines.get(start - 1);
        if (before.endsWith(":") && !RAIL_LABEL.matcher(before).matches()) {
            return;
        }
        int[] cut = at.get(start);
        List<String> head = new ArrayList<>(paragraphs.subList(0, cut[0]));
        if (cut[1] > 0) {
            head.add(String.join("\n", List.of(paragraphs.get(cut[0]).split("\n")).subList(0, cut[1])));
        }
        paragraphs.clear();
        paragraphs.addAll(head);
    }

    private static boolean isHeadline(String line) {
        return !line.isEmpty() && line.length() <= MAX_HEADLINE_CHARS && !SENTENCE_END.matcher(line).find()
                && !LIST_ITEM.matcher(line).matches()
                && line.indexOf(' ') > 0 && Character.isUpperCase(firstLetter(line));
    }

    private static char firstLetter(String line) {
        for (int i = 0; i < line.length(); i++) {
            if (Character.isLetter(line.charAt(i))) {
                return line.charAt(i);
            }
        }
        return 'a';
    }

    private static int chars(List<String> paragraphs) {
        int n = 0;
        for (String p : paragraphs) {
            n += p.length();
        }
        return n;
    }
}
