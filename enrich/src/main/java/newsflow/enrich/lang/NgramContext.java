package newsflow.enrich.lang;

import opennlp.tools.util.normalizer.AggregateCharSequenceNormalizer;
import opennlp.tools.util.normalizer.CharSequenceNormalizer;
import opennlp.tools.util.normalizer.EmojiCharSequenceNormalizer;
import opennlp.tools.util.normalizer.NumberCharSequenceNormalizer;
import opennlp.tools.util.normalizer.ShrinkCharSequenceNormalizer;
import opennlp.tools.util.normalizer.TwitterCharSequenceNormalizer;
import opennlp.tools.util.normalizer.UrlCharSequenceNormalizer;

import java.util.HashSet;
import java.util.Set;

/**
 * The features OpenNLP's language detector feeds its model: the distinct character 1- to 3-grams of the text after
 * the normalizers of {@code LanguageDetectorFactory} (emoji, URLs, Twitter handles, numbers, repeated characters)
 * and lower-casing. The same set as {@code DefaultLanguageDetectorContextGenerator} (checked in the tests), built
 * as plain strings: OpenNLP collects them through {@code NGramCharModel}, a map of {@code CharBuffer} views whose
 * hashing and comparing took about half the time of detecting a language.
 */
final class NgramContext {

    private static final int MIN_LENGTH = 1;
    private static final int MAX_LENGTH = 3;
    /** The factory's normalizers, in its order. */
    private static final CharSequenceNormalizer NORMALIZER = new AggregateCharSequenceNormalizer(
            EmojiCharSequenceNormalizer.getInstance(), UrlCharSequenceNormalizer.getInstance(),
            TwitterCharSequenceNormalizer.getInstance(), NumberCharSequenceNormalizer.getInstance(),
            ShrinkCharSequenceNormalizer.getInstance());

    private NgramContext() {
    }

    static String[] of(CharSequence text) {
        String lower = lowerCase(NORMALIZER.normalize(text));
        Set<String> grams = new HashSet<>(Math.max(16, lower.length() * 2));
        for (int length = MIN_LENGTH; length <= MAX_LENGTH; length++) {
            for (int i = 0; i + length <= lower.length(); i++) {
                grams.add(lower.substring(i, i + length));
            }
        }
        return grams.toArray(new String[0]);
    }

    /** Per code point, as OpenNLP's {@code StringUtil.toLowerCaseCharBuffer} (not {@code String.toLowerCase}, which is locale- and context-aware). */
    private static String lowerCase(CharSequence text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> out.appendCodePoint(Character.toLowerCase(cp)));
        return out.toString();
    }
}
