package dev.plumbline.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GitWatcherWebhookTest {

    @Test
    void theSignatureIsTheHexHmacSha256OfTheBodyWithTheSecret() {
        // RFC 4231 test case 2
        assertThat(GitWatcherWebhook.hmac("Jefe", "what do ya want for nothing?"))
                .isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }

    @Test
    void onlyA202WithTheOutcomeAcceptedIsAccepted() {
        assertThat(new GitWatcherWebhook.Answer(202, "{\"outcome\": \"accepted\"}").accepted())
                .isTrue();
        assertThat(new GitWatcherWebhook.Answer(202, "{\"outcome\": \"unwatched\"}").accepted())
                .isFalse();
        assertThat(new GitWatcherWebhook.Answer(401, "{\"outcome\": \"unauthorized\"}").accepted())
                .isFalse();
    }
}
