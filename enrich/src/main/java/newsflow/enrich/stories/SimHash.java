package newsflow.enrich.stories;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * 64-bit SimHash (Charikar) over word 3-shingles of a text: texts that share most of their shingles get
 * fingerprints a few bits apart, whatever the page around them (navigation, bylines, a rewritten first line).
 */
public final class SimHash {

    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{Nd}]+");
    static final int SHINGLE = 3;

    private SimHash() {
    }

    /** The fingerprint of {@code text}; 0 for a text with fewer words than one shingle. */
    public static long of(String text) {
        List<String> words = words(text);
        if (words.size() < SHINGLE) {
            return 0L;
        }
        int[] votes = new int[64];
        for (int i = 0; i + SHINGLE <= words.size(); i++) {
            long h = hash(String.join(" ", words.subList(i, i + SHINGLE)));
            for (int bit = 0; bit < 64; bit++) {
                votes[bit] += ((h >>> bit) & 1L) == 1L ? 1 : -1;
            }
        }
        long fingerprint = 0L;
        for (int bit = 0; bit < 64; bit++) {
            if (votes[bit] > 0) {
                fingerprint |= 1L << bit;
            }
        }
        return fingerprint;
    }

    public static int distance(long a, long b) {
        return Long.bitCount(a ^ b);
    }

    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        if (text == null) {
            return words;
        }
        for (String w : NON_WORD.split(text.toLowerCase(Locale.ROOT))) {
            if (!w.isEmpty()) {
                words.add(w);
            }
        }
        return words;
    }

    /** 64-bit FNV-1a: fast, well spread, and the same on every JVM (String.hashCode is only 32 bits). */
    private static long hash(String shingle) {
        long h = 0xcbf29ce484222325L;
        for (byte b : shingle.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        // FNV's low bits are weak for short inputs: finish with a 64-bit mix (splitmix64)
        h = (h ^ (h >>> 30)) * 0xbf58476d1ce4e5b9L;
        h = (h ^ (h >>> 27)) * 0x94d049bb133111ebL;
        return h ^ (h >>> 31);
    }
}
