package dev.plumbline.gitwatcher.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plumbline.gitwatcher.testing.CommitSigningKeys;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyTextTest {

    @TempDir
    Path folder;

    @Test
    void anSshLineIsReadWithItsFingerprintAsSshKeygenPrintsItAndItsComment() {
        var key = CommitSigningKeys.ssh(folder, "ana@laptop");

        assertThat(KeyText.parse("  " + key.publicKeyLine() + "\n"))
                .singleElement()
                .isEqualTo(new ListedSshKey(
                        key.publicKeyLine().replace(" ana@laptop", ""), key.fingerprint(), "ana@laptop"));
    }

    @Test
    void anArmoredOpenPgpBlockIsReadWithTheFingerprintsOfItsKeys() {
        var key = CommitSigningKeys.openPgp("Ana Lima <ana@example.com>");

        assertThat(KeyText.parse(key.armoredPublicKey())).singleElement().satisfies(listed -> {
            assertThat(listed.fingerprints()).containsExactly(key.fingerprint());
            assertThat(listed.owner(key.fingerprint())).contains("Ana Lima <ana@example.com>");
        });
    }

    @Test
    void textThatIsNoPublicKeySaysWhatToWriteInstead() {
        assertThatThrownBy(() -> KeyText.parse("ana@laptop"))
                .hasMessageContaining("neither an SSH public key line")
                .hasMessageContaining("gpg --export --armor");
        assertThatThrownBy(() -> KeyText.parse("ssh-ed25519 AAAA-broken ana@laptop"))
                .hasMessageContaining("not a readable SSH public key");
        assertThatThrownBy(() -> KeyText.parse(
                        "-----BEGIN PGP PUBLIC KEY BLOCK-----\n\nnot base64\n-----END PGP PUBLIC KEY BLOCK-----"))
                .hasMessageContaining("OpenPGP public key block cannot be read");
        assertThatThrownBy(() ->
                        KeyText.parse("-----BEGIN OPENSSH PRIVATE KEY-----\nb3Blbn\n-----END OPENSSH PRIVATE KEY-----"))
                .hasMessageContaining("private key")
                .hasMessageContaining("list the public key");
    }
}
