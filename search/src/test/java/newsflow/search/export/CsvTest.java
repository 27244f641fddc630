package newsflow.search.export;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** RFC 4180 escaping and the defence against formulas in spreadsheet cells. */
class CsvTest {

    @Test
    void plainCellsStayAsTheyAre() {
        assertThat(Csv.cell("Harbour Post")).isEqualTo("Harbour Post");
        assertThat(Csv.cell("Zürich – 東京")).isEqualTo("Zürich – 東京");
        assertThat(Csv.cell("2026-11-03T08:00:00Z")).isEqualTo("2026-11-03T08:00:00Z");
        assertThat(Csv.cell(null)).isEmpty();
        assertThat(Csv.cell("")).isEmpty();
    }

    @Test
    void commasQuotesAndLineBreaksAreQuotedWithQuotesDoubled() {
        assertThat(Csv.cell("floods, storms")).isEqualTo("\"floods, storms\"");
        assertThat(Csv.cell("the \"big\" one")).isEqualTo("\"the \"\"big\"\" one\"");
        assertThat(Csv.cell("two\nlines")).isEqualTo("\"two\nlines\"");
        assertThat(Csv.cell("two\r\nlines")).isEqualTo("\"two\r\nlines\"");
        assertThat(Csv.cell("\"")).isEqualTo("\"\"\"\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"=HYPERLINK(\"http://x\")", "+1+2", "-2+3", "@SUM(A1)", "\tx", "\rx"})
    void aCellAppsWouldRunAsAFormulaIsMadeText(String value) {
        String cell = Csv.cell(value);
        String unquoted = cell.startsWith("\"") ? cell.substring(1, cell.length() - 1).replace("\"\"", "\"") : cell;
        assertThat(unquoted).isEqualTo("'" + value);
    }

    @Test
    void formulaAndQuotingCombine() {
        assertThat(Csv.cell("=1,2")).isEqualTo("\"'=1,2\"");
        assertThat(Csv.cell("a=1")).as("only the first character matters").isEqualTo("a=1");
    }

    @Test
    void linesEndInCrLfAndKeepEmptyCells() {
        assertThat(Csv.line(Arrays.asList("a", null, "b,c"))).isEqualTo("a,,\"b,c\"\r\n");
        assertThat(Csv.line(List.of("x"))).isEqualTo("x\r\n");
    }

    @Test
    void aQuotedCellReadsBackAsItsValue() {
        // a minimal RFC 4180 reader: the escaping must round-trip
        String value = "He said \"no\",\r\nthen left";
        assertThat(readCell(Csv.cell(value))).isEqualTo(value);
    }

    private static String readCell(String cell) {
        assertThat(cell).startsWith("\"").endsWith("\"");
        return cell.substring(1, cell.length() - 1).replace("\"\"", "\"");
    }
}
