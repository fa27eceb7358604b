package dev.plumbline.renderer.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.plumbline.events.ApplicationSpec;
import dev.plumbline.events.CommitDetected;
import dev.plumbline.events.EventJson;
import dev.plumbline.events.ManifestsRendered;
import dev.plumbline.events.PlumblineEvent;
import dev.plumbline.events.PlumblineService;
import dev.plumbline.events.RenderFailed;
import dev.plumbline.events.application.Destination;
import dev.plumbline.events.application.SourceSpec;
import dev.plumbline.events.git.Artifact;
import dev.plumbline.events.git.FetchCause;
import dev.plumbline.events.kafka.EventTestClient;
import dev.plumbline.events.testing.SignedEvents;
import dev.plumbline.events.testing.TestProjects;
import dev.plumbline.events.testing.TestSigningKeys;
import dev.plumbline.events.vocabulary.RefUpdateKind;
import dev.plumbline.events.vocabulary.RenderFailureReason;
import dev.plumbline.renderer.testing.ArtifactServer;
import dev.plumbline.renderer.testing.Tarballs;
import dev.plumbline.sandbox.kafka.EmbeddedKafkaResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.stream.IntStream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The renderer service as it runs: Applications and commit events published on the real broker as the reconciler
 * and the git-watcher publish them, artifacts served over HTTP, outcomes read back from
 * {@code plumbline.rendered-manifests} as its consumers read them.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedKafkaResource.class)
@Tag("slow")
class RenderingThroughKafkaTest {

    private static final Duration PATIENCE = Duration.ofSeconds(90);

    static ArtifactServer server;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @BeforeAll
    static void startArtifactServer() {
        server = new ArtifactServer();
    }

    @AfterAll
    static void stopArtifactServer() {
        server.close();
    }

    @Test
    void onAMonorepoOf50AppsACommitTouchingOneAppsFolderRendersExactlyThatApp() {
        String repo = "https://git.example.com/monorepo-" + UUID.randomUUID() + ".git";
        List<ApplicationSpec> apps = IntStream.rangeClosed(1, 50)
                .mapToObj(n -> app(
                        String.format("mono-%02d-%s", n, repo.hashCode() & 0xffff),
                        repo,
                        String.format("apps/app-%02d", n)))
                .toList();
        Tarballs tree = new Tarballs();
        apps.forEach(app -> tree.file(app.sourceSpec().path() + "/configmap.yaml", configMap(app.app(), "1")));
        try (EventTestClient kafka = client();
                RenderedManifestsReader reader = reader()) {
            apps.forEach(kafka::send);
            CommitDetected first = commit(repo, "first", tree.bytes(), RefUpdateKind.INITIAL, List.of());
            kafka.send(first);
            await().atMost(PATIENCE)
                    .until(() -> apps.stream()
                            .allMatch(app -> reader.of(app.app()).stream().anyMatch(event -> rendered(event, first))));

            ApplicationSpec touched = apps.get(16);
            CommitDetected second = commit(
                    repo,
                    "second",
                    tree.file(touched.sourceSpec().path() + "/configmap.yaml", configMap(touched.app(), "2"))
                            .bytes(),
                    RefUpdateKind.FAST_FORWARD,
                    List.of(touched.sourceSpec().path() + "/configmap.yaml"));
            kafka.send(second);

            await().atMost(PATIENCE)
                    .until(() -> reader.of(touched.app()).stream().anyMatch(event -> rendered(event, second)));
            // a third commit, touching nothing: once it is handled the second one is certainly finished
            kafka.send(commit(repo, "third", tree.bytes(), RefUpdateKind.FAST_FORWARD, List.of("README.md")));
            await().during(Duration.ofSeconds(2))
                    .atMost(PATIENCE)
                    .until(() -> reader.poll().stream()
                            .filter(event -> rendered(event, second))
                            .map(PlumblineEvent::app)
                            .toList()
                            .equals(List.of(touched.app())));
        }
    }

    @Test
    void aTenMebibyteRenderReachesTheTopicIntactAndReadsBack() {
        String repo = "https://git.example.com/big-" + UUID.randomUUID() + ".git";
        ApplicationSpec big = app("big-" + (repo.hashCode() & 0xffff), repo, "crds");
        Random random = new Random(42);
        StringBuilder documents = new StringBuilder();
        for (int n = 0; n < 2_000; n++) {
            // random text: it compresses no better than a real CRD's schema does at worst
            byte[] noise = new byte[3_900];
            random.nextBytes(noise);
            documents
                    .append(configMap("part-" + n, Base64.getEncoder().encodeToString(noise)))
                    .append("---\n");
        }
        try (EventTestClient kafka = client();
                RenderedManifestsReader reader = reader()) {
            kafka.send(big);
            kafka.send(commit(
                    repo,
                    "big",
                    new Tarballs().file("crds/parts.yaml", documents.toString()).bytes(),
                    RefUpdateKind.INITIAL,
                    List.of()));

            await().atMost(PATIENCE).until(() -> !reader.of(big.app()).isEmpty());
            PlumblineEvent outcome = reader.of(big.app()).get(0);
            assertThat(outcome).isInstanceOf(ManifestsRendered.class);
            assertThat(((ManifestsRendered) outcome).objects()).hasSize(2_000);
            assertThat(EventJson.write(outcome).length).isGreaterThan(10 * 1024 * 1024);
        }
    }

    @Test
    void aBrokenAppFailsWhileTheOtherAppOfTheCommitRendersAndANewAppRendersAtOnce() {
        String repo = "https://git.example.com/mixed-" + UUID.randomUUID() + ".git";
        String suffix = Integer.toHexString(repo.hashCode() & 0xffff);
        ApplicationSpec good = app("good-" + suffix, repo, "good");
        ApplicationSpec bad = app("bad-" + suffix, repo, "bad");
        byte[] tree = new Tarballs()
                .file("good/a.yaml", configMap("a", "1"))
                .file("bad/a.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: [oops\n")
                .bytes();
        try (EventTestClient kafka = client();
                RenderedManifestsReader reader = reader()) {
            kafka.send(good);
            kafka.send(bad);
            kafka.send(commit(repo, "mixed", tree, RefUpdateKind.INITIAL, List.of()));

            await().atMost(PATIENCE)
                    .until(() -> !reader.of(good.app()).isEmpty()
                            && !reader.of(bad.app()).isEmpty());
            assertThat(reader.of(good.app()).get(0)).isInstanceOf(ManifestsRendered.class);
            assertThat(((ManifestsRendered) reader.of(good.app()).get(0))
                            .verify(TestSigningKeys.trustedKeys("renderer"))
                            .trusted())
                    .as("what the renderer writes reads back signed by its key")
                    .isTrue();
            RenderFailed failed = (RenderFailed) reader.of(bad.app()).get(0);
            assertThat(failed.verify(TestSigningKeys.trustedKeys("renderer")).trusted())
                    .isTrue();
            assertThat(failed.reason()).isEqualTo(RenderFailureReason.INVALID_MANIFEST);
            assertThat(failed.file()).isEqualTo("bad/a.yaml");
            assertThat(failed.line()).isEqualTo(5);

            ApplicationSpec added = app("added-" + suffix, repo, "good");
            kafka.send(added);
            await().atMost(PATIENCE).until(() -> !reader.of(added.app()).isEmpty());
            assertThat(reader.of(added.app()).get(0))
                    .as("a new Application renders at once from the latest commit")
                    .isInstanceOf(ManifestsRendered.class);
            assertThat(RestAssured.get("/q/metrics").asString())
                    .contains(
                            "plumbline_render_failures_total{reason=\"invalid-manifest\"",
                            "plumbline_render_duration_seconds_count{renderer=\"plain\",result=\"rendered\"",
                            "plumbline_render_cache_total{result=\"miss\"");
        }
    }

    @Test
    void aCommitEventNotSignedByTheGitWatcherIsNotRenderedAndTheAppSaysWhy() {
        String repo = "https://git.example.com/unsigned-" + UUID.randomUUID() + ".git";
        ApplicationSpec app = app("unsigned-" + Integer.toHexString(repo.hashCode() & 0xffff), repo, "good");
        byte[] tree = new Tarballs().file("good/a.yaml", configMap("a", "1")).bytes();
        try (EventTestClient kafka = client();
                RenderedManifestsReader reader = reader()) {
            kafka.send(app);
            CommitDetected signed = commit(repo, "unsigned", tree, RefUpdateKind.INITIAL, List.of());
            kafka.send(CommitDetected.of(
                    signed.correlationId(),
                    repo,
                    signed.ref(),
                    null,
                    signed.after(),
                    signed.update(),
                    List.of(),
                    List.of(),
                    signed.fetchCause(),
                    signed.artifact()));

            await().atMost(PATIENCE).until(() -> !reader.of(app.app()).isEmpty());
            RenderFailed failed = (RenderFailed) reader.of(app.app()).get(0);
            assertThat(failed.reason()).isEqualTo(RenderFailureReason.COMMIT_UNTRUSTED);
            assertThat(failed.message()).contains(signed.after(), "it is not signed");
        }
    }

    private static boolean rendered(PlumblineEvent event, CommitDetected commit) {
        return event instanceof ManifestsRendered rendered && commit.after().equals(rendered.revision());
    }

    private EventTestClient client() {
        EventTestClient kafka = new EventTestClient(bootstrapServers);
        kafka.ensureTopics(PlumblineService.RECONCILER.ownedTopics());
        kafka.ensureTopics(PlumblineService.GIT_WATCHER.ownedTopics());
        kafka.ensureTopics(PlumblineService.RENDERER.ownedTopics());
        return kafka;
    }

    private RenderedManifestsReader reader() {
        return new RenderedManifestsReader(bootstrapServers);
    }

    private static ApplicationSpec app(String name, String repo, String path) {
        return ApplicationSpec.of(
                        name,
                        "plumbline",
                        1,
                        SourceSpec.of(repo, "main", path),
                        Destination.of("team"),
                        null,
                        null,
                        null,
                        null,
                        null,
                        null)
                .withProject(TestProjects.allowingEverything());
    }

    private static CommitDetected commit(
            String repo, String name, byte[] tarball, RefUpdateKind update, List<String> changedPaths) {
        Artifact artifact = server.serve(name + "-" + UUID.randomUUID(), tarball);
        String sha = artifact.sha256().substring(0, 40);
        return SignedEvents.byGitWatcher(CommitDetected.of(
                UUID.randomUUID().toString(),
                repo,
                "refs/heads/main",
                null,
                sha,
                update,
                List.of(),
                changedPaths,
                FetchCause.poll(),
                artifact));
    }

    private static String configMap(String name, String value) {
        return "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: " + name + "\ndata:\n  value: \"" + value + "\"\n";
    }
}
