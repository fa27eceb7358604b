package dev.plumbline.servicekit.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plumbline.events.PlumblineService;
import dev.plumbline.events.signing.KeyFileException;
import dev.plumbline.events.signing.KeyFiles;
import dev.plumbline.events.signing.SignedFields;
import dev.plumbline.events.signing.SigningKey;
import dev.plumbline.servicekit.topics.ServiceSettings;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
        Optional<Path> keyFile = Optional.ofNullable(properties.get("plumbline.signing.key-file"))
                .map(Path::of);
        Optional<List<Path>> gitWatcherKeys = Optional.ofNullable(properties.get("plumbline.trust.git-watcher-keys"))
                .map(files -> Arrays.stream(files.split(",")).map(Path::of).toList());
        ServiceSettings.Trust trust = new ServiceSettings.Trust() {
            @Override
            public Optional<List<Path>> gitWatcherKeys() {
                return gitWatcherKeys;
            }

            @Override
            public Optional<List<Path>> rendererKeys() {
                return Optional.empty();
            }

            @Override
            public Optional<List<Path>> driftAuditorKeys() {
                return Optional.empty();
            }
        };
        return new ServiceKeys(new ServiceSettings() {
            @Override
            public PlumblineService service() {
                return PlumblineService.RENDERER;
            }

            @Override
            public String instance() {
                return "renderer";
            }

            @Override
            public Topics topics() {
                throw new UnsupportedOperationException();
            }

            @Override
            public Applications applications() {
                throw new UnsupportedOperationException();
            }

            @Override
            public Signing signing() {
                return () -> keyFile;
            }

            @Override
            public Trust trust() {
                return trust;
            }
        });
    }
}
