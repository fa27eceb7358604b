package dev.plumbline.cli.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plumbline.events.signing.SignedFields;
import dev.plumbline.events.signing.SigningKey;
import dev.plumbline.events.signing.TrustedKeys;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunSigningKeysTest {

    @TempDir
    Path run;

    @Test
    void eachServiceSeesOnlyItsOwnPrivateKeyAndThePublicKeysItTrusts() {
        RunSigningKeys keys = RunSigningKeys.prepare(run.resolve("keys"));

        assertThat(keys.environment("git-watcher")).containsOnlyKeys("PLUMBLINE_SIGNING_KEY_FILE");
        assertThat(keys.environment("renderer"))
                .containsEntry(
                        "PLUMBLINE_SIGNING_KEY_FILE",
                        keys.privateKey("renderer").toString())
                .containsEntry(
                        "PLUMBLINE_TRUST_GIT_WATCHER_KEYS",
                        keys.publicKey("git-watcher").toString());
        assertThat(keys.environment("reconciler"))
                .doesNotContainKey("PLUMBLINE_SIGNING_KEY_FILE")
                .containsEntry(
                        "PLUMBLINE_TRUST_GIT_WATCHER_KEYS",
                        keys.publicKey("git-watcher").toString())
                .containsEntry(
                        "PLUMBLINE_TRUST_RENDERER_KEYS",
                        keys.publicKey("renderer").toString());
        assertThat(keys.environment("drift-auditor"))
                .containsEntry(
                        "PLUMBLINE_SIGNING_KEY_FILE",
                        keys.privateKey("drift-auditor").toString());
        assertThat(keys.environment("notifier")).isEmpty();
    }

    @Test
    void keysAreOwnerOnlyAndKeptAcrossRunsSoTheKeptAuditTrailStillVerifies() throws IOException {
        RunSigningKeys first = RunSigningKeys.prepare(run.resolve("keys"));
        SignedFields record = SignedFields.of("test").with("app", "web");
        String signedInTheFirstRun =
                SigningKey.read(first.privateKey("drift-auditor")).sign(record);

        RunSigningKeys second = RunSigningKeys.prepare(run.resolve("keys"));

        TrustedKeys trusted = TrustedKeys.read("drift-auditor", List.of(second.publicKey("drift-auditor")));
        assertThat(trusted.check(record, signedInTheFirstRun).trusted()).isTrue();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(run.resolve("keys"))))
                .isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(second.privateKey("renderer"))))
                .isEqualTo("rw-------");
    }
}
