package newsflow.common.text;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/** The byte-order marks of the Unicode encodings, longest first (UTF-32LE's starts like UTF-16LE's). */
record Bom(Charset charset, int length) {

    /** The mark {@code b} starts with, or null. */
    static Bom of(byte[] b) {
        if (starts(b, 0x00, 0x00, 0xFE, 0xFF)) {
            return new Bom(Charsets.UTF_32BE, 4);
        }
        if (starts(b, 0xFF, 0xFE, 0x00, 0x00)) {
            return new Bom(Charsets.UTF_32LE, 4);
        }
        if (starts(b, 0xEF, 0xBB, 0xBF)) {
            return new Bom(StandardCharsets.UTF_8, 3);
        }
        if (starts(b, 0xFE, 0xFF)) {
            return new Bom(StandardCharsets.UTF_16BE, 2);
        }
        if (starts(b, 0xFF, 0xFE)) {
            return new Bom(StandardCharsets.UTF_16LE, 2);
        }
        return null;
    }

    private static boolean starts(byte[] b, int... prefix) {
        if (b.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((b[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
