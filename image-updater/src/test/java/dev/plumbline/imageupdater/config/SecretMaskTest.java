package dev.plumbline.imageupdater.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SecretMaskTest {

    @Test
    void configuredSecretsAndUrlCredentialsNeverReachAMessage() {
        SecretMask mask = new SecretMask(() -> List.of("hunter2-token", "hunter2-token-longer"));

        String masked = mask.apply("push to https://bot:hunter2-token@git.example/shop/deploy.git refused:"
                + " token hunter2-token-longer is expired");

        assertThat(masked).doesNotContain("hunter2").doesNotContain("bot:").contains("git.example/shop/deploy.git");
    }

    @Test
    void promoteTokensOnlyMatchExactlyAndNameTheirApps() {
        PromoteTokens.Grant ci = new PromoteTokens.Grant("ci", List.of("web"));
        assertThat(ci.allows("web")).isTrue();
        assertThat(ci.allows("api")).isFalse();
        assertThat(new PromoteTokens.Grant("ops", List.of("*")).allows("api")).isTrue();
    }
}
