package dev.plumbline.gitwatcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.plumbline.events.CommitDetected;
import dev.plumbline.events.CommitIgnored;
import dev.plumbline.events.PlumblineService;
import dev.plumbline.events.git.CommitInfo;
import dev.plumbline.events.git.CommitSignature;
import dev.plumbline.events.git.Trailer;
import dev.plumbline.events.kafka.EventTestClient;
import dev.plumbline.events.project.ProjectDestination;
import dev.plumbline.events.project.ProjectPolicy;
import dev.plumbline.events.testing.TestSigningKeys;
import dev.plumbline.events.vocabulary.FetchCauseKind;
import dev.plumbline.events.vocabulary.RefUpdateKind;
import dev.plumbline.events.vocabulary.SignatureFormat;
import dev.plumbline.events.vocabulary.SignatureVerdict;
import dev.plumbline.events.vocabulary.WebhookProvider;
import dev.plumbline.gitwatcher.testing.CommitEventsProbe;
import dev.plumbline.gitwatcher.testing.CommitSigningKeys;
import dev.plumbline.gitwatcher.testing.CommitSigningKeys.SshSigningKey;
import dev.plumbline.gitwatcher.testing.GitWorkspace;
import dev.plumbline.gitwatcher.testing.Http;
import dev.plumbline.gitwatcher.testing.SandboxGit;
import dev.plumbline.gitwatcher.testing.SandboxGitResource;
import dev.plumbline.gitwatcher.webhook.Signatures;
import dev.plumbline.sandbox.kafka.EmbeddedKafkaResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The service against the sandbox Git server over HTTP with basic auth, its events read back from the broker; with
 * Applications whose projects refuse their repository or require signed commits.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedKafkaResource.class)
@QuarkusTestResource(SandboxGitResource.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("slow")
class GitWatchingTest {

    static final Duration PATIENCE = Duration.ofSeconds(30);

    static final ObjectMapper JSON = new ObjectMapper();

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ConfigProperty(name = "plumbline.data-dir")
    Path dataDir;

    @ConfigProperty(name = SandboxGitResource.URL)
    String gitUrl;

    @ConfigProperty(name = SandboxGitResource.FOLDER)
    Path gitFolder;

    @TestHTTPResource("/")
    URI root;

    SandboxGit git;
    EventTestClient kafka;
    CommitEventsProbe probe;
    Http http;

    @BeforeAll
    void start() {
        git = SandboxGit.served(gitFolder, gitUrl);
        kafka = new EventTestClient(bootstrapServers);
        kafka.ensureTopics(PlumblineService.RECONCILER.ownedTopics());
        kafka.ensureTopics(PlumblineService.GIT_WATCHER.ownedTopics());
        probe = new CommitEventsProbe(bootstrapServers);
        http = new Http(root);
    }

    @AfterAll
    void stop() throws InterruptedException {
        probe.close();
        kafka.close();
        git.close();
    }

    @Test
    void aPushMakesExactlyOneCommitEventWithItsCommitsAuthorsTrailersAndChangedPaths() throws Exception {
        String url = git.newRepository("shop");
        try (GitWorkspace work = git.workspace(url)) {
            String first = work.commit("Add web", Map.of("apps/web/deploy.yaml", "replicas: 1\n", "README.md", "x\n"));
            work.push("HEAD:refs/heads/main");
            kafka.send(SandboxGit.application("web-" + suffix(url), url, "main", "apps/web"));
            CommitDetected initial = awaitDetected(url, 1).get(0);
            assertThat(initial.update()).isEqualTo(RefUpdateKind.INITIAL);
            assertThat(initial.after()).isEqualTo(first);
            assertThat(initial.changedPaths()).containsExactly("README.md", "apps/web/deploy.yaml");
            assertThat(initial.fetchCause().kind()).isEqualTo(FetchCauseKind.WATCH_STARTED);
            assertThat(initial.verify(TestSigningKeys.trustedKeys("git-watcher"))
                            .trusted())
                    .as("the commit event is signed by the git-watcher's key")
                    .isTrue();

            String scale = work.commit(
                    "Scale web to 3\n\nReviewed-by: Ben <ben@example.com>\n"
                            + "Signed-off-by: Ana Lima <ana@example.com>\n",
                    Map.of("apps/web/deploy.yaml", "replicas: 3\n"));
            String service = work.commit("Add the service", Map.of("apps/web/service.yaml", "kind: Service\n"));
            work.push("HEAD:refs/heads/main");
            HttpResponse<byte[]> ack = http.githubPush(url, "refs/heads/main", "delivery-" + suffix(url));
            assertThat(ack.statusCode()).isEqualTo(202);
            assertThat(Http.text(ack)).contains("\"outcome\":\"accepted\"");

            CommitDetected pushed = awaitDetected(url, 2).get(1);
            assertThat(pushed.update()).isEqualTo(RefUpdateKind.FAST_FORWARD);
            assertThat(pushed.ref()).isEqualTo("refs/heads/main");
            assertThat(pushed.before()).isEqualTo(first);
            assertThat(pushed.after()).isEqualTo(service);
            assertThat(pushed.commits()).extracting(CommitInfo::sha).containsExactly(scale, service);
            CommitInfo scaled = pushed.commits().get(0);
            assertThat(scaled.author().name()).isEqualTo("Ana Lima");
            assertThat(scaled.author().email()).isEqualTo("ana@example.com");
            assertThat(scaled.author().time()).isEqualTo(GitWorkspace.ANA.getWhenAsInstant());
            assertThat(scaled.committer().name()).isEqualTo("Merge Bot");
            assertThat(scaled.trailers())
                    .containsExactly(
                            new Trailer("Reviewed-by", "Ben <ben@example.com>"),
                            new Trailer("Signed-off-by", "Ana Lima <ana@example.com>"));
            assertThat(pushed.changedPaths()).containsExactly("apps/web/deploy.yaml", "apps/web/service.yaml");
            assertThat(pushed.fetchCause().kind()).isEqualTo(FetchCauseKind.WEBHOOK);
            assertThat(pushed.fetchCause().provider()).isEqualTo(WebhookProvider.GITHUB);
            assertThat(pushed.fetchCause().deliveryId()).isEqualTo("delivery-" + suffix(url));
            assertThat(pushed.verify(TestSigningKeys.trustedKeys("git-watcher")).trusted())
                    .isTrue();

            HttpResponse<byte[]> redelivery = http.githubPush(url, "refs/heads/main", "delivery-" + suffix(url));
            assertThat(Http.text(redelivery)).contains("\"outcome\":\"duplicate\"");
            assertExactly(url, 2);
            assertThat(probe.ignored(url)).as("every commit touched apps/web").isEmpty();

            HttpResponse<byte[]> artifact =
                    http.get(URI.create(pushed.artifact().url()).getPath().substring(1));
            assertThat(artifact.statusCode()).isEqualTo(200);
            assertThat(Signatures.sha256Hex(artifact.body()))
                    .isEqualTo(pushed.artifact().sha256());
            assertThat(artifact.headers().firstValue("X-Plumbline-Sha256"))
                    .contains(pushed.artifact().sha256());
            assertThat(artifact.headers().firstValue("Cache-Control")).contains("public, max-age=31536000, immutable");
            assertThat(artifact.headers().firstValue("ETag"))
                    .contains("\"" + pushed.artifact().sha256() + "\"");
        }
    }

    @Test
    void aForcePushSaysSoAndListsTheNewCommits() {
        String url = git.newRepository("forced");
        try (GitWorkspace work = git.workspace(url)) {
            String base = work.commit("Base", Map.of("app/a.yaml", "a: 1\n"));
            String rewritten = work.commit("To be rewritten", Map.of("app/a.yaml", "a: 2\n"));
            work.push("HEAD:refs/heads/main");
            kafka.send(SandboxGit.application("forced-" + suffix(url), url, "main", "app"));
            awaitDetected(url, 1);

            work.resetHard(base);
            String replacement = work.commit("Replacement", Map.of("app/a.yaml", "a: 3\n"));
            work.push("+HEAD:refs/heads/main");
            assertThat(http.refresh(url).statusCode()).isEqualTo(202);

            CommitDetected forced = awaitDetected(url, 2).get(1);
            assertThat(forced.update()).isEqualTo(RefUpdateKind.FORCED);
            assertThat(forced.before()).isEqualTo(rewritten);
            assertThat(forced.after()).isEqualTo(replacement);
            assertThat(forced.commits()).extracting(CommitInfo::sha).containsExactly(replacement);
            assertThat(forced.fetchCause().kind()).isEqualTo(FetchCauseKind.MANUAL);
            assertThat(forced.fetchCause().actor()).isEqualTo("ana");
        }
    }

    @Test
    void aDeletedBranchIsReportedOnceAndShownAsMissing() {
        String url = git.newRepository("deleted");
        try (GitWorkspace work = git.workspace(url)) {
            work.commit("Base", Map.of("app/a.yaml", "a: 1\n"));
            work.push("HEAD:refs/heads/main");
            String feature = work.commit("Feature", Map.of("app/b.yaml", "b: 1\n"));
            work.push("HEAD:refs/heads/feature");
            kafka.send(SandboxGit.application("preview-" + suffix(url), url, "feature", "app"));
            awaitDetected(url, 1);

            work.deleteRemote("refs/heads/feature");
            http.refresh(url);

            CommitDetected deleted = awaitDetected(url, 2).get(1);
            assertThat(deleted.update()).isEqualTo(RefUpdateKind.DELETED);
            assertThat(deleted.before()).isEqualTo(feature);
            assertThat(deleted.after()).isNull();
            assertThat(deleted.artifact()).isNull();
            await().atMost(PATIENCE)
                    .until(() -> Http.text(http.get("api/repos")).contains("branch feature does not exist"));
            // the fetch cause keeps the name scripts read from GET /api/repos
            assertThat(Http.text(http.get("api/repos"))).contains("\"lastTrigger\":{\"kind\":\"");
            http.refresh(url);
            assertExactly(url, 2);
        }
    }

    @Test
    void aTagAndAShaArePinnedWhileTheBranchMovesOn() {
        String url = git.newRepository("pinned");
        try (GitWorkspace work = git.workspace(url)) {
            String first = work.commit("v1", Map.of("app/a.yaml", "a: 1\n"));
            work.tag("v1.0.0");
            work.push("HEAD:refs/heads/main");
            work.push("refs/tags/v1.0.0:refs/tags/v1.0.0");
            kafka.send(SandboxGit.application("tagged-" + suffix(url), url, "v1.0.0", "app"));
            kafka.send(SandboxGit.application("pinned-" + suffix(url), url, first, "app"));
            await().atMost(PATIENCE)
                    .until(() -> probe.detected(url).stream()
                            .map(CommitDetected::ref)
                            .toList()
                            .containsAll(List.of("refs/tags/v1.0.0", first)));
            assertThat(probe.detected(url))
                    .allSatisfy(e -> assertThat(e.after()).isEqualTo(first));

            String second = work.commit("v2", Map.of("app/a.yaml", "a: 2\n"));
            work.push("HEAD:refs/heads/main");
            http.refresh(url);

            CommitIgnored onMain = await().atMost(PATIENCE)
                    .until(() -> probe.ignored(url), l -> !l.isEmpty())
                    .get(0);
            assertThat(onMain.sha()).isEqualTo(second);
            assertThat(onMain.explanation())
                    .startsWith("commit " + second.substring(0, 7)
                            + " landed on branch main, which no Application watches");
            assertExactly(url, 2);
        }
    }

    @Test
    void aCommitOutsideEveryApplicationsPathIsExplained() {
        String url = git.newRepository("paths");
        String app = "web-" + suffix(url);
        try (GitWorkspace work = git.workspace(url)) {
            work.commit("Base", Map.of("overlays/production/web.yaml", "a: 1\n"));
            work.push("HEAD:refs/heads/main");
            kafka.send(SandboxGit.application(app, url, "main", "overlays/production"));
            awaitDetected(url, 1);

            String stray = work.commit("Tune prod", Map.of("overlays/prod/web.yaml", "a: 2\n"));
            work.push("HEAD:refs/heads/main");
            http.refresh(url);

            CommitIgnored ignored = await().atMost(PATIENCE)
                    .until(() -> probe.ignored(url), l -> !l.isEmpty())
                    .get(0);
            assertThat(ignored.sha()).isEqualTo(stray);
            assertThat(ignored.ref()).isEqualTo("refs/heads/main");
            assertThat(ignored.changedPaths()).containsExactly("overlays/prod/web.yaml");
            assertThat(ignored.explanation())
                    .isEqualTo("commit " + stray.substring(0, 7)
                            + " changed overlays/prod/web.yaml; no Application watches that path; Application " + app
                            + " watches overlays/production on branch main");
            assertThat(ignored.watchers())
                    .singleElement()
                    .satisfies(w -> assertThat(w.app()).isEqualTo(app));
        }
    }

    @Test
    void anApplicationWhoseProjectRefusesItsRepositoryIsNotFetchedUntilItsProjectAllowsIt() throws Exception {
        String url = git.newRepository("intruder");
        String app = "intruder-" + suffix(url);
        try (GitWorkspace work = git.workspace(url)) {
            String head = work.commit("Base", Map.of("app/a.yaml", "a: 1\n"));
            work.push("HEAD:refs/heads/main");
            kafka.send(SandboxGit.application(app, url, "main", "app", teamA(List.of())));

            JsonNode refused = await().atMost(PATIENCE).until(() -> repoView(url), view -> view != null);
            assertThat(refused.get("refusedApplications")).singleElement().satisfies(entry -> {
                assertThat(entry.get("app").asText()).isEqualTo(app);
                assertThat(entry.get("project").asText()).isEqualTo("team-a");
                assertThat(entry.get("reason").asText()).contains(url, "sourceRepos");
            });
            assertThat(refused.get("watchedRefs")).isEmpty();
            assertThat(refused.has("lastFetch")).isFalse();
            assertExactly(url, 0);
            assertThat(dataDir.resolve("repos").resolve(refused.get("key").asText()))
                    .as("no mirror is made")
                    .doesNotExist();

            kafka.send(SandboxGit.application(app, url, "main", "app"));
            CommitDetected allowed = awaitDetected(url, 1).get(0);
            assertThat(allowed.after()).isEqualTo(head);
            assertThat(allowed.fetchCause().kind()).isEqualTo(FetchCauseKind.WATCH_STARTED);
            assertThat(repoView(url).has("refusedApplications")).isFalse();
        }
    }

    @Test
    void aProjectThatRequiresSignedCommitsGetsTheSignatureCheckedAndAnUnsignedCommitRefused() throws Exception {
        String url = git.newRepository("signed");
        String app = "signed-" + suffix(url);
        Path keys = Files.createTempDirectory("signing-keys");
        SshSigningKey ana = CommitSigningKeys.ssh(keys, "ana@laptop");
        SshSigningKey ben = CommitSigningKeys.ssh(keys, "ben@desktop");
        try (GitWorkspace work = git.workspace(url)) {
            String signed = work.signingWith(ana.signer(), ana.privateKeyFile().toString())
                    .commit("Base", Map.of("app/a.yaml", "a: 1\n"));
            work.push("HEAD:refs/heads/main");
            kafka.send(SandboxGit.application(app, url, "main", "app", teamA(List.of(ana.publicKeyLine()))));

            CommitDetected initial = awaitDetected(url, 1).get(0);
            assertThat(initial.afterCommit().orElseThrow().commitSignature())
                    .isEqualTo(new CommitSignature(
                            SignatureVerdict.GOOD, SignatureFormat.SSH, ana.fingerprint(), "ana@laptop"));
            assertThat(initial.refusalFor(app)).isEmpty();
            assertThat(initial.after()).isEqualTo(signed);

            String unsigned = work.signingWith(null, null).commit("Unsigned", Map.of("app/a.yaml", "a: 2\n"));
            work.push("HEAD:refs/heads/main");
            http.refresh(url);
            CommitDetected refused = awaitDetected(url, 2).get(1);
            assertThat(refused.afterCommit().orElseThrow().commitSignature().verdict())
                    .isEqualTo(SignatureVerdict.UNSIGNED);
            assertThat(refused.refusalFor(app).orElseThrow().reason())
                    .startsWith("commit " + unsigned.substring(0, 7) + " by Ana Lima <ana@example.com> is not signed");
            assertThat(refused.verify(TestSigningKeys.trustedKeys("git-watcher"))
                            .trusted())
                    .as("the refusal is part of what the git-watcher signs")
                    .isTrue();

            String byBen = work.signingWith(ben.signer(), ben.privateKeyFile().toString())
                    .commit("By Ben", Map.of("app/a.yaml", "a: 3\n"));
            work.push("HEAD:refs/heads/main");
            http.refresh(url);
            assertThat(awaitDetected(url, 3)
                            .get(2)
                            .refusalFor(app)
                            .orElseThrow()
                            .reason())
                    .contains(ben.fingerprint(), "does not list");

            kafka.send(SandboxGit.application(
                    app, url, "main", "app", teamA(List.of(ana.publicKeyLine(), ben.publicKeyLine()))));
            CommitDetected trusted = awaitDetected(url, 4).get(3);
            assertThat(trusted.after()).isEqualTo(byBen);
            assertThat(trusted.fetchCause().kind()).isEqualTo(FetchCauseKind.WATCH_STARTED);
            assertThat(trusted.refusals())
                    .as("the key the project now lists signed it")
                    .isEmpty();
        }
    }

    /** team-a's project: repositories whose name starts with team-a, and these signature keys. */
    private static ProjectPolicy teamA(List<String> signatureKeys) {
        return new ProjectPolicy(
                "team-a",
                true,
                1,
                List.of("http://127.0.0.1:*/team-a*.git", "http://127.0.0.1:*/signed-*.git"),
                List.of(ProjectDestination.of("team-a")),
                List.of(),
                null,
                null,
                signatureKeys);
    }

    private JsonNode repoView(String url) throws IOException {
        for (JsonNode repo : JSON.readTree(http.get("api/repos").body())) {
            if (repo.get("url").asText().equals(url)) {
                return repo;
            }
        }
        return null;
    }

    private List<CommitDetected> awaitDetected(String url, int count) {
        return await().atMost(PATIENCE).until(() -> probe.detected(url), events -> events.size() >= count);
    }

    /** Waits a while to be sure no further commit event comes. */
    private void assertExactly(String url, int count) {
        await().during(Duration.ofSeconds(2))
                .atMost(PATIENCE)
                .until(() -> probe.detected(url).size() == count);
    }

    private static String suffix(String url) {
        return url.substring(url.lastIndexOf('-') + 1).replace(".git", "");
    }
}
