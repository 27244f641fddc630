package newsflow.search.export;

import java.util.Locale;

/** The file formats search results download as. */
public enum ExportFormat {
    /** RFC 4180: comma-separated, CRLF line ends, a header row; UTF-8. */
    CSV("text/csv; charset=utf-8; header=present", "csv"),
    /** One JSON object per line. */
    NDJSON("application/x-ndjson; charset=utf-8", "ndjson");

    private final String contentType;
    private final String extension;

    ExportFormat(String contentType, String extension) {
        this.contentType = contentType;
        this.extension = extension;
    }

    public String contentType() {
        return contentType;
    }

    public String fileName() {
        return "newsflow-search." + extension;
    }

    /** @throws IllegalArgumentException naming the formats there are */
    public static ExportFormat of(String value) {
        for (ExportFormat f : values()) {
            if (f.extension.equals(value.strip().toLowerCase(Locale.ROOT))) {
                return f;
            }
        }
        throw new IllegalArgumentException("'format' must be csv or ndjson, got '" + value + "'");
    }
}
