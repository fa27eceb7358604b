package dev.plumbline.sandbox.git;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitServerTest {

    private static final BasicCredentials CREDENTIALS = new BasicCredentials("deployer", "s3cret-token");
    private static final CredentialsProvider GOOD =
            new UsernamePasswordCredentialsProvider(CREDENTIALS.username(), CREDENTIALS.password());
    /** A clone of an empty repository starts on JGit's own default branch; push it to the server's main. */
    private static final RefSpec TO_MAIN = new RefSpec("HEAD:refs/heads/main");

    @TempDir
    Path root;

    @TempDir
    Path work;

    private GitServer server;

    @BeforeEach
    void startServer() {
        server = new GitServer(root, CREDENTIALS).start();
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void aPushedCommitReachesAnotherCloneThroughFetch() throws Exception {
        server.createBareRepository("platform/apps");
        String url = server.repositoryUrl("platform/apps");

        try (Git first = clone(url, "first");
                Git second = clone(url, "second")) {
            Files.writeString(first.getRepository().getWorkTree().toPath().resolve("app.yaml"), "replicas: 2\n");
            first.add().addFilepattern("app.yaml").call();
            RevCommit commit = first.commit()
                    .setMessage("Scale the app to two replicas")
                    .setAuthor("Ada", "ada@example.test")
                    .setCommitter("Ada", "ada@example.test")
                    .call();
            first.push().setCredentialsProvider(GOOD).setRefSpecs(TO_MAIN).call();

            second.fetch().setCredentialsProvider(GOOD).call();

            ObjectId fetched = second.getRepository().resolve("refs/remotes/origin/main");
            assertThat(fetched).isEqualTo(commit.getId());
        }
    }

    @Test
    void repositoriesAreServedUnderTheirNameWithDotGit() {
        assertThat(server.repositoryUrl("platform/apps")).isEqualTo(server.url() + "/platform/apps.git");
        assertThat(server.repositoryUrl("platform/apps.git")).isEqualTo(server.url() + "/platform/apps.git");
        assertThat(URI.create(server.url()).getHost()).isEqualTo("127.0.0.1");
    }

    @Test
    void creatingARepositoryTwiceKeepsItsHistoryAndMainAsDefaultBranch() throws Exception {
        Path folder = server.createBareRepository("demo");
        try (Git clone = clone(server.repositoryUrl("demo"), "clone")) {
            clone.commit()
                    .setMessage("First")
                    .setAllowEmpty(true)
                    .setAuthor("Ada", "ada@example.test")
                    .setCommitter("Ada", "ada@example.test")
                    .call();
            clone.push().setCredentialsProvider(GOOD).setRefSpecs(TO_MAIN).call();
        }

        assertThat(server.createBareRepository("demo.git")).isEqualTo(folder);

        try (Repository bare = new FileRepositoryBuilder()
                .setGitDir(folder.toFile())
                .setMustExist(true)
                .build()) {
            assertThat(bare.isBare()).isTrue();
            assertThat(bare.getFullBranch()).isEqualTo("refs/heads/main");
            assertThat(bare.resolve("refs/heads/main")).isNotNull();
        }
    }

    @Test
    void withoutCredentialsConfiguredAnyoneMayCloneAndPush() throws Exception {
        try (GitServer open = new GitServer(root.resolve("open")).start()) {
            open.createBareRepository("scratch");
            try (Git clone = Git.cloneRepository()
                    .setURI(open.repositoryUrl("scratch"))
                    .setDirectory(work.resolve("anonymous").toFile())
                    .call()) {
                clone.commit()
                        .setMessage("Anonymous")
                        .setAllowEmpty(true)
                        .setAuthor("Ada", "ada@example.test")
                        .setCommitter("Ada", "ada@example.test")
                        .call();
                clone.push().setRefSpecs(TO_MAIN).call();

                assertThat(Git.lsRemoteRepository()
                                .setRemote(open.repositoryUrl("scratch"))
                                .setHeads(true)
                                .call())
                        .extracting(ref -> ref.getName())
                        .containsExactly("refs/heads/main");
            }
        }
    }

    private Git clone(String url, String folder) throws Exception {
        return Git.cloneRepository()
                .setURI(url)
                .setCredentialsProvider(GOOD)
                .setDirectory(work.resolve(folder).toFile())
                .call();
    }
}
