package dev.plumbline.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.plumbline.cli.demo.ConfigRepository;
import dev.plumbline.cli.demo.LiveSystem;
import dev.plumbline.events.RenderFailed;
import dev.plumbline.events.vocabulary.RenderFailureReason;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Random;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Repositories built to exhaust the renderer, on the started system: each fails for its own Application, named in a
 * {@code RenderFailed} event and the app's condition, while the renderer stays up and ready and an ordinary app
 * beside them keeps syncing every commit.
 */
@Tag("system")
@ExtendWith(StartedSystem.Starter.class)
class HostileInputIT {

    private static final Duration WITHIN = Duration.ofSeconds(150);
    private static final PersonIdent MALLORY = new PersonIdent("Mallory", "mallory@stress.example");
    private static final String NAMESPACE = "stress";
    /** Each hostile app and its folder in the hostile repository. */
    private static final Map<String, String> HOSTILE_APPS = Map.of(
            "many-files", "many",
            "fifty-megabytes", "blob",
            "anchor-chain", "anchors",
            "looping-chart", "loop",
            "hungry-chart", "hog");

    static StartedSystem system;
    static LiveSystem live;
    static ConfigRepository hostile;
    static ConfigRepository steady;

    @BeforeAll
    static void repositoriesBuiltToHurt() throws IOException {
        system = StartedSystem.get();
        live = system.live;
        live.apply("apiVersion: v1\nkind: Namespace\nmetadata:\n  name: " + NAMESPACE + "\n");
        live.apply("""
                apiVersion: plumbline.dev/v1alpha1
                kind: Project
                metadata: {name: stress, namespace: plumbline}
                spec:
                  sourceRepos: ["http://127.0.0.1:*/stress-*.git"]
                  destinations: [{namespace: stress}]
                """);
        hostile = ConfigRepository.create(live.gitServer(), "stress-hostile", system.runDir.resolve("stress-hostile"));
        for (int i = 0; i < 10_000; i++) {
            // 10,000 files of 7 KB: 70 MB of objects, more than one render may hold
            hostile.write("many/cm-%05d.yaml".formatted(i), configMap("many-" + i, "x".repeat(7 * 1024)));
        }
        writeBlob(hostile.file("blob/blob.yaml"), 50L * 1024 * 1024);
        hostile.write("anchors/laughs.yaml", anchorChain(10_000))
                .write("loop/Chart.yaml", chart("loop"))
                // ten billion iterations of an empty body: no memory, all time
                .write(
                        "loop/templates/loop.yaml",
                        "{{- range until 100000 }}{{- range until 100000 }}{{- end }}{{- end }}\n")
                .write("hog/Chart.yaml", chart("hog"))
                // a string that doubles 64 times: memory without end
                .write(
                        "hog/templates/hog.yaml",
                        "{{- $s := \"hog\" }}{{- range until 64 }}{{- $s = print $s $s }}{{- end }}{{ $s }}\n")
                .commitAndPush(MALLORY, "five ways to hurt a renderer");
        steady = ConfigRepository.create(live.gitServer(), "stress-steady", system.runDir.resolve("stress-steady"));
        steady.write("app/settings.yaml", configMap("steady", "first")).commitAndPush(MALLORY, "steady: first");
    }

    @Test
    void eachHostileRepositoryFailsItsOwnAppWhileTheRendererStaysReadyAndOthersKeepSyncing() {
        long rendererPid = system.stack.component("renderer").pid();
        live.apply(application("steady", steady.url(), "app"));
        await().atMost(WITHIN).until(() -> live.configMap(NAMESPACE, "steady").isPresent());

        HOSTILE_APPS.forEach((app, path) -> live.apply(application(app, hostile.url(), path)));

        String second = steady.write("app/settings.yaml", configMap("steady", "second"))
                .commitAndPush(MALLORY, "steady: second");
        assertThat(system.webhook().pushed(steady.url(), "main").accepted()).isTrue();
        await().atMost(WITHIN)
                .until(() -> live.application("steady")
                        .filter(app -> app.isSyncedAt(second))
                        .isPresent());

        Map<String, RenderFailureReason> failsBecause = Map.of(
                "many-files", RenderFailureReason.RENDER_TOO_LARGE,
                "fifty-megabytes", RenderFailureReason.RENDER_TOO_LARGE,
                "anchor-chain", RenderFailureReason.INVALID_MANIFEST,
                "looping-chart", RenderFailureReason.TIMEOUT,
                "hungry-chart", RenderFailureReason.RENDER_WORKER_DIED);
        failsBecause.forEach((app, reason) -> {
            RenderFailed failure = live.events()
                    .await(RenderFailed.class, event -> app.equals(event.app()), WITHIN)
                    .orElseThrow(() -> new AssertionError("no RenderFailed for " + app));
            assertThat(failure.reason()).as("%s: %s", app, failure.message()).isEqualTo(reason);
            await().atMost(WITHIN)
                    .untilAsserted(() -> assertThat(live.application(app).flatMap(a -> a.condition("RenderFailed")))
                            .as(app)
                            .isPresent());
        });
        assertThat(live.objectsOf("many-files", NAMESPACE)).isEmpty();
        assertThat(live.configMap(NAMESPACE, "steady").orElseThrow().getData()).containsEntry("value", "second");
        assertThat(system.stack.component("renderer").pid())
                .as("the renderer was restarted")
                .isEqualTo(rendererPid);
        assertThat(rendererReadiness()).isEqualTo(200);
    }

    /** Hostile apps are deleted, so that no later test of the shared system shares the renderer with them. */
    @AfterAll
    static void deleteTheHostileApps() {
        for (String app : HOSTILE_APPS.keySet()) {
            live.cluster()
                    .genericKubernetesResources("plumbline.dev/v1alpha1", "Application")
                    .inNamespace(LiveSystem.APPLICATIONS_NAMESPACE)
                    .withName(app)
                    .delete();
        }
    }

    private static int rendererReadiness() {
        try {
            return HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(
                                            system.stack.environment().get("RENDERER_URL") + "/q/health/ready"))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** One ConfigMap whose value is {@code bytes} of base64 of random bytes, which no compression shrinks. */
    private static void writeBlob(Path file, long bytes) throws IOException {
        Files.createDirectories(file.getParent());
        Random random = new Random(17);
        byte[] chunk = new byte[48 * 1024];
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: blob, namespace: " + NAMESPACE
                            + "}\ndata:\n  value: ")
                    .getBytes(StandardCharsets.US_ASCII));
            for (long written = 0; written < bytes; written += 64 * 1024) {
                random.nextBytes(chunk);
                out.write(Base64.getEncoder().encode(chunk));
            }
            out.write('\n');
        }
    }

    /** Each level a list of two aliases of the level below: expanded, 2^levels items. */
    private static String anchorChain(int levels) {
        StringBuilder yaml = new StringBuilder("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: laughs, namespace: "
                + NAMESPACE + "}\ndata:\n  l0: &l0 [lol, lol]\n");
        for (int level = 1; level < levels; level++) {
            yaml.append("  l%d: &l%d [*l%d, *l%d]\n".formatted(level, level, level - 1, level - 1));
        }
        return yaml.toString();
    }

    private static String chart(String name) {
        return "apiVersion: v2\nname: " + name + "\nversion: 0.1.0\n";
    }

    private static String application(String name, String repoUrl, String path) {
        return """
                apiVersion: plumbline.dev/v1alpha1
                kind: Application
                metadata: {name: %s, namespace: %s}
                spec:
                  project: stress
                  source: {repoURL: "%s", targetRevision: main, path: %s}
                  destination: {namespace: %s}
                  syncPolicy: {automated: {prune: true}}
                """.formatted(name, LiveSystem.APPLICATIONS_NAMESPACE, repoUrl, path, NAMESPACE);
    }

    private static String configMap(String name, String value) {
        return """
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: %s, namespace: %s}
                data: {value: "%s"}
                """.formatted(name, NAMESPACE, value);
    }
}
