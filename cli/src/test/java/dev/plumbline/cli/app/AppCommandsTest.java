package dev.plumbline.cli.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.plumbline.cli.testing.Plumb;
import dev.plumbline.cli.testing.SandboxApplications;
import dev.plumbline.cli.testing.ServiceStandIn;
import dev.plumbline.events.DiffComputed;
import dev.plumbline.events.EventJson;
import dev.plumbline.events.manifest.ObjectDiff;
import dev.plumbline.events.manifest.ObjectIdentity;
import dev.plumbline.events.vocabulary.ChangeType;
import dev.plumbline.events.vocabulary.HealthStatus;
import dev.plumbline.events.vocabulary.SyncStatus;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AppCommandsTest {

    static final String SHA_NOW = "1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d";
    static final String SHA_BEFORE = "9f8e7d6c5b4a39281706f5e4d3c2b1a098765432";
    static final String SPEC = """
            {"source": {"repoURL": "http://git.example/config.git", "targetRevision": "main", "path": "apps/shop"},
             "destination": {"namespace": "shop"},
             "syncPolicy": {"automated": {"prune": true, "selfHeal": true}}}
            """;
    static final String IGNORED_COMMIT = "commit 7c6b5a4 changed apps/other/web.yaml; no Application watches that "
            + "path; Application shop watches apps/shop on branch main, Application web watches apps/web on branch main";
    static final String STATUS = """
            {"observedGeneration": 1,
             "sync": {"status": "out-of-sync", "revision": "%1$s"},
             "health": {"status": "degraded", "message": "Deployment shop/web: 1 of 3 replicas available"},
             "drift": {"episodeId": "drift-shop-0001", "mode": "heal", "revision": "%1$s", "objects": 1, "fields": 2,
                       "healing": true, "detectedAt": "2026-11-27T15:10:00.5Z", "changedBy": ["kubectl-edit"]},
             "history": [
               {"syncId": "s2", "revision": "%1$s", "trigger": "manual", "initiatedBy": "ana",
                "startedAt": "2026-11-27T15:00:00Z", "finishedAt": "2026-11-27T15:00:02.123456789Z",
                "result": "succeeded", "message": "3 applied, 1 pruned", "applied": 3, "pruned": 1},
               {"syncId": "s1", "revision": "%2$s", "trigger": "automated", "initiatedBy": "plumbline",
                "startedAt": "2026-11-26T10:00:00Z", "finishedAt": "2026-11-26T10:00:01Z", "result": "succeeded",
                "message": "", "applied": 2, "pruned": 0}],
             "conditions": [{"type": "CommitIgnored", "status": "True", "reason": "NotWatched",
                             "message": "%3$s", "lastTransitionTime": "2026-11-27T15:20:00Z"}]}
            """.formatted(SHA_NOW, SHA_BEFORE, IGNORED_COMMIT);

    @TempDir
    static Path folder;

    static SandboxApplications cluster;

    @BeforeAll
    static void startCluster() {
        cluster = new SandboxApplications(folder);
        cluster.create("shop", SPEC, STATUS);
        cluster.create("web", SPEC, null);
    }

    @AfterAll
    static void stopCluster() {
        cluster.close();
    }

    @Test
    void listShowsEachAppWithItsSyncRevisionHealthDriftAndPause() {
        Plumb.Run run = Plumb.run(cluster.environment(), "app", "list");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out().lines().toList())
                .containsExactly(
                        "NAME  SYNC         REVISION  HEALTH    DRIFT                      SELF-HEAL",
                        "shop  out-of-sync  1a2b3c4   degraded  heal: 2 field(s), healing  active",
                        "web   unknown      -         unknown   none                       active");
    }

    @Test
    void getWorksFromTheResourceAloneWhileTheReconcilerIsDown() {
        Map<String, String> environment = with(cluster.environment(), "RECONCILER_URL", "http://127.0.0.1:1");

        Plumb.Run run = Plumb.run(environment, "app", "get", "shop");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .contains("Repository:    http://git.example/config.git")
                .contains("Path:          apps/shop")
                .contains("Sync policy:   automated (prune, self-heal)")
                .contains("Sync status:   out-of-sync (1a2b3c4)")
                .contains("Health:        degraded (Deployment shop/web: 1 of 3 replicas available)")
                .contains("Drift:         heal: 2 field(s) in 1 object(s) (1a2b3c4), detected 2026-11-27T15:10:00Z, "
                        + "changed by kubectl-edit, healing (episode drift-shop-0001)")
                .contains("Last sync:     succeeded (1a2b3c4) at 2026-11-27T15:00:02Z, manual by ana: 3 applied, "
                        + "1 pruned\n")
                .contains("CommitIgnored=True  NotWatched")
                .contains("    " + IGNORED_COMMIT)
                .contains("Objects:       not shown: cannot reach the reconciler at http://127.0.0.1:1");
    }

    @Test
    void getAddsTheObjectsAndTheirDiffStateWhenTheReconcilerAnswers() {
        DiffComputed diff = DiffComputed.of(
                "c1",
                "shop",
                SHA_NOW,
                "sha256:00",
                SyncStatus.OUT_OF_SYNC,
                HealthStatus.DEGRADED,
                List.of(new ObjectDiff(
                        ObjectIdentity.namespaced("apps/v1", "Deployment", "shop", "web"),
                        ChangeType.UPDATE,
                        HealthStatus.DEGRADED,
                        List.of())));
        try (ServiceStandIn reconciler = new ServiceStandIn()
                .answerJson("/api/apps/shop/diff", new String(EventJson.write(diff), StandardCharsets.UTF_8))) {
            Plumb.Run run =
                    Plumb.run(with(cluster.environment(), "RECONCILER_URL", reconciler.url()), "app", "get", "shop");

            assertThat(run.out())
                    .contains("Objects, as last compared (1a2b3c4):")
                    .containsPattern("Deployment +shop +web +update +degraded");
        }
    }

    @Test
    void getOfAnUnknownAppIsAOneLineErrorWithExitCode2() {
        Plumb.Run run = Plumb.run(cluster.environment(), "app", "get", "nope");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("get: no application nope in namespace plumbline (see: plumb app list)\n");
    }

    @Test
    void withoutAKubeconfigTheErrorSaysHowToProvideIt() {
        Path home = Path.of("target", "home-without-kubeconfig").toAbsolutePath();
        Plumb.Run run = Plumb.run(Map.of("HOME", home.toString()), "app", "list");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err())
                .isEqualTo("list: KUBECONFIG is not set and "
                        + home.resolve(".kube").resolve("config")
                        + " does not exist: start Plumbline with ./plumb up, or export KUBECONFIG\n");
    }

    @Test
    void aClusterThatIsNotThereIsNamedAsSuchNotAsAnApiFailure() throws Exception {
        Path kubeconfig = Path.of("target", "kubeconfig-of-a-stopped-run.yaml").toAbsolutePath();
        Files.createDirectories(kubeconfig.getParent());
        Files.writeString(kubeconfig, """
                apiVersion: v1
                kind: Config
                clusters: [{name: gone, cluster: {server: "http://127.0.0.1:1"}}]
                users: [{name: gone, user: {token: t}}]
                contexts: [{name: gone, context: {cluster: gone, user: gone}}]
                current-context: gone
                """);

        Plumb.Run run = Plumb.run(Map.of("KUBECONFIG", kubeconfig.toString()), "app", "list");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err())
                .startsWith("list: cannot reach the Kubernetes API named by KUBECONFIG: ")
                .endsWith("; is Plumbline running (./plumb up), or does KUBECONFIG name the right cluster?\n");
    }

    @Test
    void jsonOutputIsTheApplicationResourceForScripts() {
        Plumb.Run run = Plumb.run(cluster.environment(), "app", "get", "shop", "-o", "json");

        assertThat(run.out()).contains("\"episodeId\" : \"drift-shop-0001\"").doesNotContain("Conditions:");
        assertThat(Plumb.run(cluster.environment(), "app", "list", "-o", "yaml").out())
                .contains("name: shop")
                .contains("name: web");
    }

    @Test
    void historyListsTheSyncsNewestFirstWithWhoStartedThem() {
        Plumb.Run run = Plumb.run(cluster.environment(), "app", "history", "shop");

        assertThat(run.out().lines().toList())
                .containsExactly(
                        "STARTED               REVISION  TRIGGER    BY         RESULT     APPLIED  PRUNED  MESSAGE",
                        "2026-11-27T15:00:00Z  1a2b3c4   manual     ana        succeeded  3        1       -",
                        "2026-11-26T10:00:00Z  9f8e7d6   automated  plumbline  succeeded  2        0       -");
    }

    @Test
    void pauseSetsTheAnnotationsTheServicesHonourAndResumeRemovesThem() {
        Instant before = Instant.now();
        Plumb.Run paused = Plumb.run(
                cluster.environment(),
                "app",
                "pause",
                "web",
                "--reason",
                "incident 42",
                "--for",
                "2h",
                "--as",
                "alice");

        assertThat(paused.exitCode()).isZero();
        Map<String, String> annotations = cluster.annotations("web");
        assertThat(annotations)
                .containsEntry("plumbline.dev/self-heal-paused-by", "alice")
                .containsEntry("plumbline.dev/self-heal-pause-reason", "incident 42");
        assertThat(Instant.parse(annotations.get("plumbline.dev/self-heal-paused-until")))
                .isBetween(
                        before.plus(Duration.ofHours(2)).minusSeconds(1),
                        Instant.now().plus(Duration.ofHours(2)));
        assertThat(Plumb.run(cluster.environment(), "app", "get", "web").out())
                .contains("Self-heal:     paused by alice until");

        Instant resumedAfter = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Plumb.Run resumed = Plumb.run(cluster.environment(), "app", "resume", "web", "--as", "alice");

        assertThat(resumed.out()).startsWith("Self-heal of web resumed by alice (it was paused by alice until");
        Map<String, String> afterResume = cluster.annotations("web");
        assertThat(afterResume)
                .doesNotContainKeys(
                        "plumbline.dev/self-heal-paused-by",
                        "plumbline.dev/self-heal-paused-until",
                        "plumbline.dev/self-heal-pause-reason");
        assertThat(afterResume).containsEntry("plumbline.dev/self-heal-resumed-by", "alice");
        assertThat(Instant.parse(afterResume.get("plumbline.dev/self-heal-resumed-at")))
                .isBetween(resumedAfter, Instant.now());

        Plumb.run(cluster.environment(), "app", "pause", "web", "--reason", "again", "--as", "alice");
        assertThat(cluster.annotations("web"))
                .as("a new pause drops the mark of the last resume")
                .doesNotContainKeys("plumbline.dev/self-heal-resumed-by", "plumbline.dev/self-heal-resumed-at");
        Plumb.run(cluster.environment(), "app", "resume", "web", "--as", "alice");
    }

    @Test
    void resumingWhatIsNotPausedChangesNothing() {
        Plumb.Run resumed = Plumb.run(cluster.environment(), "app", "resume", "shop", "--as", "bob");

        assertThat(resumed.exitCode()).isZero();
        assertThat(resumed.out()).isEqualTo("Self-heal of shop was not paused; nothing to resume.\n");
        assertThat(cluster.annotations("shop")).doesNotContainKey("plumbline.dev/self-heal-resumed-by");
    }

    @Test
    void aDurationThatIsNotOneIsRefusedBeforeAnythingChanges() {
        Plumb.Run run = Plumb.run(cluster.environment(), "app", "pause", "web", "--reason", "x", "--for", "soon");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("'soon' is not a duration such as 90s, 30m, 2h or 1h30m");
        assertThat(cluster.annotations("web")).doesNotContainKey("plumbline.dev/self-heal-paused-by");
    }

    @Test
    void syncAsksThroughTheAnnotationsAndWaitsForTheReconcilerToCarryItOut() throws Exception {
        CompletableFuture<Plumb.Run> sync = CompletableFuture.supplyAsync(
                () -> Plumb.run(cluster.environment(), "app", "sync", "shop", "--as", "bob", "--wait", "30s"));

        String token = await().atMost(Duration.ofSeconds(10))
                .until(() -> cluster.annotations("shop").get("plumbline.dev/sync-requested-at"), t -> t != null);
        assertThat(Instant.parse(token)).isBetween(Instant.now().minusSeconds(30), Instant.now());
        assertThat(cluster.annotations("shop")).containsEntry("plumbline.dev/sync-requested-by", "bob");
        // the reconciler's part: the sync done, recorded first in the history, and the request marked as handled
        cluster.setStatus(
                "shop",
                STATUS.replace(
                                "\"observedGeneration\": 1,",
                                "\"observedGeneration\": 1, " + "\"handledSyncRequest\": \"" + token + "\",")
                        .replace("\"initiatedBy\": \"ana\"", "\"initiatedBy\": \"bob\""));

        Plumb.Run run = sync.get(30, TimeUnit.SECONDS);
        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .contains("Sync of shop requested by bob")
                .contains("Sync succeeded (1a2b3c4) at 2026-11-27T15:00:02Z, manual by bob: 3 applied, 1 pruned");
        cluster.setStatus("shop", STATUS);
    }

    static Map<String, String> with(Map<String, String> environment, String name, String value) {
        Map<String, String> copy = new HashMap<>(environment);
        copy.put(name, value);
        return copy;
    }
}
