package newsflow.search;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.Month;
import java.time.Year;

/**
 * An instant as an export writes it: ISO-8601 in UTC, the way {@link Instant#toString()} writes it (which is how
 * the index module stores {@code published}).
 *
 * <p>Why not {@code Instant.parse(text).toString()} for every row: parsing and writing an export's 10,000 instants
 * took about as much CPU time as writing its 10,000 rows. Text already in that form, naming a real date and time,
 * is returned as it is after a check of its characters; any other form goes through {@link Instant#parse}.
 */
final class UtcInstant {

    private UtcInstant() {
    }

    /** {@code text} as {@link Instant#toString()} writes the instant it names; null when it names none. */
    static String canonical(String text) {
        if (text == null) {
            return null;
        }
        if (isCanonical(text)) {
            return text;
        }
        try {
            return Instant.parse(text).toString();
        } catch (DateTimeException e) {
            return null;
        }
    }

    /**
     * {@code yyyy-MM-ddTHH:mm:ss[.fff[fff[fff]]]Z} as {@link Instant#toString()} writes it for years 0 to 9999: a
     * fraction of 3, 6 or 9 digits, no trailing group of three zeros, and a real date and time of day.
     */
    static boolean isCanonical(String s) {
        int n = s.length();
        if (n != 20 && n != 24 && n != 27 && n != 30 || s.charAt(n - 1) != 'Z') {
            return false;
        }
        if (s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T' || s.charAt(13) != ':' || s.charAt(16) != ':') {
            return false;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        int hour = digits(s, 11, 2);
        int minute = digits(s, 14, 2);
        int second = digits(s, 17, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59
                || second < 0 || second > 59 || day > Month.of(month).length(Year.isLeap(year))) {
            return false;
        }
        if (n == 20) {
            return true;
        }
        int fractionDigits = n - 21;
        // Instant.toString writes the shortest of 3, 6 or 9 digits: a last group of "000" would have been left off
        return s.charAt(19) == '.' && digits(s, 20, fractionDigits) >= 0 && digits(s, n - 4, 3) > 0;
    }

    /** The number the {@code count} ASCII digits at {@code from} spell, or -1 when one is not a digit. */
    private static int digits(String s, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
