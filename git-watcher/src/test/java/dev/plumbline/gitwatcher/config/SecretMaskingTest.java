package dev.plumbline.gitwatcher.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plumbline.gitwatcher.testing.Settings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every secret the settings name, given as a value or as a file, is masked in text about to be logged. */
class SecretMaskingTest {

    @TempDir
    Path dir;

    @Test
    void secretsReadFromFilesAndPerProviderWebhookSecretsAreMaskedInALoggedError() throws IOException {
        Files.writeString(dir.resolve("token"), "ghp-token-read-from-a-file\n");
        Files.writeString(dir.resolve("passphrase"), "passphrase-read-from-a-file");
        Files.writeString(dir.resolve("gitea"), "gitea-secret-read-from-a-file");
        RepoAccess access = new RepoAccess(Settings.of(Map.of(
                "plumbline.data-dir", dir.toString(),
                "plumbline.credentials.org.url", "https://git.example.com/",
                "plumbline.credentials.org.password-file", dir.resolve("token").toString(),
                "plumbline.credentials.org.ssh-key-passphrase-file",
                        dir.resolve("passphrase").toString(),
                "plumbline.webhook.github.secret", "github-own-webhook-secret",
                "plumbline.webhook.gitea.secret-file", dir.resolve("gitea").toString())));

        String logged = access.redactor()
                .redact("fetch failed: server said ghp-token-read-from-a-file, passphrase-read-from-a-file, "
                        + "github-own-webhook-secret, gitea-secret-read-from-a-file");

        assertThat(logged)
                .isEqualTo("fetch failed: server said ****, ****, ****, ****")
                .doesNotContain("read-from-a-file", "github-own");
    }

    @Test
    void aRotatedPasswordFileIsMaskedWithItsNewValue() throws IOException {
        Path token = dir.resolve("token");
        Files.writeString(token, "first-token-value");
        RepoAccess access = new RepoAccess(Settings.of(Map.of(
                "plumbline.data-dir", dir.toString(),
                "plumbline.credentials.org.url", "https://git.example.com/",
                "plumbline.credentials.org.password-file", token.toString())));

        Files.writeString(token, "second-token-value");

        assertThat(access.redactor().redact("refused second-token-value")).isEqualTo("refused ****");
    }
}
