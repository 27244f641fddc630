package newsflow.common.text;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/** What zero bytes say: UTF-16/UTF-32 without a BOM show in the zeros around the first (ASCII) character. */
final class ZeroBytes {

    private ZeroBytes() {
    }

    /** The UTF-16/32 variant the first bytes show, or null when they look ASCII-compatible. */
    static Charset family(byte[] b) {
        if (b.length >= 4) {
            if (b[0] == 0 && b[1] == 0 && b[2] == 0 && b[3] != 0) {
                return Charsets.UTF_32BE;
            }
            if (b[0] != 0 && b[1] == 0 && b[2] == 0 && b[3] == 0) {
                return Charsets.UTF_32LE;
            }
        }
        if (b.length >= 2) {
            if (b[0] == 0 && b[1] != 0) {
                return StandardCharsets.UTF_16BE;
            }
            if (b[0] != 0 && b[1] == 0) {
                return StandardCharsets.UTF_16LE;
            }
        }
        return null;
    }

    /** Whether a zero byte occurs in the first {@code limit} bytes. */
    static boolean anyIn(byte[] b, int limit) {
        int n = Math.min(b.length, limit);
        for (int i = 0; i < n; i++) {
            if (b[i] == 0) {
                return true;
            }
        }
        return false;
    }
}
