package newsflow.enrich.extract;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Utility-CSS class names that read like boilerplate words but style a box rather than name it:
 * {@code overflow-hidden} (and {@code md:overflow-x-hidden}) clips what overflows a box, it does not hide the box,
 * so its "hidden" must not mark the box as hidden content.
 */
final class UtilityClasses {

    private static final Pattern OVERFLOW = Pattern.compile("([a-z0-9-]+:)*overflow(-[xy])?-[a-z]+");

    private UtilityClasses() {
    }

    static boolean isStyleOnly(String token) {
        return OVERFLOW.matcher(token.toLowerCase(Locale.ROOT)).matches();
    }

    /** {@code className} without its style-only tokens (the same string when it has none). */
    static String withoutStyleOnly(String className) {
        if (!className.contains("overflow")) {
            return className;
        }
        StringBuilder kept = new StringBuilder();
        for (String token : className.split("\\s+")) {
            if (!token.isEmpty() && !isStyleOnly(token)) {
                kept.append(kept.isEmpty() ? "" : " ").append(token);
            }
        }
        return kept.toString();
    }
}
