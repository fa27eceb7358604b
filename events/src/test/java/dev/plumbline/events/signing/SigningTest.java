package dev.plumbline.events.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SigningTest {

    @TempDir
    Path keys;

    private final SignedFields render =
            SignedFields.of("test.render.v1").with("app", "web").with("digest", "sha256:abc");

    @Test
    void signatureByTheTrustedKeyVerifies() {
        SigningKey key = pair("renderer");

        assertThat(trust("renderer").check(render, key.sign(render)).trusted()).isTrue();
    }

    @Test
    void changedContentsNoLongerVerify() {
        String signature = pair("renderer").sign(render);
        SignedFields forged =
                SignedFields.of("test.render.v1").with("app", "web").with("digest", "sha256:abd");

        SignatureCheck check = trust("renderer").check(forged, signature);

        assertThat(check.trusted()).isFalse();
        assertThat(check.problem()).contains("not made by the renderer's key");
    }

    @Test
    void aSignatureForOnePurposeDoesNotVerifyAnother() {
        String signature = pair("renderer").sign(render);
        SignedFields samePairsOtherPurpose =
                SignedFields.of("test.audit.v1").with("app", "web").with("digest", "sha256:abc");

        assertThat(trust("renderer").check(samePairsOtherPurpose, signature).trusted())
                .isFalse();
    }

    @Test
    void fieldBoundariesAreSigned() {
        SignedFields one = SignedFields.of("p").with("a", "bc").with("d", "e");
        SignedFields other = SignedFields.of("p").with("a", "b").with("cd", "e");
        SignedFields nullValue = SignedFields.of("p").with("a", null);
        SignedFields emptyValue = SignedFields.of("p").with("a", "");

        assertThat(one.bytes()).isNotEqualTo(other.bytes());
        assertThat(nullValue.bytes()).isNotEqualTo(emptyValue.bytes());
    }

    @Test
    void anotherServicesKeyIsNotTrusted() {
        pair("renderer");
        String byNotifier = pair("notifier").sign(render);

        assertThat(trust("renderer").check(render, byNotifier).trusted()).isFalse();
    }

    @Test
    void unsignedAndGarbledSignaturesAreUntrustedWithAReason() {
        pair("renderer");

        assertThat(trust("renderer").check(render, null).problem()).contains("not signed");
        assertThat(trust("renderer").check(render, "%%%").problem()).contains("not base64");
        assertThat(trust("renderer").check(render, "AAAA").trusted()).isFalse();
    }

    @Test
    void duringARotationBothKeysAreTrusted() {
        SigningKey old = pair("renderer");
        SigningKey next = pair("renderer-next");
        TrustedKeys both =
                TrustedKeys.read("renderer", List.of(keys.resolve("renderer.pub"), keys.resolve("renderer-next.pub")));

        assertThat(both.check(render, old.sign(render)).trusted()).isTrue();
        assertThat(both.check(render, next.sign(render)).trusted()).isTrue();
        assertThat(trust("renderer").check(render, next.sign(render)).trusted()).isFalse();
    }

    @Test
    void moreThanTwoTrustedKeysAreRefused() {
        pair("a");
        pair("b");
        pair("c");

        assertThatThrownBy(() -> TrustedKeys.read(
                        "renderer", List.of(keys.resolve("a.pub"), keys.resolve("b.pub"), keys.resolve("c.pub"))))
                .isInstanceOf(KeyFileException.class)
                .hasMessageContaining("at most 2");
    }

    @Test
    void thePrivateKeyIsReadableByItsOwnerOnlyAndNeverOverwritten() throws IOException {
        pair("renderer");

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keys.resolve("renderer.key"))))
                .isEqualTo("rw-------");
        assertThatThrownBy(() -> KeyFiles.generate(keys.resolve("renderer.key"), keys.resolve("other.pub")))
                .isInstanceOf(KeyFileException.class)
                .hasMessageContaining("will not overwrite");
    }

    @Test
    void aKeyFileOfTheWrongKindIsNamedInTheError() throws IOException {
        pair("renderer");
        Path notAKey = Files.writeString(keys.resolve("notes.txt"), "hello");

        assertThatThrownBy(() -> SigningKey.read(keys.resolve("renderer.pub")))
                .isInstanceOf(KeyFileException.class)
                .hasMessageContaining("renderer.pub")
                .hasMessageContaining("PRIVATE KEY");
        assertThatThrownBy(() -> TrustedKeys.read("renderer", List.of(notAKey)))
                .isInstanceOf(KeyFileException.class)
                .hasMessageContaining("notes.txt");
        assertThatThrownBy(() -> SigningKey.read(keys.resolve("missing.key")))
                .isInstanceOf(KeyFileException.class)
                .hasMessageContaining("cannot read the key file");
    }

    private SigningKey pair(String name) {
        KeyFiles.generate(keys.resolve(name + ".key"), keys.resolve(name + ".pub"));
        return SigningKey.read(keys.resolve(name + ".key"));
    }

    private TrustedKeys trust(String name) {
        return TrustedKeys.read(name, List.of(keys.resolve(name + ".pub")));
    }
}
