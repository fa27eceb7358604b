package dev.plumbline.gitwatcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.plumbline.events.CommitDetected;
import dev.plumbline.events.PlumblineService;
import dev.plumbline.events.kafka.EventTestClient;
import dev.plumbline.events.project.ProjectDestination;
import dev.plumbline.events.project.ProjectPolicy;
import dev.plumbline.events.vocabulary.FetchCauseKind;
import dev.plumbline.events.vocabulary.RefUpdateKind;
import dev.plumbline.gitwatcher.testing.CommitEventsProbe;
import dev.plumbline.gitwatcher.testing.GitWorkspace;
import dev.plumbline.gitwatcher.testing.Http;
import dev.plumbline.gitwatcher.testing.SandboxGit;
import dev.plumbline.gitwatcher.testing.SshGitServerResource;
import dev.plumbline.sandbox.kafka.EmbeddedKafkaResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.eclipse.jgit.api.Git;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The service against a real SSH Git server: a key, a strict known_hosts, a push found by a webhook and read back
 * from the broker; an encrypted key with its passphrase; and the refusals, each a plain sentence in /api/repos.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedKafkaResource.class)
@QuarkusTestResource(value = SshGitServerResource.class, restrictToAnnotatedClass = true)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("slow")
class SshWatchingTest {

    static final Duration PATIENCE = Duration.ofSeconds(30);
    static final ObjectMapper JSON = new ObjectMapper();
    /** A project of every SSH repository on this machine: its URLs name a user before the host, which "**" leaves out. */
    static final ProjectPolicy SSH_REPOSITORIES = new ProjectPolicy(
            "ssh-repositories",
            true,
            1,
            List.of("ssh://*@127.0.0.1:**"),
            List.of(ProjectDestination.of("*")),
            List.of(),
            null,
            null,
            List.of());

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    // read in start(), not injected: every Quarkus test application validates the injection points of every test
    // class, and only this class's application has the SSH servers' settings
    Path repositories;
    String trusted;
    String trustedWithEncryptedKey;
    String trustedWithoutPassphrase;
    String stranger;

    @TestHTTPResource("/")
    URI root;

    EventTestClient kafka;
    CommitEventsProbe probe;
    Http http;

    @BeforeAll
    void start() {
        Config config = ConfigProvider.getConfig();
        repositories = Path.of(config.getValue(SshGitServerResource.REPOSITORIES, String.class));
        trusted = config.getValue("plumbline.credentials.ssh.url", String.class);
        trustedWithEncryptedKey = config.getValue("plumbline.credentials.ssh-encrypted.url", String.class);
        trustedWithoutPassphrase = config.getValue("plumbline.credentials.ssh-no-passphrase.url", String.class);
        stranger = config.getValue("plumbline.credentials.stranger.url", String.class);
        kafka = new EventTestClient(bootstrapServers);
        // the service provisions the topic it writes; the test makes the one it reads
        kafka.ensureTopics(PlumblineService.RECONCILER.ownedTopics());
        probe = new CommitEventsProbe(bootstrapServers);
        http = new Http(root);
    }

    @AfterAll
    void stop() throws InterruptedException {
        probe.close();
        kafka.close();
    }

    @Test
    void aPushOverSshWithAKeyAndKnownHostsMakesACommitEvent() throws Exception {
        String name = newRepository("ssh-shop");
        String url = trusted + name + ".git";
        try (GitWorkspace work = workspace(name)) {
            String first = work.commit("Add web", Map.of("app/deploy.yaml", "replicas: 1\n"));
            work.push("HEAD:refs/heads/main");
            kafka.send(SandboxGit.application(name, url, "main", "app", SSH_REPOSITORIES));
            CommitDetected initial = awaitDetected(url, 1).get(0);
            assertThat(initial.after()).isEqualTo(first);
            assertThat(initial.update()).isEqualTo(RefUpdateKind.INITIAL);

            String scaled = work.commit("Scale web", Map.of("app/deploy.yaml", "replicas: 3\n"));
            work.push("HEAD:refs/heads/main");
            assertThat(http.githubPush(url, "refs/heads/main", "ssh-" + name).statusCode())
                    .isEqualTo(202);

            CommitDetected pushed = awaitDetected(url, 2).get(1);
            assertThat(pushed.update()).isEqualTo(RefUpdateKind.FAST_FORWARD);
            assertThat(pushed.before()).isEqualTo(first);
            assertThat(pushed.after()).isEqualTo(scaled);
            assertThat(pushed.changedPaths()).containsExactly("app/deploy.yaml");
            assertThat(pushed.fetchCause().kind()).isEqualTo(FetchCauseKind.WEBHOOK);
            assertThat(repo(url).path("lastError").isMissingNode()).isTrue();
        }
    }

    @Test
    void anEncryptedKeyIsOpenedWithTheConfiguredPassphrase() {
        String name = newRepository("ssh-encrypted");
        String url = trustedWithEncryptedKey + name + ".git";
        try (GitWorkspace work = workspace(name)) {
            String first = work.commit("Base", Map.of("app/a.yaml", "a: 1\n"));
            work.push("HEAD:refs/heads/main");
            kafka.send(SandboxGit.application(name, url, "main", "app", SSH_REPOSITORIES));
            assertThat(awaitDetected(url, 1).get(0).after()).isEqualTo(first);
        }
    }

    @Test
    void aHostKeyMissingFromKnownHostsIsRefusedInPlainWords() {
        String name = newRepository("ssh-stranger");
        String url = stranger + name + ".git";
        try (GitWorkspace work = workspace(name)) {
            work.commit("Base", Map.of("app/a.yaml", "a: 1\n"));
            work.push("HEAD:refs/heads/main");
            kafka.send(SandboxGit.application(name, url, "main", "app", SSH_REPOSITORIES));
            String error = awaitError(url);
            assertThat(error)
                    .contains("host key")
                    .contains("known_hosts")
                    .contains(URI.create(stranger).getHost());
            assertPlain(error);
            assertThat(probe.detected(url)).isEmpty();
        }
    }

    @Test
    void anEncryptedKeyWithoutItsPassphraseIsRefusedInPlainWords() {
        String name = newRepository("ssh-no-passphrase");
        String url = trustedWithoutPassphrase + name + ".git";
        try (GitWorkspace work = workspace(name)) {
            work.commit("Base", Map.of("app/a.yaml", "a: 1\n"));
            work.push("HEAD:refs/heads/main");
            kafka.send(SandboxGit.application(name, url, "main", "app", SSH_REPOSITORIES));
            String error = awaitError(url);
            assertThat(error).contains("passphrase");
            assertPlain(error);
            assertThat(probe.detected(url)).isEmpty();
        }
    }

    /** A sentence for a person: no stack frames, no exception class names. */
    private static void assertPlain(String error) {
        assertThat(error).doesNotContain("\tat ").doesNotContain("Exception").doesNotContain("\n");
    }

    private String newRepository(String name) {
        String unique = name + "-" + UUID.randomUUID().toString().substring(0, 8);
        try {
            Git.init()
                    .setBare(true)
                    .setInitialBranch("main")
                    .setGitDir(repositories.resolve(unique + ".git").toFile())
                    .call()
                    .close();
            return unique;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The test pushes through the file system; only the git-watcher goes through SSH. */
    private GitWorkspace workspace(String name) {
        try {
            return new GitWorkspace(
                    Files.createTempDirectory("ssh-work"),
                    repositories.resolve(name + ".git").toString(),
                    null,
                    null);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<CommitDetected> awaitDetected(String url, int count) {
        return await().atMost(PATIENCE).until(() -> probe.detected(url), events -> events.size() >= count);
    }

    private String awaitError(String url) {
        return await().atMost(PATIENCE).until(() -> repo(url).path("lastError").asText(null), e -> e != null);
    }

    private JsonNode repo(String url) throws IOException {
        JsonNode repos = JSON.readTree(http.get("api/repos").body());
        return StreamSupport.stream(repos.spliterator(), false)
                .filter(r -> url.equals(r.path("url").asText()))
                .findFirst()
                .orElse(JSON.missingNode());
    }
}
