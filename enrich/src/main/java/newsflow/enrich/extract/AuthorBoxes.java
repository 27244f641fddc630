package newsflow.enrich.extract;

import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The author's box that closes a post: a photo labelled with a person's name ({@code alt="Julia Gralberg"}) and,
 * right after it, the last paragraph of the content, a bio that begins with that name ("Julia Gralberg is a
 * freelance travel writer …"). The name on the picture and at the head of the closing paragraph mark the pair as
 * the writer's card, not the story; a story about a person that shows their photo goes on after it. Removed from
 * the chosen content, unless it is a large share of it.
 */
final class AuthorBoxes {

    /** A name: two to four capitalised words. */
    private static final Pattern NAME = Pattern.compile("\\p{Lu}[\\p{L}'’.-]*(\\s\\p{Lu}[\\p{L}'’.-]*){1,3}");
    private static final Evaluator PICTURES = QueryParser.parse("img[alt]");
    /** The photo's block holds at most this much text (a caption with the name). */
    private static final int MAX_PHOTO_BLOCK_CHARS = 60;
    /** A bio is a paragraph, not a section. */
    private static final int MAX_BIO_CHARS = 600;
    private static final double MAX_SHARE = 0.3;

    private AuthorBoxes() {
    }

    static List<Element> remove(List<Element> content, ExtractionBudget budget) {
        return MinorParts.remove(content, budget, PICTURES, AuthorBoxes::boxAround, MAX_SHARE);
    }

    /** The photo's block and the bio after it, when the bio closes the content; empty otherwise. */
    private static List<Element> boxAround(Element img, Element root, ElementMeasures m) {
        String name = img.attr("alt").strip();
        if (!NAME.matcher(name).matches()) {
            return List.of();
        }
        Element photo = img;
        while (photo.parent() != null && photo.parent() != root
                && m.textLength(photo.parent()) <= MAX_PHOTO_BLOCK_CHARS) {
            photo = photo.parent();
        }
        Element bio = photo.nextElementSibling();
        if (bio == null || photo == img || m.textLength(bio) > MAX_BIO_CHARS || !startsWithName(m.text(bio), name)
                || !closes(bio, root, m)) {
            return List.of();
        }
        return List.of(photo, bio);
    }

    /** The text begins with the name, then a word in lower case ("is", "has", "writes"). */
    private static boolean startsWithName(String text, String name) {
        return text.length() > name.length() + 2 && text.startsWith(name) && text.charAt(name.length()) == ' '
                && Character.isLowerCase(text.charAt(name.length() + 1));
    }

    /** Nothing with text follows {@code e} inside {@code root}. */
    private static boolean closes(Element e, Element root, ElementMeasures m) {
        for (Element x = e; x != null && x != root; x = x.parent()) {
            for (Element next = x.nextElementSibling(); next != null; next = next.nextElementSibling()) {
                if (m.textLength(next) > 0) {
                    return false;
                }
            }
        }
        return true;
    }
}
