package newsflow.app.demo;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.GZIPOutputStream;

/**
 * One servable response, rendered once at start. Both encodings are prepared up front; each has its own strong
 * ETag, because a strong validator names one exact byte sequence and the gzip bytes are a different one.
 */
record DemoResource(String contentType, byte[] identity, String identityEtag, byte[] gzip, String gzipEtag) {

    static DemoResource of(String contentType, byte[] body) {
        String hash = sha256(body);
        return new DemoResource(contentType, body, "\"" + hash + "\"", gzip(body), "\"" + hash + "-gz\"");
    }

    private static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is a required JDK algorithm", e);
        }
    }

    private static byte[] gzip(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 3 + 64);
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
