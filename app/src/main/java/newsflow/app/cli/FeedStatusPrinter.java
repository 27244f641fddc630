package newsflow.app.cli;

import newsflow.ingest.status.FeedStatus;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Renders {@code feeds status}: a table of every feed, or every field of one. */
final class FeedStatusPrinter {

    private static final int ERROR_WIDTH = 60;

    private FeedStatusPrinter() {
    }

    static String table(List<FeedStatus> feeds, Instant now) {
        List<List<String>> rows = new ArrayList<>();
        for (FeedStatus f : feeds) {
            rows.add(List.of(f.url(), ago(f.lastSuccess(), now, f.polled()), Integer.toString(f.errorStreak()),
                    until(f.nextPollAt(), now), rate(f.itemsPerDay()), validators(f),
                    Table.cell(f.lastError(), ERROR_WIDTH)));
        }
        StringBuilder out = new StringBuilder(Table.render(
                List.of("FEED", "LAST SUCCESS", "ERRORS", "NEXT POLL", "ITEMS/DAY", "ETAG", "LAST ERROR"), rows));
        long failing = feeds.stream().filter(f -> f.errorStreak() > 0).count();
        long never = feeds.stream().filter(f -> !f.polled()).count();
        out.append(String.format(Locale.ROOT, "%d feeds, %d failing, %d not polled yet%n", feeds.size(), failing, never));
        return out.toString();
    }

    static String detail(FeedStatus f, Instant now) {
        StringBuilder out = new StringBuilder();
        line(out, "feed", f.url());
        line(out, "name", f.name() == null ? "(the feed's own title)" : f.name());
        line(out, "last success", f.lastSuccess() == null ? ago(null, now, f.polled()) : f.lastSuccess() + " (" + ago(f.lastSuccess(), now, true) + ")");
        line(out, "error streak", Integer.toString(f.errorStreak()));
        line(out, "last error", f.lastError() == null ? "none" : f.lastError());
        line(out, "next poll", f.nextPollAt() == null ? "not scheduled" : f.nextPollAt() + " (" + until(f.nextPollAt(), now) + ")");
        line(out, "items per day", f.itemsPerDay() == null ? "unknown (no dated entries remembered)"
                : rate(f.itemsPerDay()) + " (entries of the last 30 days)");
        line(out, "remembered", f.remembered() + " entries");
        line(out, "conditional GET", f.etag() || f.lastModified()
                ? (f.etag() ? "ETag" : "") + (f.etag() && f.lastModified() ? " and " : "") + (f.lastModified() ? "Last-Modified" : "")
                : f.polled() ? "no validators: every poll downloads the whole feed" : "not polled yet");
        return out.toString();
    }

    private static void line(StringBuilder out, String label, String value) {
        out.append(String.format(Locale.ROOT, "%-16s %s%n", label + ":", value));
    }

    /** Which validators the feed's server gives: etag, lm (Last-Modified), both, or none. */
    private static String validators(FeedStatus f) {
        if (!f.polled()) {
            return "";
        }
        if (f.etag()) {
            return f.lastModified() ? "yes+lm" : "yes";
        }
        return f.lastModified() ? "no (lm)" : "no";
    }

    static String ago(Instant at, Instant now, boolean polled) {
        if (at == null) {
            return polled ? "never" : "not polled yet";
        }
        Duration d = Duration.between(at, now);
        return d.isNegative() ? "just now" : span(d) + " ago";
    }

    static String until(Instant at, Instant now) {
        if (at == null) {
            return "";
        }
        Duration d = Duration.between(now, at);
        return d.isNegative() || d.isZero() ? "due" : "in " + span(d);
    }

    static String span(Duration d) {
        long s = d.toSeconds();
        if (s < 60) {
            return s + "s";
        }
        if (s < 3600) {
            return (s / 60) + "m";
        }
        if (s < 86_400) {
            return (s / 3600) + "h" + (s % 3600 >= 60 ? (s % 3600 / 60) + "m" : "");
        }
        return (s / 86_400) + "d" + (s % 86_400 >= 3600 ? (s % 86_400 / 3600) + "h" : "");
    }

    static String rate(Double perDay) {
        if (perDay == null) {
            return "?";
        }
        return perDay >= 10 ? String.format(Locale.ROOT, "%.0f", perDay) : String.format(Locale.ROOT, "%.1f", perDay);
    }

}
