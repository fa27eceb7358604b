package dev.plumbline.imageupdater.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plumbline.imageupdater.gitwrite.SandboxRepository;
import dev.plumbline.imageupdater.promote.PromotionFailure;
import java.nio.file.Path;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TargetBranchTest {

    private static final CredentialsProvider WRITER = new UsernamePasswordCredentialsProvider(
            SandboxRepository.WRITER.username(), SandboxRepository.WRITER.password());

    @TempDir
    Path folder;

    private SandboxRepository config;

    @BeforeEach
    void startRepository() throws Exception {
        config = new SandboxRepository(folder, "apps/web/kustomization.yaml", "resources: []\n");
    }

    @AfterEach
    void stopRepository() {
        config.close();
    }

    @Test
    void headOrNothingIsTheBranchTheRemotesHeadNames() throws Exception {
        assertThat(TargetBranch.of(config.url(), WRITER, "HEAD")).isEqualTo("main");
        assertThat(TargetBranch.of(config.url(), WRITER, "")).isEqualTo("main");
        assertThat(TargetBranch.of(config.url(), WRITER, null)).isEqualTo("main");

        config.defaultBranch("trunk");

        assertThat(TargetBranch.of(config.url(), WRITER, "HEAD")).isEqualTo("trunk");
        assertThat(TargetBranch.of(config.url(), WRITER, "main")).isEqualTo("main");
        assertThat(TargetBranch.of(config.url(), WRITER, "refs/heads/main")).isEqualTo("main");
    }

    @Test
    void aTagOrACommitIsRefusedBecausePromotionsNeedABranch() throws Exception {
        config.tag("v1.0.0");
        String sha = config.head("main").name();

        assertThatThrownBy(() -> TargetBranch.of(config.url(), WRITER, "v1.0.0"))
                .isInstanceOf(PromotionFailure.class)
                .hasMessageContaining("v1.0.0 is a tag")
                .hasMessageContaining("promotions need a branch");
        assertThatThrownBy(() -> TargetBranch.of(config.url(), WRITER, sha))
                .isInstanceOf(PromotionFailure.class)
                .hasMessageContaining(sha + " is not a branch")
                .hasMessageContaining("promotions need a branch");
    }
}
