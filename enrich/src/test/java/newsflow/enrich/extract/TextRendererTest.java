package newsflow.enrich.extract;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TextRendererTest {

    private static String render(String html) {
        return TextRenderer.render(Jsoup.parseBodyFragment(html).body());
    }

    @Test
    void blocksAreParagraphsAndInlineTextFlows() {
        assertThat(render("<h2>Head</h2>\n  <p>One <b>bold</b>\n word.</p>  <div>Two</div>"))
                .isEqualTo("Head\n\nOne bold word.\n\nTwo");
    }

    @Test
    void indentedListItemsAreConsecutiveLines() {
        assertThat(render("""
                <p>Intro:</p>
                <ul>
                    <li>first</li>
                    <li>second <a href="#">link</a></li>
                </ul>
                <ol><li>a</li><li>b</li></ol>"""))
                .isEqualTo("Intro:\n\nfirst\nsecond link\n\na\nb");
    }

    @Test
    void dataTablesKeepTheirCellsLayoutTablesTheirText() {
        assertThat(render("<table><caption>Votes</caption><tr><th>Ward</th><th>Vote</th></tr>\n<tr><td>1</td><td>Yes</td></tr></table>"))
                .isEqualTo("Votes\n\nWard | Vote\n1 | Yes");
        assertThat(render("<table><tr><td><p>Layout cell one.</p></td><td><p>Layout cell two.</p></td></tr></table>"))
                .isEqualTo("Layout cell one.\n\nLayout cell two.");
    }

    @Test
    void lineBreaksAndPreformattedText() {
        assertThat(render("<p>Line one<br>Line two<br><br>New paragraph</p>"))
                .isEqualTo("Line one\nLine two\n\nNew paragraph");
        assertThat(render("<pre>code  line\nnext</pre>")).isEqualTo("code line\nnext");
    }

    @Test
    void normaliseCollapsesSpacesAndBlankLines() {
        assertThat(TextRenderer.normalise("  a \u00A0 b \n\n\n\n c\n d ")).isEqualTo("a b\n\nc\nd");
        assertThat(TextRenderer.paragraphs("a\n\nb\nc\n\n")).containsExactly("a", "b\nc");
    }
}
