package newsflow.common.crypto;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Signatures of the form {@code <method>=<hex HMAC of the body>}, as WebSub's {@code X-Hub-Signature} (sha1,
 * sha256, sha384, sha512) and newsflow's own webhook signature ({@code sha256}) have them.
 */
public final class HmacSignatures {

    private HmacSignatures() {
    }

    /** {@code method=<hex HMAC>} of {@code body} with {@code secret}. */
    public static String sign(String method, String secret, byte[] body) {
        return method + "=" + hmacHex(method, secret.getBytes(StandardCharsets.UTF_8), body);
    }

    /** Whether {@code header} is a valid signature of {@code body} with {@code secret}, compared in constant time. */
    public static boolean valid(String header, String secret, byte[] body) {
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

    public static String hmacHex(String method, byte[] key, byte[] data) {
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
