package dev.plumbline.gitwatcher.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class SenderRateLimitTest {

    private final Clock frozen = Clock.fixed(Instant.parse("2026-11-27T10:00:00Z"), ZoneOffset.UTC);

    @Test
    void aFloodFromOneAddressIsToldToWaitWhileOtherAddressesAndReceiversAreNot() {
        SenderRateLimit limit = new SenderRateLimit(0.5, 2, 100, frozen);

        assertThat(limit.admit("203.0.113.7", Endpoint.GITHUB)).isZero();
        assertThat(limit.admit("203.0.113.7", Endpoint.GITHUB)).isZero();
        Duration wait = limit.admit("203.0.113.7", Endpoint.GITHUB);

        assertThat(wait).isEqualTo(Duration.ofSeconds(2));
        assertThat(SenderRateLimit.retryAfterSeconds(wait)).isEqualTo(2);
        assertThat(limit.admit("203.0.113.8", Endpoint.GITHUB)).isZero();
        assertThat(limit.admit("203.0.113.7", Endpoint.GITLAB)).isZero();
    }

    @Test
    void theSendersRememberedAreCappedTheLongestIdleForgottenFirst() {
        SenderRateLimit limit = new SenderRateLimit(0.001, 1, 2, frozen);
        limit.admit("a", Endpoint.GITHUB);
        limit.admit("b", Endpoint.GITHUB);
        assertThat(limit.admit("a", Endpoint.GITHUB))
                .as("a is limited, and now the most recent")
                .isPositive();

        limit.admit("c", Endpoint.GITHUB);

        assertThat(limit.admit("a", Endpoint.GITHUB)).as("still remembered").isPositive();
        assertThat(limit.admit("b", Endpoint.GITHUB))
                .as("forgotten: a fresh bucket")
                .isZero();
    }

    @Test
    void aWaitUnderASecondIsRetriedAfterOneSecond() {
        assertThat(SenderRateLimit.retryAfterSeconds(Duration.ofMillis(1))).isEqualTo(1);
        assertThat(SenderRateLimit.retryAfterSeconds(Duration.ofMillis(1001))).isEqualTo(2);
    }

    @Test
    void settingsThatAllowNothingAreRefusedNamingThem() {
        assertThatThrownBy(() -> new SenderRateLimit(0, 10, 10, frozen)).hasMessageContaining("positive rate");
        assertThatThrownBy(() -> new SenderRateLimit(1, 10, 0, frozen)).hasMessageContaining("max-senders");
    }

    @Test
    void onlyATrustedProxysForwardedForNamesTheSender() {
        TrustedProxies ingress = TrustedProxies.of(List.of("10.0.0.0/8", "fd00::/8"));

        assertThat(ingress.sender("10.1.2.3", "203.0.113.7")).isEqualTo("203.0.113.7");
        assertThat(ingress.sender("10.1.2.3", "198.51.100.1, 203.0.113.7"))
                .as("what the sender wrote itself is ignored")
                .isEqualTo("203.0.113.7");
        assertThat(ingress.sender("10.1.2.3", "203.0.113.7, 10.9.9.9")).isEqualTo("203.0.113.7");
        assertThat(ingress.sender("fd00::1", "2001:db8::7")).isEqualTo("2001:db8::7");
        assertThat(ingress.sender("192.0.2.5", "203.0.113.7"))
                .as("not a trusted peer")
                .isEqualTo("192.0.2.5");
        assertThat(ingress.sender("10.1.2.3", "evil.example.com")).isEqualTo("10.1.2.3");
        assertThat(TrustedProxies.of(List.of()).sender("10.1.2.3", "203.0.113.7"))
                .isEqualTo("10.1.2.3");
    }

    @Test
    void aTrustedProxyThatIsNotAnAddressIsRefusedWithAnExample() {
        assertThatThrownBy(() -> TrustedProxies.of(List.of("ingress.example.com")))
                .hasMessageContaining("plumbline.webhook.trusted-proxies: ingress.example.com is not an IP address")
                .hasMessageContaining("10.0.0.0/8");
        assertThatThrownBy(() -> TrustedProxies.of(List.of("10.0.0.0/33"))).hasMessageContaining("10.0.0.0/33");
    }
}
