package dev.plumbline.gitwatcher.repo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.plumbline.gitwatcher.testing.GitWorkspace;
import dev.plumbline.gitwatcher.testing.SandboxGit;
import dev.plumbline.gitwatcher.testing.TricklingGitServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FetchLimitsTest {

    static final DiskThreshold NO_MINIMUM = DiskThreshold.parse("min-free-disk", "0");

    @TempDir
    Path folder;

    @Test
    void aServerTricklingOneByteAtATimeIsCutOffAtTheFetchDeadline() {
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            try (TricklingGitServer server = new TricklingGitServer(200);
                    Mirror mirror = Mirror.open(folder.resolve("mirror"))) {
                long start = System.nanoTime();
                assertThatThrownBy(() -> mirror.fetch(
                                server.repositoryUrl(),
                                TransportAuth.anonymous(),
                                Duration.ofSeconds(10),
                                FetchLimits.deadlineOnly(Duration.ofSeconds(2))))
                        .isInstanceOf(FetchLimits.Exceeded.class)
                        .hasMessageContaining("ran longer than plumbline.git.fetch-deadline (2s) and was stopped");
                assertThat(Duration.ofNanos(System.nanoTime() - start))
                        .as("the worker is free again soon after the deadline")
                        .isLessThan(Duration.ofSeconds(5));
            }
        });
    }

    @Test
    void aRepositoryLargerThanTheCapIsStoppedNamingTheSetting() throws Exception {
        try (SandboxGit git = new SandboxGit()) {
            String url = git.newRepository("huge");
            try (GitWorkspace work = git.workspace(url)) {
                work.commit("Add a large file", Map.of("blob.txt", incompressible(400 * 1024)));
                work.push("HEAD:refs/heads/main");
            }
            FetchLimits smallCap = new FetchLimits(Duration.ofMinutes(1), 64 * 1024, NO_MINIMUM, DiskSpace.ofVolume());
            try (Mirror mirror = Mirror.open(folder.resolve("mirror"))) {
                assertThatThrownBy(() -> mirror.fetch(url, credentials(url), Duration.ofSeconds(10), smallCap))
                        .isInstanceOf(FetchLimits.Exceeded.class)
                        .hasMessageContaining("is larger than plumbline.git.max-repo-size (64.0 KiB)")
                        .hasMessageNotContaining(SandboxGit.PASSWORD);
                assertThat(mirror.refs().commits())
                        .as("nothing of it is kept as fetched")
                        .isEmpty();
            }
        }
    }

    @Test
    void aNearlyFullDiskRefusesTheFetchAndSaysHowMuchIsFree() throws Exception {
        DiskSpace nearlyFull = mirrorFolder -> new DiskSpace.Usage(100L << 20, 10L << 30);
        FetchLimits limits = new FetchLimits(
                Duration.ofMinutes(1), 0, DiskThreshold.parse("plumbline.git.min-free-disk", "5%"), nearlyFull);
        try (SandboxGit git = new SandboxGit();
                Mirror mirror = Mirror.open(folder.resolve("mirror"))) {
            String url = git.newRepository("any");
            assertThatThrownBy(() -> mirror.fetch(url, credentials(url), Duration.ofSeconds(10), limits))
                    .isInstanceOf(FetchLimits.Exceeded.class)
                    .hasMessageStartingWith("disk nearly full: 100.0 MiB free of 10.0 GiB, below"
                            + " plumbline.git.min-free-disk (5%); free space or raise the volume");
        }
    }

    @Test
    void theFreeSpaceSettingIsASizeOrAShareOfTheVolume() {
        assertThat(DiskThreshold.parse("s", "500M").requiredOf(1L << 40)).isEqualTo(500L << 20);
        assertThat(DiskThreshold.parse("s", "2G").requiredOf(1L << 40)).isEqualTo(2L << 30);
        assertThat(DiskThreshold.parse("s", "5%").requiredOf(1000)).isEqualTo(50);
        assertThat(DiskThreshold.parse("s", "0").requiredOf(1000)).isZero();
        assertThatThrownBy(() -> DiskThreshold.parse("plumbline.git.min-free-disk", "lots"))
                .hasMessage("plumbline.git.min-free-disk must be a size such as 500M or 2G, or a share of the volume"
                        + " such as 5%, got \"lots\"");
    }

    private static TransportAuth credentials(String url) {
        return TransportAuth.of(
                new RepoCredentials("sandbox", url, SandboxGit.USER, SandboxGit.PASSWORD, null, null, null), null);
    }

    private static String incompressible(int bytes) {
        byte[] random = new byte[bytes];
        new Random(17).nextBytes(random);
        return Base64.getEncoder().encodeToString(random);
    }
}
