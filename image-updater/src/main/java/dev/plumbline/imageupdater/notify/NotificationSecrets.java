package dev.plumbline.imageupdater.notify;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Constant-time checks of what a sender presents against the configured secret: the time taken says nothing about
 * how much of a guess was right, nor how long the secret is.
 */
final class NotificationSecrets {

    private NotificationSecrets() {}

    /** Whether {@code presented} is the secret itself (tokens, Authorization headers). */
    static boolean same(String presented, String expected) {
        if (presented == null || expected == null || expected.isEmpty()) {
            return false;
        }
        return MessageDigest.isEqual(
                sha256(presented.getBytes(StandardCharsets.UTF_8)), sha256(expected.getBytes(StandardCharsets.UTF_8)));
    }

    /** Whether {@code presented} ({@code sha256=<hex>}) is the body's HMAC-SHA256 under the secret. */
    static boolean hmacMatches(String presented, String secret, byte[] body) {
        if (presented == null || secret == null || secret.isEmpty()) {
            return false;
        }
        String hex = presented.strip().toLowerCase(Locale.ROOT);
        if (!hex.startsWith("sha256=")) {
            return false;
        }
        byte[] expected = HexFormat.of().formatHex(hmacSha256(secret, body)).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, hex.substring("sha256=".length()).getBytes(StandardCharsets.US_ASCII));
    }

    static byte[] hmacSha256(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("every JVM has HmacSHA256", e);
        }
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
