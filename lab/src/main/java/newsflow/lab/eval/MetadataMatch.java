package newsflow.lab.eval;

import java.text.Normalizer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Whether a predicted metadata value matches the expected one, normalised as {@code score_readability_pages.py}
 * does: null and blank are the same; text is NFKC-normalised, whitespace-collapsed and case-folded; languages
 * compare with {@code _} read as {@code -}; times compare as UTC instants when both parse as ISO-8601 (a time
 * without offset is UTC, a date alone is its midnight), else as normalised text.
 */
final class MetadataMatch {

    private static final Pattern SPACES = Pattern.compile("\\s+");
    /** ISO-8601 date, then optionally 'T' or ' ', time with optional seconds and fraction, optional offset. */
    private static final DateTimeFormatter ISO = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .optionalStart().appendPattern("['T'][' ']HH:mm").optionalStart().appendPattern(":ss")
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd().optionalEnd()
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .optionalEnd()
            .toFormatter(Locale.ROOT);

    private MetadataMatch() {
    }

    static boolean matches(String field, String expected, String predicted) {
        String e = normalise(field, expected);
        String p = normalise(field, predicted);
        return e == null ? p == null : e.equals(p);
    }

    static String normalise(String field, String value) {
        String text = text(value);
        if (text == null) {
            return null;
        }
        return switch (field) {
            case "publishedTime" -> time(value.strip(), text);
            case "lang" -> text.replace('_', '-');
            default -> text;
        };
    }

    private static String text(String value) {
        if (value == null) {
            return null;
        }
        String s = SPACES.matcher(Normalizer.normalize(value, Normalizer.Form.NFKC)).replaceAll(" ").strip();
        // Python's casefold: upper then lower folds ß to ss and final sigma like casefold does
        s = s.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
        return s.isEmpty() ? null : s;
    }

    private static String time(String raw, String fallback) {
        try {
            var parsed = ISO.parseBest(raw.replace('z', 'Z'), OffsetDateTime::from, LocalDateTime::from, LocalDate::from);
            Instant instant = switch (parsed) {
                case OffsetDateTime odt -> odt.toInstant();
                case LocalDateTime ldt -> ldt.toInstant(ZoneOffset.UTC);
                case LocalDate d -> d.atStartOfDay().toInstant(ZoneOffset.UTC);
                default -> null;
            };
            return instant == null ? fallback : instant.toString();
        } catch (DateTimeParseException e) {
            return fallback;
        }
    }
}
