package dev.plumbline.gitwatcher.repo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plumbline.gitwatcher.testing.GitWorkspace;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MirrorTest {

    static final FetchLimits LIMITS = FetchLimits.deadlineOnly(Duration.ofMinutes(1));

    @TempDir
    Path folder;

    @Test
    void aFetchMirrorsBranchesAndTagsAndLearnsTheDefaultBranch() throws Exception {
        Path remote = folder.resolve("remote.git");
        Git.init()
                .setBare(true)
                .setInitialBranch("trunk")
                .setDirectory(remote.toFile())
                .call()
                .close();
        String url = remote.toUri().toString();
        String first;
        try (GitWorkspace work = new GitWorkspace(folder.resolve("work"), url, null, null)) {
            first = work.commit("Base", Map.of("a.yaml", "a: 1\n"));
            work.tag("v1");
            work.push("HEAD:refs/heads/trunk");
            work.push("HEAD:refs/heads/feature");
            work.push("refs/tags/v1:refs/tags/v1");
        }

        try (Mirror mirror = Mirror.open(folder.resolve("mirror"))) {
            MirrorRefs refs = mirror.fetch(url, TransportAuth.anonymous(), Duration.ofSeconds(10), LIMITS);

            assertThat(refs.commits()).containsOnlyKeys("refs/heads/trunk", "refs/heads/feature", "refs/tags/v1");
            assertThat(refs.commit("refs/tags/v1"))
                    .as("an annotated tag is peeled to its commit")
                    .isEqualTo(first);
            assertThat(refs.headTarget()).isEqualTo("refs/heads/trunk");
            assertThat(mirror.hasCommit(first)).isTrue();
        }
        try (GitWorkspace work = new GitWorkspace(folder.resolve("work2"), url, null, null)) {
            work.commit("Other", Map.of("b.yaml", "b: 1\n"));
            work.deleteRemote("refs/heads/feature");
        }
        try (Mirror mirror = Mirror.open(folder.resolve("mirror"))) {
            assertThat(mirror.fetch(url, TransportAuth.anonymous(), Duration.ofSeconds(10), LIMITS)
                            .commits())
                    .as("a branch deleted on the remote is deleted in the mirror")
                    .doesNotContainKey("refs/heads/feature");
        }
    }
}
