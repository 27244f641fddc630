package newsflow.search.cli;

import newsflow.search.Facets;
import newsflow.search.SearchHit;
import newsflow.search.SearchResult;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Renders a {@link SearchResult} for a terminal: numbered hits with snippets, then facet counts. */
public final class SearchResultPrinter {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);
    private static final String BOLD = "\u001b[1m";
    private static final String RESET = "\u001b[0m";
    private static final Pattern ENTITY = Pattern.compile("&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|amp|lt|gt|quot|apos);");
    private static final int FACETS_SHOWN = 10;

    private SearchResultPrinter() {
    }

    /**
     * @param ansi true to mark highlights in ANSI bold (a terminal), false to mark them «like this» (pipes, files)
     */
    public static String render(SearchResult result, boolean ansi) {
        StringBuilder out = new StringBuilder();
        out.append(result.total()).append(result.total() == 1 ? " article" : " articles").append(" found");
        if (!result.hits().isEmpty()) {
            out.append(", showing ").append(result.hits().size());
        }
        out.append("\n");
        int n = 1;
        for (SearchHit hit : result.hits()) {
            out.append("\n");
            String number = String.format("%2d. ", n++);
            String title = hit.titleHighlight() != null ? highlighted(hit.titleHighlight(), ansi)
                    : hit.title() != null ? hit.title() : "(untitled)";
            out.append(number).append(title).append("\n");
            String indent = " ".repeat(number.length());
            out.append(indent).append(metaLine(hit)).append("\n");
            if (hit.url() != null) {
                out.append(indent).append(hit.url()).append("\n");
            }
            if (!hit.alsoReportedBy().isEmpty()) {
                out.append(indent).append("Also reported by: ").append(String.join(", ", hit.alsoReportedBy().stream()
                        .map(r -> r.source() != null ? r.source() : r.url()).distinct().toList())).append("\n");
            }
            if (!hit.snippets().isEmpty()) {
                List<String> parts = new ArrayList<>();
                for (String s : hit.snippets()) {
                    parts.add(highlighted(s, ansi).replaceAll("\\s+", " ").strip());
                }
                out.append(indent).append("…").append(String.join(" … ", parts)).append("…\n");
            }
        }
        Facets f = result.facets();
        if (result.total() > 0) {
            out.append("\n");
            // IPTC topics by label: the code is for filters (--topic takes either), the label is for reading
            facetLine(out, "IPTC topics", f.iptc().stream()
                    .map(c -> new Facets.FacetCount(c.label() != null ? c.label() : c.key(), c.count())).toList());
            facetLine(out, "Operator topics", f.operatorTopics());
            facetLine(out, "Watch-topics", f.watchTopics());
            facetLine(out, "Model topics", f.modelTopics());
            facetLine(out, "Sources", f.sources());
            facetLine(out, "Languages", f.languages());
            facetLine(out, "Authors", f.authors());
            if (!f.perDay().isEmpty()) {
                List<String> days = f.perDay().stream().map(d -> d.date() + " " + d.count()).toList();
                out.append("Per day: ").append(String.join(", ", days)).append("\n");
            }
        }
        if (result.next() != null) {
            out.append("\nMore: --after ").append(result.next()).append("\n");
        }
        return out.toString();
    }

    private static String metaLine(SearchHit hit) {
        List<String> parts = new ArrayList<>();
        parts.add(hit.source() != null ? hit.source() : hit.siteName() != null ? hit.siteName() : "unknown source");
        parts.add(hit.published() != null ? DAY.format(hit.published()) : "undated");
        if (hit.language() != null) {
            parts.add(hit.language());
        }
        if (!hit.topics().isEmpty()) {
            parts.add(String.join(", ", hit.topics()));
        }
        return String.join(" · ", parts);
    }

    private static void facetLine(StringBuilder out, String label, List<Facets.FacetCount> counts) {
        if (counts.isEmpty()) {
            return;
        }
        List<String> parts = counts.stream().limit(FACETS_SHOWN).map(c -> c.key() + " (" + c.count() + ")").toList();
        out.append(label).append(": ").append(String.join(", ", parts));
        if (counts.size() > FACETS_SHOWN) {
            out.append(", …");
        }
        out.append("\n");
    }

    /**
     * Turns Elasticsearch's HTML-encoded highlight ({@code <em>} around matches, text escaped) into terminal text.
     * The tags are replaced before unescaping so that a literal "&lt;em&gt;" in an article stays text.
     */
    static String highlighted(String html, boolean ansi) {
        String marked = html.replace("<em>", ansi ? BOLD : "«").replace("</em>", ansi ? RESET : "»");
        return unescape(marked);
    }

    static String unescape(String s) {
        Matcher m = ENTITY.matcher(s);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String e = m.group(1);
            String replacement = switch (e) {
                case "amp" -> "&";
                case "lt" -> "<";
                case "gt" -> ">";
                case "quot" -> "\"";
                case "apos" -> "'";
                default -> {
                    int code = e.startsWith("#x") ? Integer.parseInt(e.substring(2), 16) : Integer.parseInt(e.substring(1));
                    yield Character.isValidCodePoint(code) ? new String(Character.toChars(code)) : m.group();
                }
            };
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }
}
