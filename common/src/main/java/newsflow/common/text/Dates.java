package newsflow.common.text;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one date parser for feeds and pages. Reads the dates feeds carry and pages put in JSON-LD, meta tags and
 * {@code <time datetime>}: RFC 822/1123/850 with any day name, English or localised month names, named
 * zones and numeric offsets with or without a colon; W3C-DTF/ISO 8601 with a {@code T} or a space, fractional
 * seconds of any length and truncated forms; asctime; and a few regional layouts (Korean, Perforce).
 *
 * <p>A date that does not exist (day 99, hour 25, offset -99:99) or that carries something unreadable (an
 * unknown zone, trailing text) gives null: a missing date is honest, a rolled-over one is wrong. A date with no
 * zone is taken as UTC, as feed readers do. Pages get one allowance ({@link #parseOrDay}): an ISO date whose
 * time part is unreadable still names the right day. Thread-safe.
 */
public final class Dates {

    private static final String ZONE = "(?<zone>Z|[A-Za-z]{1,5}(?:/[A-Za-z]+)?|(?:GMT|UTC)?[+-]\\d{1,2}(?::?\\d{2})?)";
    private static final String TIME = "(?<hour>\\d{1,2}):(?<minute>\\d{2})(?::(?<second>\\d{2})(?:[.,](?<fraction>\\d{1,9}))?)?"
            + "(?:\\s?(?<ampm>[AaPp]\\.?[Mm]\\.?))?";
    /** Java's ISO_ZONED_DATE_TIME form puts a region after the offset ("+01:00[Europe/Paris]"); the offset decides. */
    private static final String REGION_ID = "(?:\\[[A-Za-z0-9_/+-]{1,40}\\])?";
    private static final String MONTH_NAME = "(?<monthName>\\p{L}{3,12}\\.?)";

    /** yyyy-mm-dd[Thh:mm[:ss[.f]][zone]] (a zone only after a time: "2013-01-27-01" is no date); also a month name in place of mm (Hungarian feeds) and 0-padded months. */
    private static final Pattern ISO = Pattern.compile(
            "(?<year>\\d{4})-(?:(?<month>0?\\d{2})|" + MONTH_NAME + ")-(?<day>\\d{1,2})"
                    + "(?:[Tt ]\\s*" + TIME + "\\s*(?:" + ZONE + REGION_ID + ")?)?");
    /** yyyy, yyyy-mm, yyyymmdd[Thhmmss][zone] (basic format). */
    private static final Pattern ISO_TRUNCATED = Pattern.compile("(?<year>\\d{4})(?:-(?<month>\\d{2}))?");
    private static final Pattern ISO_BASIC = Pattern.compile(
            "(?<year>\\d{4})(?<month>\\d{2})(?<day>\\d{2})(?:T(?<hour>\\d{2})(?<minute>\\d{2})(?<second>\\d{2})?)?(?<zone>Z|[+-]\\d{2}:?\\d{2})?");
    /** ISO 8601:1988 two-digit-year forms feedparser also reads: yymmdd, yy-mm-dd, -yymm, -yy-mm. */
    private static final Pattern ISO_SHORT_YEAR = Pattern.compile(
            "(?<year>\\d{2})-?(?<month>\\d{2})-?(?<day>\\d{2})|-(?<year2>\\d{2})-?(?<month2>\\d{2})");
    /** [dayname[,]] d month[,] yy[yy] [time] [zone]; also d-month-yy (RFC 850). */
    private static final Pattern RFC822 = Pattern.compile(
            "(?:\\p{L}+\\.?,?\\s*)?(?<day>\\d{1,2})[\\s-]+" + MONTH_NAME + ",?[\\s-]+(?<year>\\d{2}|\\d{4})"
                    + "(?:,?\\s+" + TIME + ")?(?:\\s+" + ZONE + ")?");
    /** dayname month d [yyyy] time [zone] [yyyy]: asctime and JavaScript's Date.toString. */
    private static final Pattern ASCTIME = Pattern.compile(
            "\\p{L}+,?\\s+" + MONTH_NAME + "\\s+(?<day>\\d{1,2})(?:\\s+(?<year>\\d{4}))?\\s+" + TIME
                    + "(?:\\s+" + ZONE + ")?(?:\\s+(?<year2>\\d{4}))?(?:\\s+\\(.*\\))?");
    /** Perforce: [dayname,] yyyy/mm/dd hh:mm:ss [zone]. */
    private static final Pattern SLASHED = Pattern.compile(
            "(?:\\p{L}+,?\\s*)?(?<year>\\d{4})/(?<month>\\d{1,2})/(?<day>\\d{1,2})(?:\\s+" + TIME + ")?(?:\\s+" + ZONE + ")?");
    /** Korean portals: yyyy-mm-dd 오전|오후 h:mm:ss, and yyyy년 mm월 dd일 hh:mm:ss, both in Korean time. */
    private static final Pattern KOREAN_AMPM = Pattern.compile(
            "(?<year>\\d{4})-(?<month>\\d{2})-(?<day>\\d{2})\\s+(?<half>오전|오후)\\s+" + TIME);
    private static final Pattern KOREAN = Pattern.compile(
            "(?<year>\\d{4})년\\s*(?<month>\\d{1,2})월\\s*(?<day>\\d{1,2})일\\s*(?:" + TIME + ")?");
    /** An ISO day followed by a time ("T…" or " 1…"), for {@link #parseOrDay}. */
    private static final Pattern ISO_DAY_THEN_TIME = Pattern.compile("(?<year>\\d{4})-(?<month>\\d{2})-(?<day>\\d{2})(?:[Tt]| \\d).*");
    private static final Pattern URL_DATE = Pattern.compile("/((?:19|20)\\d{2})[/-](\\d{1,2})[/-](\\d{1,2})(?:/|-|$)");
    private static final ZoneOffset KOREA = ZoneOffset.ofHours(9);

    private static final List<Function<String, Instant>> READERS = List.of(
            Dates::iso, Dates::rfc822, Dates::asctime, Dates::slashed, Dates::korean,
            Dates::isoBasic, Dates::isoTruncated, Dates::isoShortYear);

    private Dates() {
    }

    /** The instant {@code text} names, or null when it is blank, unreadable or not a real date. */
    public static Instant parse(String text) {
        if (text == null) {
            return null;
        }
        String s = text.strip().replaceAll("\\s+", " ");
        if (s.isEmpty() || s.length() > 80) {
            return null;
        }
        for (Function<String, Instant> reader : READERS) {
            try {
                Instant instant = reader.apply(s);
                if (instant != null) {
                    return instant;
                }
            } catch (DateTimeException | NumberFormatException e) {
                // the layout matched but the date does not exist (day 31 of June, hour 25, offset -99:99)
                return null;
            }
        }
        return null;
    }

    /**
     * {@link #parse}, and when that fails on an ISO date with a time ({@code 2025-02-18T16:05:00 Nowhere/Tz}),
     * midnight UTC of that day: for an article's metadata the day is still right when its zone is not.
     */
    public static Instant parseOrDay(String text) {
        Instant instant = parse(text);
        if (instant != null || text == null) {
            return instant;
        }
        Matcher m = ISO_DAY_THEN_TIME.matcher(text.strip());
        return m.matches() ? day(m.group("year"), m.group("month"), m.group("day")) : null;
    }

    /** A {@code /2024/03/05/} date in an article URL, as midnight UTC; null when the URL has none. */
    public static Instant dayInUrl(String url) {
        if (url == null) {
            return null;
        }
        Matcher m = URL_DATE.matcher(url);
        return m.find() ? day(m.group(1), m.group(2), m.group(3)) : null;
    }

    private static Instant day(String year, String month, String day) {
        try {
            return LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day))
                    .atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static Instant iso(String s) {
        Matcher m = ISO.matcher(s);
        if (!m.matches()) {
            return null;
        }
        int month = m.group("month") != null ? Integer.parseInt(m.group("month")) : DateNames.month(m.group("monthName"));
        return build(m, Integer.parseInt(m.group("year")), month, ZoneOffset.UTC);
    }

    private static Instant rfc822(String s) {
        Matcher m = RFC822.matcher(s);
        if (!m.matches()) {
            return null;
        }
        return build(m, fullYear(m.group("year")), DateNames.month(m.group("monthName")), ZoneOffset.UTC);
    }

    private static Instant asctime(String s) {
        Matcher m = ASCTIME.matcher(s);
        if (!m.matches() || (m.group("year") == null) == (m.group("year2") == null)) {
            return null;
        }
        String year = m.group("year") != null ? m.group("year") : m.group("year2");
        return build(m, Integer.parseInt(year), DateNames.month(m.group("monthName")), ZoneOffset.UTC);
    }

    private static Instant slashed(String s) {
        Matcher m = SLASHED.matcher(s);
        return m.matches() ? build(m, Integer.parseInt(m.group("year")), Integer.parseInt(m.group("month")), ZoneOffset.UTC) : null;
    }

    private static Instant korean(String s) {
        Matcher m = KOREAN_AMPM.matcher(s);
        if (m.matches()) {
            int hour = hour24(Integer.parseInt(m.group("hour")), m.group("half").equals("오후") ? "pm" : "am");
            LocalDateTime local = LocalDateTime.of(Integer.parseInt(m.group("year")), Integer.parseInt(m.group("month")),
                    Integer.parseInt(m.group("day")), hour, Integer.parseInt(m.group("minute")), seconds(m));
            return local.toInstant(KOREA);
        }
        m = KOREAN.matcher(s);
        return m.matches() ? build(m, Integer.parseInt(m.group("year")), Integer.parseInt(m.group("month")), KOREA) : null;
    }

    private static Instant isoBasic(String s) {
        Matcher m = ISO_BASIC.matcher(s);
        return m.matches() ? build(m, Integer.parseInt(m.group("year")), Integer.parseInt(m.group("month")), ZoneOffset.UTC) : null;
    }

    private static Instant isoTruncated(String s) {
        Matcher m = ISO_TRUNCATED.matcher(s);
        if (!m.matches()) {
            return null;
        }
        int month = m.group("month") == null ? 1 : Integer.parseInt(m.group("month"));
        return LocalDateTime.of(Integer.parseInt(m.group("year")), month, 1, 0, 0).toInstant(ZoneOffset.UTC);
    }

    private static Instant isoShortYear(String s) {
        Matcher m = ISO_SHORT_YEAR.matcher(s);
        if (!m.matches()) {
            return null;
        }
        if (m.group("year") != null) {
            return build(m, fullYear(m.group("year")), Integer.parseInt(m.group("month")), ZoneOffset.UTC);
        }
        return LocalDateTime.of(fullYear(m.group("year2")), Integer.parseInt(m.group("month2")), 1, 0, 0)
                .toInstant(ZoneOffset.UTC);
    }

    /**
     * The instant from the groups day, hour, minute, second, fraction and zone (those present), given year and
     * month. Null when the month or zone is unknown; DateTimeException when a field is out of range.
     */
    private static Instant build(Matcher m, int year, int month, ZoneOffset defaultZone) {
        if (month < 1 || month > 12) {
            return null;
        }
        ZoneOffset zone = defaultZone;
        String zoneText = group(m, "zone");
        if (zoneText != null) {
            zone = offset(zoneText);
            if (zone == null) {
                return null;
            }
        }
        String hour = group(m, "hour");
        LocalDateTime local = LocalDateTime.of(year, month, Integer.parseInt(m.group("day")),
                hour == null ? 0 : hour24(Integer.parseInt(hour), group(m, "ampm")),
                hour == null ? 0 : Integer.parseInt(m.group("minute")),
                seconds(m), nanos(m));
        return local.toInstant(zone);
    }

    /** 12 AM is midnight, 12 PM noon; an AM/PM hour outside 1–12 is no time. */
    private static int hour24(int hour, String ampm) {
        if (ampm == null) {
            return hour;
        }
        if (hour < 1 || hour > 12) {
            throw new DateTimeException("hour " + hour + " with " + ampm);
        }
        boolean pm = Character.toLowerCase(ampm.charAt(0)) == 'p';
        return hour % 12 + (pm ? 12 : 0);
    }

    private static int seconds(Matcher m) {
        String second = group(m, "second");
        return second == null ? 0 : Integer.parseInt(second);
    }

    /** Fractional seconds of any length as nanoseconds (".5" is half a second, not 5 milliseconds). */
    private static int nanos(Matcher m) {
        String fraction = group(m, "fraction");
        if (fraction == null) {
            return 0;
        }
        return Integer.parseInt((fraction + "000000000").substring(0, 9));
    }

    /** A named zone, or a numeric offset (+hh, +hhmm, +hh:mm, optionally after GMT/UTC); null when unknown. */
    static ZoneOffset offset(String zone) {
        String z = zone.strip();
        String upper = z.toUpperCase(java.util.Locale.ROOT);
        if (upper.startsWith("GMT") || upper.startsWith("UTC")) {
            String rest = z.substring(3);
            if (rest.startsWith("+") || rest.startsWith("-")) {
                z = rest;
            }
        }
        char sign = z.charAt(0);
        if (sign != '+' && sign != '-') {
            return DateNames.zone(z);
        }
        String digits = z.substring(1).replace(":", "");
        int hours;
        int minutes;
        if (digits.length() <= 2) {
            hours = Integer.parseInt(digits);
            minutes = 0;
        } else {
            hours = Integer.parseInt(digits.substring(0, digits.length() - 2));
            minutes = Integer.parseInt(digits.substring(digits.length() - 2));
        }
        if (minutes > 59) {
            throw new DateTimeException("offset minutes out of range: " + zone);
        }
        return sign == '-' ? ZoneOffset.ofHoursMinutes(-hours, -minutes) : ZoneOffset.ofHoursMinutes(hours, minutes);
    }

    /** RFC 2822 section 4.3: two-digit years 00–49 are 2000–2049, 50–99 are 1950–1999. */
    private static int fullYear(String year) {
        int y = Integer.parseInt(year);
        if (year.length() > 2) {
            return y;
        }
        return y < 50 ? 2000 + y : 1900 + y;
    }

    private static String group(Matcher m, String name) {
        try {
            return m.group(name);
        } catch (IllegalArgumentException e) {
            return null; // this layout has no such group
        }
    }
}
