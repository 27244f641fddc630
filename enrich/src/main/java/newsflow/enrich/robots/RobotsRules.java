package newsflow.enrich.robots;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The rules of one robots.txt (RFC 9309) that apply to one user agent: the group naming it (its product token,
 * case-insensitive), else the {@code *} group. A path is allowed unless the longest matching rule is a
 * {@code Disallow}; on a tie {@code Allow} wins. {@code *} matches any run of characters and a final {@code $}
 * anchors the end.
 */
record RobotsRules(List<Rule> rules) {

    static final RobotsRules ALLOW_ALL = new RobotsRules(List.of());

    record Rule(String pattern, boolean allow) {
    }

    static RobotsRules parse(String text, String userAgent) {
        String token = product(userAgent);
        List<Rule> specific = new ArrayList<>();
        List<Rule> wildcard = new ArrayList<>();
        boolean foundSpecific = false;
        List<String> agents = new ArrayList<>();
        boolean inRules = false;
        List<Rule> current = new ArrayList<>();
        for (String raw : (text == null ? "" : text).split("\r?\n|\r")) {
            String line = raw.replaceFirst("#.*$", "").strip();
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String key = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).strip();
            switch (key) {
                case "user-agent" -> {
                    if (inRules) { // a new group starts: file the one that ended
                        foundSpecific |= file(agents, current, token, specific, wildcard);
                        agents = new ArrayList<>();
                        current = new ArrayList<>();
                        inRules = false;
                    }
                    agents.add(value.toLowerCase(Locale.ROOT));
                }
                case "allow", "disallow" -> {
                    inRules = true;
                    if (!value.isEmpty()) { // an empty Disallow allows everything: no rule
                        current.add(new Rule(value, key.equals("allow")));
                    }
                }
                default -> {
                    // sitemap, crawl-delay and the rest do not decide what may be fetched
                }
            }
        }
        foundSpecific |= file(agents, current, token, specific, wildcard);
        return new RobotsRules(List.copyOf(foundSpecific ? specific : wildcard));
    }

    private static boolean file(List<String> agents, List<Rule> rules, String token, List<Rule> specific, List<Rule> wildcard) {
        boolean mine = agents.stream().anyMatch(a -> !a.equals("*") && token.startsWith(a));
        if (mine) {
            specific.addAll(rules);
        } else if (agents.contains("*")) {
            wildcard.addAll(rules);
        }
        return mine;
    }

    /** {@code newsflow/0.1 (+https://…)} → {@code newsflow}. */
    static String product(String userAgent) {
        String ua = userAgent == null ? "" : userAgent.strip().toLowerCase(Locale.ROOT);
        int end = 0;
        while (end < ua.length() && (Character.isLetterOrDigit(ua.charAt(end)) || ua.charAt(end) == '-' || ua.charAt(end) == '_')) {
            end++;
        }
        return ua.substring(0, end);
    }

    /** Whether {@code pathAndQuery} (starting with /) may be fetched. */
    boolean allows(String pathAndQuery) {
        Rule best = null;
        int bestLength = -1;
        for (Rule r : rules) {
            if (matches(r.pattern(), pathAndQuery)) {
                int length = r.pattern().length();
                if (length > bestLength || length == bestLength && r.allow()) {
                    best = r;
                    bestLength = length;
                }
            }
        }
        return best == null || best.allow();
    }

    static boolean matches(String pattern, String path) {
        boolean anchored = pattern.endsWith("$");
        String p = anchored ? pattern.substring(0, pattern.length() - 1) : pattern;
        return match(p, 0, path, 0, anchored);
    }

    private static boolean match(String p, int pi, String s, int si, boolean anchored) {
        while (pi < p.length()) {
            char c = p.charAt(pi);
            if (c == '*') {
                for (int k = si; k <= s.length(); k++) {
                    if (match(p, pi + 1, s, k, anchored)) {
                        return true;
                    }
                }
                return false;
            }
            if (si >= s.length() || s.charAt(si) != c) {
                return false;
            }
            pi++;
            si++;
        }
        return !anchored || si == s.length();
    }
}
