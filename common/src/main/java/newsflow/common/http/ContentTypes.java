package newsflow.common.http;

import java.nio.charset.Charset;
import java.util.Locale;
import java.util.Optional;

/** Reading the parts of a Content-Type header. */
public final class ContentTypes {

    private ContentTypes() {
    }

    /** The {@code charset} parameter, when present and supported; quotes and spaces tolerated. */
    public static Optional<Charset> charset(String contentType) {
        if (contentType == null) {
            return Optional.empty();
        }
        for (String part : contentType.split(";")) {
            String p = part.strip();
            if (p.toLowerCase(Locale.ROOT).startsWith("charset")) {
                int eq = p.indexOf('=');
                if (eq < 0) {
                    continue;
                }
                String name = p.substring(eq + 1).strip().replace("\"", "").replace("'", "").strip();
                try {
                    return Optional.of(Charset.forName(name));
                } catch (RuntimeException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    /** The media type without parameters, lower-cased; empty string when absent. */
    public static String mediaType(String contentType) {
        if (contentType == null) {
            return "";
        }
        int semi = contentType.indexOf(';');
        return (semi < 0 ? contentType : contentType.substring(0, semi)).strip().toLowerCase(Locale.ROOT);
    }
}
