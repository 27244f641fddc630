package newsflow.enrich.extract;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Renders an element as plain text: one paragraph per block element, separated by a blank line; list items and
 * table rows on their own lines; whitespace collapsed. Data tables keep their cells, joined by {@code " | "};
 * layout tables (cells holding paragraphs) are rendered like any other block content.
 */
final class TextRenderer {

    private static final Set<String> BLOCKS = Set.of(
            "p", "div", "section", "article", "main", "header", "footer", "aside", "nav", "h1", "h2", "h3", "h4",
            "h5", "h6", "ul", "ol", "dl", "blockquote", "pre", "figure", "figcaption", "address", "hr", "form",
            "fieldset", "details", "summary", "center", "caption", "body", "html", "hgroup", "table", "tbody",
            "thead", "tfoot", "noscript");
    private static final Set<String> LINES = Set.of("li", "dt", "dd", "tr");
    private static final String PARAGRAPH = "\n\n";

    private TextRenderer() {
    }

    static String render(Element root) {
        StringBuilder out = new StringBuilder();
        NodeTraversor.filter(new Renderer(out), root);
        return normalise(out);
    }

    /** Several elements, in order, as one text. */
    static String render(List<Element> roots) {
        List<String> parts = new ArrayList<>();
        for (Element e : roots) {
            String text = render(e);
            if (!text.isEmpty()) {
                parts.add(text);
            }
        }
        return String.join(PARAGRAPH, parts);
    }

    /** Splits rendered text back into its paragraphs. */
    static List<String> paragraphs(String text) {
        List<String> out = new ArrayList<>();
        for (String p : text.split("\n\n")) {
            if (!p.isBlank()) {
                out.add(p);
            }
        }
        return out;
    }

    /** Collapses runs of spaces inside lines, trims lines, and turns runs of blank lines into one paragraph break. */
    static String normalise(CharSequence raw) {
        StringBuilder out = new StringBuilder(raw.length());
        int blank = 0;
        for (String line : raw.toString().split("\n", -1)) {
            String clean = collapseSpaces(line);
            if (clean.isEmpty()) {
                blank++;
                continue;
            }
            if (!out.isEmpty()) {
                out.append(blank > 0 ? PARAGRAPH : "\n");
            }
            out.append(clean);
            blank = 0;
        }
        return out.toString();
    }

    /**
     * Runs of white space (ASCII, no-break, the U+2000 block through zero-width space, narrow no-break,
     * medium mathematical, ideographic, BOM) become one space; the line is trimmed. A loop: it runs on every line.
     */
    static String collapseSpaces(String line) {
        StringBuilder out = new StringBuilder(line.length());
        boolean pendingSpace = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (isSpace(c)) {
                pendingSpace = true;
                continue;
            }
            if (pendingSpace && !out.isEmpty()) {
                out.append(' ');
            }
            pendingSpace = false;
            out.append(c);
        }
        return out.toString();
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r' || c == '\u00A0'
                || c >= '\u2000' && c <= '\u200B' || c == '\u202F' || c == '\u205F' || c == '\u3000' || c == '\uFEFF';
    }

    private static boolean isDataTable(Element table) {
        // Old sites lay whole pages out with tables: a cell holding paragraphs or long text is layout, not data.
        if (table.selectFirst("p, div p, table table, blockquote, h1, h2, h3, ul, ol") != null) {
            return false;
        }
        for (Element cell : table.select("td, th")) {
            if (cell.text().length() > 200) {
                return false;
            }
        }
        return true;
    }

    private static String renderTable(Element table) {
        StringBuilder rows = new StringBuilder();
        for (Element row : table.select("tr")) {
            if (row.closest("table") != table) {
                continue;
            }
            List<String> cells = new ArrayList<>();
            for (Element cell : row.children()) {
                if (cell.nameIs("td") || cell.nameIs("th")) {
                    String text = render(cell).replace('\n', ' ').strip();
                    if (!text.isEmpty()) {
                        cells.add(text);
                    }
                }
            }
            if (!cells.isEmpty()) {
                rows.append(String.join(" | ", cells)).append('\n');
            }
        }
        Element caption = table.selectFirst("caption");
        String captionText = caption == null ? "" : render(caption).replace('\n', ' ');
        return (captionText.isEmpty() ? "" : captionText + PARAGRAPH) + rows;
    }

    /**
     * Writes text with idempotent breaks: a line break never doubles into a paragraph break, so consecutive list
     * items or table cells stay on consecutive lines however the source HTML is indented. Only {@code <br>} adds
     * a break unconditionally ({@code <br><br>} separates paragraphs, as it does on screen).
     */
    private static final class Renderer implements NodeFilter {
        private final StringBuilder out;

        Renderer(StringBuilder out) {
            this.out = out;
        }

        private void trimTrailingSpaces() {
            int end = out.length();
            while (end > 0 && (out.charAt(end - 1) == ' ' || out.charAt(end - 1) == '\t')) {
                end--;
            }
            out.setLength(end);
        }

        private void line() {
            trimTrailingSpaces();
            if (!out.isEmpty() && out.charAt(out.length() - 1) != '\n') {
                out.append('\n');
            }
        }

        private void paragraph() {
            trimTrailingSpaces();
            if (out.isEmpty()) {
                return;
            }
            line();
            if (out.length() < 2 || out.charAt(out.length() - 2) != '\n') {
                out.append('\n');
            }
        }

        @Override
        public FilterResult head(Node node, int depth) {
            if (node instanceof TextNode text) {
                String t = text.text();
                // Indentation between block elements is not content.
                if (!t.isBlank() || !(out.isEmpty() || out.charAt(out.length() - 1) == '\n')) {
                    out.append(t);
                }
                return FilterResult.CONTINUE;
            }
            if (!(node instanceof Element e)) {
                return FilterResult.CONTINUE;
            }
            String tag = e.normalName();
            switch (tag) {
                case "br" -> {
                    trimTrailingSpaces();
                    out.append('\n');
                }
                case "script", "style", "template", "svg", "head", "title", "select", "option", "button", "input",
                     "textarea" -> {
                    return FilterResult.SKIP_ENTIRELY;
                }
                case "pre" -> {
                    paragraph();
                    out.append(e.wholeText());
                    paragraph();
                    return FilterResult.SKIP_ENTIRELY;
                }
                case "table" -> {
                    paragraph();
                    if (isDataTable(e)) {
                        out.append(renderTable(e));
                        paragraph();
                        return FilterResult.SKIP_ENTIRELY;
                    }
                }
                case "td", "th" -> line();
                default -> {
                    if (BLOCKS.contains(tag)) {
                        paragraph();
                    } else if (LINES.contains(tag)) {
                        line();
                    }
                }
            }
            return FilterResult.CONTINUE;
        }

        @Override
        public FilterResult tail(Node node, int depth) {
            if (node instanceof Element e) {
                String tag = e.normalName();
                if (BLOCKS.contains(tag)) {
                    paragraph();
                } else if (LINES.contains(tag) || tag.equals("td") || tag.equals("th")) {
                    line();
                }
            }
            return FilterResult.CONTINUE;
        }
    }
}
