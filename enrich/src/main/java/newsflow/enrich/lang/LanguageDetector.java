package newsflow.enrich.lang;

import opennlp.tools.langdetect.Language;
import opennlp.tools.langdetect.LanguageDetectorFactory;
import opennlp.tools.langdetect.LanguageDetectorME;
import opennlp.tools.langdetect.LanguageDetectorModel;
import opennlp.tools.ml.model.MaxentModel;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The language of an article: OpenNLP's language detector (character n-grams, 103 languages, the
 * {@code opennlp-models-langdetect} model) behind three guards, so that a text gets {@value #UNDETERMINED} rather
 * than a guess when
 * <ul>
 *   <li>it is short: fewer than {@value #MIN_LETTERS} letters (a letter of a script written without spaces, such
 *       as Han or kana, counts {@value #IDEOGRAPH_WEIGHT} times: it carries about a word);</li>
 *   <li>the model is unsure: its best language has a probability below {@value #MIN_CONFIDENCE};</li>
 *   <li>it is mixed: the text is cut into parts of about {@value #PART_CHARS} characters at paragraph or sentence
 *       ends, each part long enough is detected alone, and the best language holds less than
 *       {@value #MIN_SHARE} of their letters.</li>
 * </ul>
 * The chosen language is returned as its ISO 639-1 code; a language without one (Cebuano, Low German, …) is
 * {@value #UNDETERMINED} too. The model is read once, on first use; the detector itself is per thread, the model
 * shared. Thresholds were set on sentences written for the tests and checked on the BBC training articles; see
 * {@code LanguageComparison} in the tests and the README.
 */
public final class LanguageDetector {

    public static final String UNDETERMINED = "und";
    static final int MIN_LETTERS = 20;
    static final int IDEOGRAPH_WEIGHT = 3;
    /** The best language's probability must be this many times the runner-up's. */
    static final double MIN_LEAD = 1.1;
    static final int PART_CHARS = 400;
    static final double MIN_SHARE = 0.75;
    /** A sentence of a short text takes part in the mix check from this many letters. */
    static final int MIN_SENTENCE_LETTERS = 10;
    /** Enough to decide and to see a mix; the rest of a long article changes nothing but the time taken. */
    private static final int MAX_CHARS = 2_500;

    private static final String MODEL = "/langdetect-183.bin";
    /** ISO 639-3 codes of the model with no ISO 639-1 code of their own in {@link Locale}, mapped by hand. */
    private static final Map<String, String> INDIVIDUAL_TO_ISO1 = Map.of(
            "cmn", "zh", "nan", "zh", "pes", "fa", "lvs", "lv", "ekk", "et", "pnb", "pa", "plt", "mg");

    private LanguageDetector() {
    }

    /** The language of {@code text}: an ISO 639-1 code, or {@code und}. */
    public static String detect(String text) {
        if (text == null || weightedLetters(text) < MIN_LETTERS) {
            return UNDETERMINED;
        }
        String sample = text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text;
        String best = clearBest(sample);
        if (best == null || mixed(sample, best)) {
            return UNDETERMINED;
        }
        return iso1(best);
    }

    /**
     * The model's best language (ISO 639-3) when it leads the runner-up by {@link #MIN_LEAD}, else null. The model
     * is asked directly with {@link NgramContext}'s features, as {@code LanguageDetectorME.predictLanguages} asks
     * it (every feature counted once), without ranking all 103 languages.
     */
    static String clearBest(String text) {
        MaxentModel model = Holder.MODEL_INSTANCE.getMaxentModel();
        String[] features = NgramContext.of(text);
        float[] counts = new float[features.length];
        Arrays.fill(counts, 1f);
        double[] p = model.eval(features, counts);
        int best = -1;
        int second = -1;
        for (int i = 0; i < p.length; i++) {
            if (best < 0 || p[i] > p[best]) {
                second = best;
                best = i;
            } else if (second < 0 || p[i] > p[second]) {
                second = i;
            }
        }
        if (best < 0) {
            return null;
        }
        if (second >= 0 && p[best] < MIN_LEAD * p[second]) {
            return null;
        }
        return model.getOutcome(best);
    }

    /** OpenNLP's best language for the whole text with no guard: for the comparison in the tests. */
    static Language unguarded(String text) {
        return Holder.detector().predictLanguage(text == null ? "" : text);
    }

    /** True when the parts of the text that are long enough to judge do not mostly agree with {@code language}. */
    private static boolean mixed(String text, String language) {
        // a text shorter than one part is judged sentence by sentence, so two short sentences can disagree
        List<String> parts = parts(text, text.length() < PART_CHARS ? 0 : PART_CHARS);
        int minLetters = text.length() < PART_CHARS ? MIN_SENTENCE_LETTERS : MIN_LETTERS;
        if (parts.size() < 2) {
            return false;
        }
        Map<String, Integer> letters = new HashMap<>();
        int total = 0;
        for (String part : parts) {
            int n = weightedLetters(part);
            if (n < minLetters) {
                continue;
            }
            String lang = clearBest(part);
            letters.merge(lang == null ? UNDETERMINED : lang, n, Integer::sum);
            total += n;
        }
        return total > 0 && letters.getOrDefault(language, 0) < MIN_SHARE * total;
    }

    /** Pieces of at least {@code size} characters (0: every sentence), cut after a sentence end or a line break. */
    static List<String> parts(String text, int size) {
        List<String> out = new ArrayList<>();
        int start = 0;
        int lastCut = -1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean latinEnd = (c == '.' || c == '!' || c == '?')
                    && (i + 1 == text.length() || Character.isWhitespace(text.charAt(i + 1)));
            boolean boundary = c == '\n' || latinEnd || c == '。' || c == '！' || c == '？'; // CJK: no space follows
            if (boundary) {
                lastCut = i + 1;
            }
            if (i - start >= size && lastCut > start) {
                addPart(out, text.substring(start, lastCut));
                start = lastCut;
            }
        }
        addPart(out, text.substring(start));
        return out;
    }

    private static void addPart(List<String> out, String part) {
        if (!part.isBlank()) {
            out.add(part.strip());
        }
    }

    static int weightedLetters(String text) {
        int n = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isLetter(cp)) {
                Character.UnicodeScript script = Character.UnicodeScript.of(cp);
                n += script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                        || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL
                        || script == Character.UnicodeScript.THAI ? IDEOGRAPH_WEIGHT : 1;
            }
        }
        return n;
    }

    /** ISO 639-3 (the model's codes) to ISO 639-1; {@value #UNDETERMINED} for a language that has none. */
    static String iso1(String iso3) {
        return Holder.ISO1.getOrDefault(iso3, UNDETERMINED);
    }

    /** Loaded on first use: a process that never detects a language never reads the 10 MB model. */
    static final class Holder {
        static final LanguageDetectorModel MODEL_INSTANCE = load();
        static final Map<String, String> ISO1 = iso1Codes();
        /** For {@link #unguarded} only. {@code LanguageDetectorME} is not documented as thread-safe; the model is. */
        static final ThreadLocal<LanguageDetectorME> DETECTORS =
                ThreadLocal.withInitial(() -> new LanguageDetectorME(MODEL_INSTANCE));

        static LanguageDetectorME detector() {
            return DETECTORS.get();
        }

        private static LanguageDetectorModel load() {
            try (InputStream in = LanguageDetector.class.getResourceAsStream(MODEL)) {
                if (in == null) {
                    throw new IllegalStateException("the language model " + MODEL + " (opennlp-models-langdetect) is not on the classpath");
                }
                LanguageDetectorModel model = new LanguageDetectorModel(in);
                if (model.getFactory().getClass() != LanguageDetectorFactory.class) {
                    // NgramContext builds the default factory's features; another factory's would not match them
                    throw new IllegalStateException("the language model " + MODEL + " uses "
                            + model.getFactory().getClass().getName() + ", not the default LanguageDetectorFactory");
                }
                return model;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the language model " + MODEL, e);
            }
        }

        private static Map<String, String> iso1Codes() {
            Map<String, String> map = new HashMap<>(INDIVIDUAL_TO_ISO1);
            for (String two : Locale.getISOLanguages()) {
                try {
                    map.putIfAbsent(Locale.of(two).getISO3Language(), two);
                } catch (java.util.MissingResourceException e) {
                    // a code without a three-letter form: nothing to map
                }
            }
            return Map.copyOf(map);
        }
    }
}
