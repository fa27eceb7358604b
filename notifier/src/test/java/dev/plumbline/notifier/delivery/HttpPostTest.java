package dev.plumbline.notifier.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class HttpPostTest {

    @Test
    void aMalformedAddressFailsNamingTheSettingAndNeverItsValue() {
        assertThatThrownBy(() -> HttpPost.address(
                        "hooks.slack.com/services/T0/B0/xoxb-secret-token", "plumbline.slack.webhook-url"))
                .hasMessageContaining("plumbline.slack.webhook-url")
                .hasMessageNotContaining("secret-token");
        assertThatThrownBy(() -> HttpPost.address("http://exa mple/xoxb-secret-token", "plumbline.webhooks.url"))
                .hasMessageNotContaining("secret-token");
        assertThat(HttpPost.address(" https://hooks.slack.com/services/T0/B0/x ", "s"))
                .hasHost("hooks.slack.com");
    }

    @Test
    void anAnswerIsShortenedToOneLineForAnErrorMessage() {
        assertThat(HttpPost.shortBody("invalid_payload\n")).isEqualTo("invalid_payload");
        assertThat(HttpPost.shortBody("x".repeat(300))).hasSize(101);
    }
}
