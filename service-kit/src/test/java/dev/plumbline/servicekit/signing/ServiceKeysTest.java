package dev.plumbline.servicekit.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plumbline.events.PlumblineService;
import dev.plumbline.events.signing.KeyFileException;
import dev.plumbline.events.signing.KeyFiles;
import dev.plumbline.events.signing.SignedFields;
import dev.plumbline.events.signing.SigningKey;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceKeysTest {

    @TempDir
    Path keys;

    @Test
    void aServiceWithoutItsSigningKeyIsToldWhichSettingToSet() {
        ServiceKeys serviceKeys = keysFrom(Map.of());

        assertThatThrownBy(serviceKeys::signingKey)
                .isInstanceOf(KeyFileException.class)
                .hasMessageContaining("PLUMBLINE_SIGNING_KEY_FILE");
        assertThatThrownBy(() -> serviceKeys.trustedKeys(PlumblineService.RENDERER))
                .isInstanceOf(KeyFileException.class)
                .hasMessageContaining("plumbline.trust.renderer-keys")
                .hasMessageContaining("PLUMBLINE_TRUST_RENDERER_KEYS");
    }

    @Test
    void twoCommaSeparatedKeysAreBothTrustedDuringARotation() {
        KeyFiles.generate(keys.resolve("old.key"), keys.resolve("old.pub"));
        KeyFiles.generate(keys.resolve("new.key"), keys.resolve("new.pub"));
        ServiceKeys serviceKeys = keysFrom(Map.of(
                "plumbline.signing.key-file",
                keys.resolve("new.key").toString(),
                "plumbline.trust.git-watcher-keys",
                keys.resolve("old.pub") + "," + keys.resolve("new.pub")));
        SignedFields fields = SignedFields.of("test").with("app", "web");

        String signedByNew = serviceKeys.signingKey().sign(fields);
        String signedByOld = SigningKey.read(keys.resolve("old.key")).sign(fields);

        assertThat(serviceKeys
                        .trustedKeys(PlumblineService.GIT_WATCHER)
                        .check(fields, signedByNew)
                        .trusted())
                .isTrue();
        assertThat(serviceKeys
                        .trustedKeys(PlumblineService.GIT_WATCHER)
                        .check(fields, signedByOld)
                        .trusted())
                .isTrue();
    }

    private static ServiceKeys keysFrom(Map<String, String> properties) {
        return new ServiceKeys(new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(properties, "test", 100))
                .build());
    }
}
