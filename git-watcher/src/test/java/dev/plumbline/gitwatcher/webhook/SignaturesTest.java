package dev.plumbline.gitwatcher.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SignaturesTest {

    private static final byte[] HELLO = "Hello, World!".getBytes(StandardCharsets.UTF_8);
    private static final String GITHUB_VECTOR = "757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17";

    @Test
    void theHmacMatchesGitHubsPublishedTestVector() {
        assertThat(Signatures.hmacSha256Hex(WebhookFixtures.SECRET, HELLO)).isEqualTo(GITHUB_VECTOR);
    }

    @Test
    void aSignatureIsAcceptedWithOrWithoutItsPrefixAndInAnyCase() {
        assertThat(Signatures.hmacMatches("sha256=" + GITHUB_VECTOR, WebhookFixtures.SECRET, HELLO))
                .isTrue();
        assertThat(Signatures.hmacMatches(GITHUB_VECTOR.toUpperCase(), WebhookFixtures.SECRET, HELLO))
                .isTrue();
    }

    @Test
    void aSignatureOfOtherBytesOrWithAnotherSecretIsRefused() {
        assertThat(Signatures.hmacMatches(GITHUB_VECTOR, WebhookFixtures.SECRET, "Hello, World?".getBytes()))
                .isFalse();
        assertThat(Signatures.hmacMatches(GITHUB_VECTOR, "another secret", HELLO))
                .isFalse();
        assertThat(Signatures.hmacMatches(GITHUB_VECTOR.substring(2), WebhookFixtures.SECRET, HELLO))
                .isFalse();
        assertThat(Signatures.hmacMatches("", WebhookFixtures.SECRET, HELLO)).isFalse();
        assertThat(Signatures.hmacMatches(GITHUB_VECTOR, "", HELLO))
                .as("no secret verifies nothing")
                .isFalse();
    }

    @Test
    void aTokenMustEqualTheSecretExactly() {
        assertThat(Signatures.tokenMatches(WebhookFixtures.SECRET, WebhookFixtures.SECRET))
                .isTrue();
        assertThat(Signatures.tokenMatches(WebhookFixtures.SECRET + " ", WebhookFixtures.SECRET))
                .isFalse();
        assertThat(Signatures.tokenMatches("It's a secret to everybody", WebhookFixtures.SECRET))
                .isFalse();
        assertThat(Signatures.tokenMatches(null, WebhookFixtures.SECRET)).isFalse();
    }
}
