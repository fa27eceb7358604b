package dev.plumbline.renderer.artifact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plumbline.events.git.Artifact;
import dev.plumbline.events.vocabulary.RenderFailureReason;
import dev.plumbline.renderer.failure.RenderFailure;
import dev.plumbline.renderer.testing.ArtifactServer;
import dev.plumbline.renderer.testing.Tarballs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TarballExtractorTest {

    @TempDir
    Path scratch;

    @Test
    void extractsFilesWithImpliedFoldersKeepingTheExecutableBit() throws IOException {
        RepositoryTree tree = extract(new Tarballs()
                .file("apps/web/a.yaml", "a: 1\n")
                .file("tools/run.sh", "true\n")
                .symlink("apps/web/b.yaml", "a.yaml"));

        assertThat(Files.readString(tree.root().resolve("apps/web/a.yaml"))).isEqualTo("a: 1\n");
        assertThat(Files.isExecutable(tree.root().resolve("tools/run.sh"))).isTrue();
        assertThat(Files.readString(tree.root().resolve("apps/web/b.yaml"))).isEqualTo("a: 1\n");
        assertThat(tree.refused()).isEmpty();
    }

    @Test
    void leavesOutAndReportsEveryEntryThatCouldLeadOutside() throws IOException {
        Path outside = Files.createDirectories(scratch.resolve("outside"));
        RepositoryTree tree = extract(new Tarballs()
                .file("ok.yaml", "a: 1\n")
                .file("../escaped.yaml", "a: 1\n")
                .file("apps/../../escaped.yaml", "a: 1\n")
                .symlink("apps/etc", "/etc")
                .symlink("apps/up", "../../outside")
                .symlink("apps/link-then-write", "../outside"));

        assertThat(tree.refused())
                .extracting(RefusedEntry::name)
                .containsExactlyInAnyOrder("../escaped.yaml", "apps/../../escaped.yaml", "apps/etc", "apps/up");
        assertThat(outside).isEmptyDirectory();
        assertThat(scratch.resolve("escaped.yaml")).doesNotExist();
        assertThatThrownBy(() -> tree.checkNoRefusedEntryUnder(List.of("apps")))
                .isInstanceOfSatisfying(
                        RenderFailure.class,
                        failure -> assertThat(failure.reason()).isEqualTo(RenderFailureReason.UNSAFE_PATH));
        tree.checkNoRefusedEntryUnder(List.of("ok.yaml", "other"));
    }

    @Test
    void aSymlinkChainWhoseTextStaysInsideButWhoseRealPathLeavesIsRemovedAndReported() throws IOException {
        RepositoryTree tree = extract(new Tarballs()
                .file("apps/web/ok.yaml", "a: 1\n")
                .symlink("apps/web/d", ".")
                .symlink("apps/web/x.yaml", "d/d/d/../../../../etc/hostname")
                .symlink("apps/web/via-folder.yaml", "d/ok.yaml"));

        assertThat(tree.refused()).singleElement().satisfies(entry -> {
            assertThat(entry.name()).isEqualTo("apps/web/x.yaml");
            assertThat(entry.reason()).isEqualTo(RenderFailureReason.SYMLINK_OUT_OF_TREE);
        });
        assertThat(tree.root().resolve("apps/web/x.yaml")).doesNotExist();
        assertThat(Files.readString(tree.root().resolve("apps/web/via-folder.yaml")))
                .isEqualTo("a: 1\n");
        assertThatThrownBy(() -> tree.checkNoRefusedEntryUnder(List.of("apps/web")))
                .isInstanceOfSatisfying(RenderFailure.class, failure -> {
                    assertThat(failure.reason()).isEqualTo(RenderFailureReason.SYMLINK_OUT_OF_TREE);
                    assertThat(failure.file()).isEqualTo("apps/web/x.yaml");
                });
    }

    @Test
    void entriesWrittenThroughALinkChainLeadingOutAreNotWritten() throws IOException {
        // apps/d/d is apps, so apps/e is really the folder above the root, and apps/w a file there
        RepositoryTree tree = extract(new Tarballs()
                .symlink("apps/d", ".")
                .symlink("apps/e", "d/d/../..")
                .symlink("apps/e/planted-link", "anything")
                .file("apps/e/planted.yaml", "a: 1\n")
                .symlink("apps/w", "d/d/../../planted-through-link.yaml")
                .file("apps/w", "a: 1\n"));

        assertThat(scratch.resolve("planted-link")).doesNotExist();
        assertThat(scratch.resolve("planted.yaml")).doesNotExist();
        assertThat(scratch.resolve("planted-through-link.yaml")).doesNotExist();
        assertThat(tree.refused())
                .extracting(RefusedEntry::name)
                .contains("apps/e", "apps/e/planted-link", "apps/e/planted.yaml", "apps/w");
    }

    @Test
    void refusesPathsThatEscapeTheRoot() {
        RepositoryTree tree = extract(new Tarballs().file("apps/web/a.yaml", "a: 1\n"));

        assertThat(tree.resolve("apps/web")).isDirectory();
        for (String escaping : List.of("../x", "/etc", "apps/../../x")) {
            assertThatThrownBy(() -> tree.resolve(escaping))
                    .as(escaping)
                    .isInstanceOfSatisfying(
                            RenderFailure.class,
                            failure -> assertThat(failure.reason()).isEqualTo(RenderFailureReason.UNSAFE_PATH));
        }
    }

    @Test
    void notATarballIsAnUnavailableArtifact() throws IOException {
        Path garbage = Files.writeString(scratch.resolve("garbage.tar.gz"), "not gzip");

        assertThatThrownBy(() -> new TarballExtractor(1 << 20)
                        .extract(garbage, Files.createDirectories(scratch.resolve("tree"))))
                .isInstanceOfSatisfying(
                        RenderFailure.class,
                        failure -> assertThat(failure.reason()).isEqualTo(RenderFailureReason.ARTIFACT_UNAVAILABLE));
    }

    @Test
    void aTarballLargerThanAllowedOnceExtractedIsRefused() throws IOException {
        Path tarball = Files.write(
                scratch.resolve("big.tar.gz"),
                new Tarballs().file("big", "x".repeat(4096)).bytes());

        assertThatThrownBy(() ->
                        new TarballExtractor(1024).extract(tarball, Files.createDirectories(scratch.resolve("tree"))))
                .hasMessageContaining("plumbline.artifact.max-extracted-bytes");
    }

    @Test
    void theFetcherChecksTheDigestBeforeAnythingReadsTheArtifact() {
        try (ArtifactServer server = new ArtifactServer()) {
            byte[] tarball = new Tarballs().file("a.yaml", "a: 1\n").bytes();
            ArtifactFetcher fetcher = new ArtifactFetcher(Duration.ofSeconds(10), 1 << 20);

            assertThat(fetcher.fetch(server.serve("good", tarball), scratch.resolve("good.tar.gz")))
                    .hasBinaryContent(tarball);
            assertThatThrownBy(() ->
                            fetcher.fetch(server.serve("bad", tarball, "ab".repeat(32)), scratch.resolve("bad.tar.gz")))
                    .isInstanceOfSatisfying(
                            RenderFailure.class,
                            failure -> assertThat(failure.reason())
                                    .isEqualTo(RenderFailureReason.ARTIFACT_DIGEST_MISMATCH));
            assertThatThrownBy(() -> fetcher.fetch(
                            new Artifact(server.serve("x", tarball).url().replace("x.tar.gz", "missing.tar.gz"), "00"),
                            scratch.resolve("missing.tar.gz")))
                    .isInstanceOfSatisfying(
                            RenderFailure.class,
                            failure ->
                                    assertThat(failure.reason()).isEqualTo(RenderFailureReason.ARTIFACT_UNAVAILABLE));
        }
    }

    private RepositoryTree extract(Tarballs tarballs) {
        try {
            Path tarball = Files.write(scratch.resolve("artifact.tar.gz"), tarballs.bytes());
            return new TarballExtractor(1 << 20).extract(tarball, Files.createDirectories(scratch.resolve("tree")));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
