package dev.plumbline.notifier.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class WebhookSignatureTest {

    private static final Instant NOW = Instant.parse("2026-11-27T15:00:00Z");
    private static final Duration TOLERANCE = Duration.ofMinutes(5);
    private static final String BODY = "{\"trigger\":\"sync-failed\",\"app\":\"web\"}";

    @Test
    void theSignatureIsTheHexHmacSha256OfTimestampDotBody() {
        // printf '%s' '1795791600.{"trigger":"sync-failed","app":"web"}' | openssl dgst -sha256 -hmac s3cret
        assertThat(WebhookSignature.sign("s3cret", 1795791600L, BODY))
                .isEqualTo("sha256=eaaf12413e82ee4188e54d3dc8fcab02be659ed4cd75bc1fbf0e6bd664b71024");
    }

    @Test
    void aReceiverAcceptsAFreshSignedBodyAndRefusesTamperingReplayAndTheWrongSecret() {
        long at = NOW.getEpochSecond();
        String signature = WebhookSignature.sign("s3cret", at, BODY);

        assertThat(WebhookSignature.verify("s3cret", String.valueOf(at), BODY, signature, NOW, TOLERANCE))
                .isTrue();
        assertThat(WebhookSignature.verify("s3cret", String.valueOf(at), BODY + " ", signature, NOW, TOLERANCE))
                .isFalse();
        assertThat(WebhookSignature.verify("other", String.valueOf(at), BODY, signature, NOW, TOLERANCE))
                .isFalse();
        assertThat(WebhookSignature.verify(
                        "s3cret", String.valueOf(at), BODY, signature, NOW.plusSeconds(301), TOLERANCE))
                .isFalse();
        assertThat(WebhookSignature.verify("s3cret", String.valueOf(at + 1), BODY, signature, NOW, TOLERANCE))
                .isFalse();
        assertThat(WebhookSignature.verify("s3cret", null, BODY, signature, NOW, TOLERANCE))
                .isFalse();
    }
}
