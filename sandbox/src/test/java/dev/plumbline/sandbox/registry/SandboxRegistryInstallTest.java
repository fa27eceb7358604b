package dev.plumbline.sandbox.registry;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SandboxRegistryInstallTest {

    @Test
    void aMissingBinaryIsNamedWithHowToInstallIt(@TempDir Path folder) {
        assertThatThrownBy(() -> SandboxRegistry.builder()
                        .binary(folder.resolve("docker-registry"))
                        .start())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(folder.resolve("docker-registry") + " is missing")
                .hasMessageContaining("install it with: apt-get install docker-registry");
    }
}
