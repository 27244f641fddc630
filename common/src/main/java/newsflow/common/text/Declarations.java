package newsflow.common.text;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The charset labels a document declares about itself, read from its (ASCII) head. */
final class Declarations {

    private static final Pattern XML_ENCODING = Pattern.compile(
            "^\\s*<\\?xml[^>]*?encoding\\s*=\\s*[\"']\\s*([^\"'\\s]+)");
    private static final Pattern META_CHARSET = Pattern.compile(
            "<meta[^>]*?charset\\s*=\\s*[\"']?\\s*([A-Za-z0-9_.:-]+)", Pattern.CASE_INSENSITIVE);

    private Declarations() {
    }

    /** The {@code encoding} of an XML declaration at the very start, or null. */
    static String xmlEncoding(String head) {
        Matcher m = XML_ENCODING.matcher(head);
        return m.find() ? m.group(1) : null;
    }

    /** The labels of {@code <meta charset>} and {@code http-equiv} Content-Type declarations, in document order. */
    static List<String> metaCharsets(String head) {
        List<String> labels = new ArrayList<>();
        Matcher m = META_CHARSET.matcher(head);
        while (m.find()) {
            labels.add(m.group(1));
        }
        return labels;
    }
}
