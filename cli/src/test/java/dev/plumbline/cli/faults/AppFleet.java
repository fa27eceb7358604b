package dev.plumbline.cli.faults;

import static org.awaitility.Awaitility.await;

import dev.plumbline.cli.demo.ApplicationView;
import dev.plumbline.cli.demo.ConfigRepository;
import dev.plumbline.cli.demo.LiveSystem;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.eclipse.jgit.lib.PersonIdent;

/**
 * Fifty Applications with self-heal, one ConfigMap each, all in one repository on the sandbox Git server. A commit
 * changes the key {@code rev} of some apps' ConfigMaps; the key {@code greeting} is never changed by a commit, so a
 * hand edit of it is drift and nothing else.
 */
final class AppFleet {

    static final int APPS = 50;
    static final String NAMESPACE = "demo";
    static final String REPOSITORY = "faults";
    static final String GREETING = "hello";
    private static final String PROJECT = "faults";
    /** The default project's ServiceAccount, bound in the namespace demo by the run. */
    private static final String DEPLOYER = "plumbline:default-deployer";

    private static final PersonIdent AUTHOR = new PersonIdent("Fault Suite", "faults@example.com");

    private final LiveSystem live;
    private final ConfigRepository repository;
    private final List<Integer> revisions =
            new ArrayList<>(IntStream.range(0, APPS).mapToObj(i -> 0).toList());
    /** Every commit pushed, oldest first: its SHA and the apps it changed. */
    private final List<Commit> commits = new ArrayList<>();

    record Commit(String sha, List<String> apps) {}

    private AppFleet(LiveSystem live, ConfigRepository repository) {
        this.live = live;
        this.repository = repository;
    }

    static String app(int index) {
        return "app-%02d".formatted(index);
    }

    static List<String> apps() {
        return IntStream.range(0, APPS).mapToObj(AppFleet::app).toList();
    }

    static String configMap(String app) {
        return app + "-settings";
    }

    /** Creates the repository, the Project and the Applications, and waits until every app is synced. */
    static AppFleet create(LiveSystem live, Path workFolder, Duration within) {
        AppFleet fleet = new AppFleet(live, ConfigRepository.create(live.gitServer(), REPOSITORY, workFolder));
        fleet.commit(IntStream.range(0, APPS).boxed().toList(), "fifty apps");
        live.apply("apiVersion: v1\nkind: Namespace\nmetadata:\n  name: " + NAMESPACE + "\n");
        live.apply(
                """
                apiVersion: plumbline.dev/v1alpha1
                kind: Project
                metadata: {name: %s, namespace: %s}
                spec:
                  sourceRepos: ["%s"]
                  destinations: [{namespace: %s}]
                  clusterResources: []
                  serviceAccount: %s
                """.formatted(PROJECT, LiveSystem.APPLICATIONS_NAMESPACE, fleet.repository.url(), NAMESPACE, DEPLOYER));
        for (String app : apps()) {
            live.apply("""
                    apiVersion: plumbline.dev/v1alpha1
                    kind: Application
                    metadata: {name: %s, namespace: %s}
                    spec:
                      project: %s
                      source: {repoURL: "%s", targetRevision: main, path: apps/%s}
                      destination: {namespace: %s}
                      syncPolicy: {automated: {prune: true, selfHeal: true}}
                    """.formatted(
                            app, LiveSystem.APPLICATIONS_NAMESPACE, PROJECT, fleet.repository.url(), app, NAMESPACE));
        }
        await().atMost(within)
                .pollInterval(Duration.ofSeconds(2))
                .until(() -> fleet.notAtHead().isEmpty());
        return fleet;
    }

    String url() {
        return repository.url();
    }

    /** Commits a new {@code rev} for the apps of these indexes and pushes it; returns the commit. */
    synchronized Commit commit(List<Integer> indexes, String message) {
        for (int index : indexes) {
            revisions.set(index, revisions.get(index) + 1);
            repository.write("apps/" + app(index) + "/settings.yaml", settings(index, revisions.get(index)));
        }
        String sha = repository.commitAndPush(AUTHOR, message);
        Commit commit = new Commit(sha, indexes.stream().map(AppFleet::app).toList());
        commits.add(commit);
        return commit;
    }

    synchronized List<Commit> commits() {
        return List.copyOf(commits);
    }

    /** The commit each app should be synced at: the last that changed it. */
    synchronized Map<String, String> expectedRevisions() {
        Map<String, String> expected = new java.util.HashMap<>();
        for (Commit commit : commits) {
            commit.apps().forEach(app -> expected.put(app, commit.sha()));
        }
        return expected;
    }

    /** The position of every commit in the order pushed, to tell whether an app's revisions went backwards. */
    synchronized Map<String, Integer> commitOrder() {
        return IntStream.range(0, commits.size())
                .boxed()
                .collect(Collectors.toMap(i -> commits.get(i).sha(), Function.identity()));
    }

    /** The apps whose Application is not synced at the commit that last changed them, as the API server says. */
    List<String> notAtHead() {
        Map<String, String> expected = expectedRevisions();
        Map<String, ApplicationView> views = live
                .cluster()
                .genericKubernetesResources("plumbline.dev/v1alpha1", "Application")
                .inNamespace(LiveSystem.APPLICATIONS_NAMESPACE)
                .list()
                .getItems()
                .stream()
                .map(ApplicationView::of)
                .collect(Collectors.toMap(ApplicationView::name, Function.identity()));
        return apps().stream()
                .filter(app -> views.get(app) == null || !views.get(app).isSyncedAt(expected.get(app)))
                .toList();
    }

    /** The apps whose ConfigMap's greeting is not Git's (a hand edit not healed yet). */
    List<String> drifted(List<String> apps) {
        return apps.stream()
                .filter(app -> live.configMap(NAMESPACE, configMap(app))
                        .map(map -> !GREETING.equals(map.getData().get("greeting")))
                        .orElse(true))
                .toList();
    }

    private static String settings(int index, int revision) {
        return """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: %s
                data:
                  greeting: "%s"
                  rev: "%d"
                """.formatted(configMap(app(index)), GREETING, revision);
    }
}
