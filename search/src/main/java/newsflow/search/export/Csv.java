package newsflow.search.export;

import java.util.List;

/**
 * CSV cells and lines as RFC 4180 writes them, made safe to open in a spreadsheet.
 *
 * <p>A cell holding a comma, a quote, CR or LF is quoted, quotes inside doubled. A cell that starts with
 * {@code =}, {@code +}, {@code -}, {@code @}, a tab or CR would be run as a formula by Excel, LibreOffice and
 * Google Sheets (CSV injection): such a cell gets a leading {@code '}, which spreadsheets show as text.
 */
final class Csv {

    static final String LINE_END = "\r\n";

    private Csv() {
    }

    static String line(List<String> cells) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(cell(cells.get(i)));
        }
        return out.append(LINE_END).toString();
    }

    /** One cell; null is an empty cell. */
    static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String v = startsFormula(value) ? "'" + value : value;
        if (v.indexOf(',') < 0 && v.indexOf('"') < 0 && v.indexOf('\r') < 0 && v.indexOf('\n') < 0) {
            return v;
        }
        return '"' + v.replace("\"", "\"\"") + '"';
    }

    private static boolean startsFormula(String value) {
        char c = value.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
    }
}
