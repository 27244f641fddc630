package newsflow.ingest.parse;

import com.rometools.rome.feed.WireFeed;
import com.rometools.rome.feed.rss.Channel;
import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.Namespace;

import java.time.DayOfWeek;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a feed says about how often to poll it: RSS {@code <ttl>} (minutes), the syndication module's
 * {@code sy:updatePeriod}/{@code sy:updateFrequency}, and RSS {@code <skipHours>}/{@code <skipDays>} (GMT).
 * Values that make no sense are dropped rather than trusted: a feed cannot tell us to never poll it.
 *
 * @param ttl          how long the document may be cached, null when not given
 * @param updatePeriod the publisher's stated update period divided by its frequency, null when not given
 * @param skipHours    GMT hours (0–23) in which not to poll
 * @param skipDays     days (GMT) on which not to poll
 */
public record FeedHints(Duration ttl, Duration updatePeriod, Set<Integer> skipHours, Set<DayOfWeek> skipDays) {

    public static final FeedHints NONE = new FeedHints(null, null, Set.of(), Set.of());

    public FeedHints {
        skipHours = Set.copyOf(skipHours);
        skipDays = skipDays.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(skipDays));
        if (skipHours.size() >= 24) {
            skipHours = Set.of(); // "skip every hour" would silence the feed: ignore it
        }
        if (skipDays.size() >= 7) {
            skipDays = Set.of();
        }
    }

    /** The syndication module's namespace: Rome reads it only for RSS 1.0, publishers use it in RSS 2.0 and Atom too. */
    private static final String SY = "http://purl.org/rss/1.0/modules/syndication/";

    static FeedHints of(Document doc, WireFeed wire) {
        Duration ttl = null;
        Set<Integer> hours = new TreeSet<>();
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        if (wire instanceof Channel channel) {
            if (channel.getTtl() > 0) {
                ttl = Duration.ofMinutes(channel.getTtl());
            }
            if (channel.getSkipHours() != null) {
                channel.getSkipHours().stream().filter(h -> h != null && h >= 0 && h <= 24).map(h -> h % 24).forEach(hours::add);
            }
            if (channel.getSkipDays() != null) {
                for (String d : channel.getSkipDays()) {
                    day(d, days);
                }
            }
        }
        return new FeedHints(ttl, updatePeriod(doc), hours, days);
    }

    private static Duration updatePeriod(Document doc) {
        Element root = doc.getRootElement();
        Element channel = root.getChild("channel", root.getNamespace());
        if (channel == null) {
            channel = root.getChildren().stream().filter(e -> e.getName().equals("channel")).findFirst().orElse(root);
        }
        Namespace sy = Namespace.getNamespace(SY);
        String periodText = channel.getChildTextTrim("updatePeriod", sy);
        if (periodText == null) {
            return null;
        }
        Duration period = switch (periodText.toLowerCase(Locale.ROOT)) {
            case "hourly" -> Duration.ofHours(1);
            case "daily" -> Duration.ofDays(1);
            case "weekly" -> Duration.ofDays(7);
            case "monthly" -> Duration.ofDays(30);
            case "yearly" -> Duration.ofDays(365);
            default -> null;
        };
        String frequencyText = channel.getChildTextTrim("updateFrequency", sy);
        int frequency = frequencyText != null && frequencyText.matches("\\d{1,4}") && Integer.parseInt(frequencyText) > 0
                ? Integer.parseInt(frequencyText) : 1;
        return period == null ? null : period.dividedBy(frequency);
    }

    private static void day(String name, Set<DayOfWeek> into) {
        if (name == null) {
            return;
        }
        try {
            into.add(DayOfWeek.valueOf(name.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException ignored) {
            // not a day name: nothing to skip
        }
    }
}
