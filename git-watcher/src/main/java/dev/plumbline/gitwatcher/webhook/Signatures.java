package dev.plumbline.gitwatcher.webhook;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks webhook signatures and tokens in constant time: the comparison takes as long whatever the first wrong byte,
 * so a caller cannot find a valid signature one byte at a time by timing the answers.
 */
public final class Signatures {

    /**
     * One keyed Mac per secret, cloned for each use: looking up the provider and expanding the key cost more than
     * hashing a push payload. Only configured secrets are ever keys, so the map stays as small as the settings.
     */
    private static final Map<String, Mac> KEYED = new ConcurrentHashMap<>();

    private Signatures() {}

    public static String hmacSha256Hex(String secret, byte[] body) {
        return HexFormat.of().formatHex(keyed(secret).doFinal(body));
    }

    private static Mac keyed(String secret) {
        Mac prototype = KEYED.computeIfAbsent(secret, Signatures::newMac);
        try {
            return (Mac) prototype.clone();
        } catch (CloneNotSupportedException e) {
            return newMac(secret);
        }
    }

    private static Mac newMac(String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac;
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("every JVM has HmacSHA256", e);
        }
    }

    /**
     * Whether a presented hex HMAC-SHA256, with or without a {@code sha256=} prefix, is the body's under the secret.
     * Hex is compared as written but without case, since some senders write it in capitals.
     */
    public static boolean hmacMatches(String presented, String secret, byte[] body) {
        if (presented == null || secret == null || secret.isEmpty()) {
            return false;
        }
        String hex = presented.strip().toLowerCase(Locale.ROOT);
        if (hex.startsWith("sha256=")) {
            hex = hex.substring("sha256=".length());
        }
        return MessageDigest.isEqual(
                hmacSha256Hex(secret, body).getBytes(StandardCharsets.US_ASCII),
                hex.getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * Whether a presented token (GitLab sends the secret itself) equals the secret. Both are hashed first, so that
     * the time taken does not tell the secret's length either.
     */
    public static boolean tokenMatches(String presented, String secret) {
        if (presented == null || secret == null || secret.isEmpty()) {
            return false;
        }
        return MessageDigest.isEqual(sha256(presented), sha256(secret));
    }

    public static String sha256Hex(byte[] bytes) {
        return HexFormat.of().formatHex(digest(bytes));
    }

    private static byte[] sha256(String text) {
        return digest(text.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] digest(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
