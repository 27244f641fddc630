package newsflow.enrich.extract;

import org.jsoup.nodes.Element;

import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * The {@code <h1>}s that are not the story's headline by their place: one that repeats an earlier {@code <h1>} of
 * the page word for word, or one that starts in the second half of the page's text (a story follows its headline,
 * so a heading below most of the page heads something else). A "republish this story" dialog, a share box or a
 * sticky footer prints the headline again, in a block named as what it is ({@code modal}, {@code sidebar}).
 * Holding the headline is what protects the article's wrapper from a boilerplate class name
 * ({@link BoilerplateCleaner}); holding only a stray one does not, or such a dialog, with the story's licence terms
 * in it, is kept and taken into the story.
 */
final class StrayHeadlines {

    static final StrayHeadlines NONE = new StrayHeadlines(Set.of());
    /** An h1 whose text starts past this share of the page's text is not the story's headline. */
    static final double LATE = 0.5;

    private final Set<Element> stray;

    private StrayHeadlines(Set<Element> stray) {
        this.stray = stray;
    }

    /** The stray ones among {@code h1s} (the page's h1 elements, in document order) of the page measured by {@code m}. */
    static StrayHeadlines among(List<Element> h1s, ElementMeasures m) {
        Set<String> seen = new HashSet<>();
        Set<Element> stray = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Element h1 : h1s) {
            m.budget().tick("boilerplate cleaning");
            String key = ArticleExtractor.key(m.text(h1));
            if (!key.isEmpty() && !seen.add(key) || m.span(h1)[0] > LATE) {
                stray.add(h1);
            }
        }
        return stray.isEmpty() ? NONE : new StrayHeadlines(stray);
    }

    /** How many of the stray h1s {@code e} holds (itself included), a look-up in the page's measures. */
    int heldBy(Element e, ElementMeasures m) {
        return stray.isEmpty() ? 0 : m.sum(e, this, stray::contains, el -> 1);
    }
}
