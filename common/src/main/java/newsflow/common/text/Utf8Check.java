package newsflow.common.text;

/** What a byte sequence is as UTF-8, judged on a bounded prefix. */
enum Utf8Check {
    ASCII, VALID_MULTIBYTE, INVALID;

    /**
     * Checks the sequences that start in the first {@code limit} bytes (the last one is read to its end, so the
     * limit never cuts a character in two); a sequence cut short by the end of the body is invalid.
     */
    static Utf8Check of(byte[] b, int limit) {
        int end = Math.min(b.length, limit);
        boolean multibyte = false;
        int i = 0;
        while (i < end) {
            int c = b[i] & 0xFF;
            if (c < 0x80) {
                i++;
                continue;
            }
            int extra;
            if (c >= 0xC2 && c <= 0xDF) {
                extra = 1;
            } else if (c >= 0xE0 && c <= 0xEF) {
                extra = 2;
            } else if (c >= 0xF0 && c <= 0xF4) {
                extra = 3;
            } else {
                return INVALID;
            }
            for (int k = 1; k <= extra; k++) {
                if (i + k >= b.length || (b[i + k] & 0xC0) != 0x80) {
                    return INVALID;
                }
            }
            multibyte = true;
            i += extra + 1;
        }
        return multibyte ? VALID_MULTIBYTE : ASCII;
    }
}
