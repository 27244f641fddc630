package newsflow.app.cli;

import newsflow.common.config.ConfigLoader;
import picocli.CommandLine;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * A point in time on the command line ({@code --since}, {@code --from}): an ISO-8601 instant with its offset
 * ({@code 2026-05-01T12:00:00Z}), a UTC day ({@code 2026-05-01}, its start), or a duration back from now
 * ({@code 90m}, {@code 6h}, {@code 2d}).
 */
final class TimeArgument implements CommandLine.ITypeConverter<Instant> {

    static final String FORMS = "an ISO instant such as 2026-05-01T12:00:00Z, a day such as 2026-05-01 (its start, UTC),"
            + " or a duration back from now such as 90m, 6h, 2d";

    @Override
    public Instant convert(String value) {
        return parse(value, Instant.now());
    }

    static Instant parse(String value, Instant now) {
        String t = value.strip();
        try {
            if (t.matches("\\d{4}-\\d{2}-\\d{2}")) {
                return LocalDate.parse(t).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            if (t.length() > 10 && t.charAt(4) == '-' && t.charAt(10) == 'T') {
                return OffsetDateTime.parse(t).toInstant();
            }
            return now.minus(ConfigLoader.parseDuration(t));
        } catch (DateTimeParseException | IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException("'" + value + "' is not a time: use " + FORMS);
        }
    }
}
