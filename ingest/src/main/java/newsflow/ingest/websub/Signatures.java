package newsflow.ingest.websub;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;

/** {@code X-Hub-Signature: <method>=<hex HMAC of the body>} as WebSub defines it (sha1, sha256, sha384, sha512). */
final class Signatures {

    private Signatures() {
    }

    static boolean valid(String header, String secret, byte[] body) {
        if (header == null || !header.contains("=")) {
            return false;
        }
        String method = header.substring(0, header.indexOf('=')).strip().toLowerCase(Locale.ROOT);
        String given = header.substring(header.indexOf('=') + 1).strip().toLowerCase(Locale.ROOT);
        if (!method.matches("sha1|sha256|sha384|sha512")) {
            return false;
        }
        String expected = hmacHex(method, secret.getBytes(StandardCharsets.UTF_8), body);
        // constant time: the comparison must not tell an attacker how much of a forged signature was right
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), given.getBytes(StandardCharsets.US_ASCII));
    }

    static String hmacHex(String method, byte[] key, byte[] data) {
        String algorithm = "Hmac" + method.toUpperCase(Locale.ROOT); // HmacSHA1, HmacSHA256, …
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(key, mac.getAlgorithm()));
            return HexFormat.of().formatHex(mac.doFinal(data));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("no " + algorithm + " in this JDK", e);
        }
    }
}
