package newsflow.ingest;

import newsflow.common.http.FetchRequest;
import newsflow.common.http.FetchResponse;
import newsflow.common.http.HttpFetcher;
import newsflow.common.model.FeedEntry;
import newsflow.ingest.parse.FeedParseException;
import newsflow.ingest.parse.FeedParser;
import newsflow.ingest.parse.ParsedFeed;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** Parses one feed outside the pipeline, for the {@code newsflow parse-feed FILE|URL} command. */
public final class FeedParsing {

    private FeedParsing() {
    }

    /**
     * Reads a feed from an http(s) URL (through {@code http}) or a local file and returns its entries, exactly
     * as ingest would publish them.
     *
     * @param http the fetch layer; only used for URLs, may be null when only files are parsed
     * @throws IOException        the file cannot be read or the URL fetched ({@code FetchException})
     * @throws FeedParseException the document is not a readable feed
     */
    public static List<FeedEntry> parseUrlOrFile(String fileOrUrl, HttpFetcher http, FeedParser parser)
            throws IOException, FeedParseException {
        ParsedFeed feed = parse(fileOrUrl, http, parser);
        return feed.entries(null, Instant.now());
    }

    /** Like {@link #parseUrlOrFile} but returns the whole parsed feed (title, format, skipped count). */
    public static ParsedFeed parse(String fileOrUrl, HttpFetcher http, FeedParser parser)
            throws IOException, FeedParseException {
        String lower = fileOrUrl.strip().toLowerCase(Locale.ROOT);
        if (lower.startsWith("http://") || lower.startsWith("https://")) {
            if (http == null) {
                throw new IllegalArgumentException("no HTTP fetcher to fetch " + fileOrUrl);
            }
            FetchResponse response = http.fetch(FetchRequest.get(fileOrUrl.strip()));
            return parser.parse(response.body(), response.contentType(), fileOrUrl.strip());
        }
        Path file = Path.of(fileOrUrl);
        // A file's own URI names it in ids and errors; its relative links resolve against the feed's site link.
        String url = file.toAbsolutePath().toUri().toString();
        long size = Files.size(file);
        if (size > parser.maxBytes()) {
            throw new FeedParseException(url, FeedParseException.Cause.TOO_LARGE,
                    "file is " + size + " bytes, over the cap of " + parser.maxBytes(), null);
        }
        return parser.parse(Files.readAllBytes(file), null, url);
    }
}
