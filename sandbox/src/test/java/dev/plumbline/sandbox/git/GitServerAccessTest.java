package dev.plumbline.sandbox.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.TransportException;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GitServerAccessTest {

    private static final String USER = "deployer";
    private static final String PASSWORD = "s3cret-token";
    private static final String INFO_REFS = "/info/refs?service=git-upload-pack";

    @TempDir
    Path sandbox;

    private GitServer server;
    private int port;

    @BeforeEach
    void startServer() {
        server = new GitServer(sandbox.resolve("root"), new BasicCredentials(USER, PASSWORD)).start();
        server.createBareRepository("team/app");
        port = URI.create(server.url()).getPort();
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void aRequestWithoutCredentialsIsChallenged() throws Exception {
        RawHttp.Response response = RawHttp.get(port, "/team/app.git" + INFO_REFS);

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.hasHeader("WWW-Authenticate", "Basic realm=")).isTrue();
        assertThatThrownBy(() -> Git.lsRemoteRepository()
                        .setRemote(server.repositoryUrl("team/app"))
                        .call())
                .isInstanceOf(TransportException.class)
                .hasMessageContaining("Authentication is required");
    }

    @Test
    void aWrongPasswordIsRefused() throws Exception {
        RawHttp.Response response = RawHttp.get(port, "/team/app.git" + INFO_REFS, USER, "guessed");

        assertThat(response.status()).isEqualTo(401);
        assertThatThrownBy(() -> Git.lsRemoteRepository()
                        .setRemote(server.repositoryUrl("team/app"))
                        .setCredentialsProvider(new UsernamePasswordCredentialsProvider(USER, "guessed"))
                        .call())
                .isInstanceOf(TransportException.class)
                .hasMessageContaining("not authorized");
    }

    @Test
    void theRightCredentialsAreLetThrough() throws Exception {
        assertThat(RawHttp.get(port, "/team/app.git" + INFO_REFS, USER, PASSWORD)
                        .status())
                .isEqualTo(200);
    }

    @Test
    void aRepositoryIsAlsoServedWithoutTheDotGitSuffix() throws Exception {
        assertThat(RawHttp.get(port, "/team/app" + INFO_REFS, USER, PASSWORD).status())
                .isEqualTo(200);
    }

    @Test
    void anUnknownRepositoryIsNotFound() throws Exception {
        assertThat(RawHttp.get(port, "/team/nope.git" + INFO_REFS, USER, PASSWORD)
                        .status())
                .isEqualTo(404);
        assertThatThrownBy(() -> Git.lsRemoteRepository()
                        .setRemote(server.repositoryUrl("team/nope"))
                        .setCredentialsProvider(new UsernamePasswordCredentialsProvider(USER, PASSWORD))
                        .call())
                .isInstanceOf(TransportException.class)
                .hasMessageContaining("not found");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/../outside.git",
                "/team/../../outside.git",
                "/%2e%2e/outside.git",
                "/team/%2e%2e/%2e%2e/outside.git",
                "/..%2foutside.git"
            })
    void aRepositoryOutsideTheRootCannotBeReached(String path) throws Exception {
        new GitServer(sandbox).createBareRepository("outside");

        int status = RawHttp.get(port, path + INFO_REFS, USER, PASSWORD).status();

        assertThat(status).isIn(400, 404);
    }
}
