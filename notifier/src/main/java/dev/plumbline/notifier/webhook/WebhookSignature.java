package dev.plumbline.notifier.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature of a webhook request: {@code X-Plumbline-Signature: sha256=<hex>}, the lowercase hex HMAC-SHA256,
 * keyed with the webhook's secret, of {@code <timestamp>.<body>}, where the timestamp is the request's
 * {@code X-Plumbline-Timestamp} in Unix seconds. Signing the timestamp with the body lets a receiver refuse a
 * request replayed later: it checks that the timestamp is recent, then the signature.
 */
public final class WebhookSignature {

    public static final String SIGNATURE_HEADER = "X-Plumbline-Signature";
    public static final String TIMESTAMP_HEADER = "X-Plumbline-Timestamp";
    /** The delivery id, the same for every attempt of one message: receivers drop a repeat by it. */
    public static final String DELIVERY_HEADER = "X-Plumbline-Delivery";

    private static final String ALGORITHM = "HmacSHA256";
    private static final String PREFIX = "sha256=";

    private WebhookSignature() {}

    /** The value of {@value #SIGNATURE_HEADER} for {@code body} sent at {@code timestamp}. */
    public static String sign(String secret, long timestamp, String body) {
        return PREFIX + HexFormat.of().formatHex(mac(secret, timestamp + "." + body));
    }

    /**
     * What a receiver does: the timestamp is within {@code tolerance} of {@code now}, and the signature matches
     * (compared in constant time).
     */
    public static boolean verify(
            String secret,
            String timestampHeader,
            String body,
            String signatureHeader,
            Instant now,
            Duration tolerance) {
        if (timestampHeader == null || signatureHeader == null || !signatureHeader.startsWith(PREFIX)) {
            return false;
        }
        long timestamp;
        try {
            timestamp = Long.parseLong(timestampHeader.strip());
        } catch (NumberFormatException notANumber) {
            return false;
        }
        if (Math.abs(now.getEpochSecond() - timestamp) > tolerance.toSeconds()) {
            return false;
        }
        byte[] expected = sign(secret, timestamp, body).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, signatureHeader.strip().getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] mac(String secret, String content) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM));
            return mac.doFinal(content.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every Java runtime", e);
        }
    }
}
