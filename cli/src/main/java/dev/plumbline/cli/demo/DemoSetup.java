package dev.plumbline.cli.demo;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.lib.PersonIdent;

/**
 * The demo's starting point: a configuration repository on the sandbox Git server with three apps (plain YAML, a
 * Kustomize overlay, a Helm chart with values), their destination namespace, and one Application each, all synced.
 */
public final class DemoSetup {

    public static final String NAMESPACE = "demo";
    /** The demo's Project: its repository, its namespace, and the default project's ServiceAccount to act as. */
    public static final String PROJECT = "demo";

    public static final String REPOSITORY = "demo";
    public static final PersonIdent ANA = new PersonIdent("Ana Lima", "ana@example.com");
    static final Duration FIRST_SYNC = Duration.ofSeconds(150);

    private static final List<String> FILES = List.of(
            "README.md",
            "apps/web/settings.yaml",
            "apps/web/deployment.yaml",
            "apps/web/service.yaml",
            "apps/api/base/kustomization.yaml",
            "apps/api/base/deployment.yaml",
            "apps/api/base/settings.yaml",
            "apps/api/overlays/production/kustomization.yaml",
            "apps/api/overlays/production/production.yaml",
            "charts/cache/Chart.yaml",
            "charts/cache/values.yaml",
            "charts/cache/values-production.yaml",
            "charts/cache/templates/configmap.yaml",
            "charts/cache/templates/deployment.yaml");

    /** The demo's Applications: name, path in the repository, and the source options that go with it. */
    public enum DemoApp {
        WEB("web", "apps/web", "plain YAML", ""),
        API("api", "apps/api/overlays/production", "a Kustomize base with a production overlay", ""),
        CACHE(
                "cache",
                "charts/cache",
                "a Helm chart with values",
                "    helm:\n      valueFiles: [values-production.yaml]\n");

        public final String app;
        public final String path;
        public final String description;
        final String sourceOptions;

        DemoApp(String app, String path, String description, String sourceOptions) {
            this.app = app;
            this.path = path;
            this.description = description;
            this.sourceOptions = sourceOptions;
        }
    }

    /** What the set-up made: the repository (a working copy to change it), its first commit and the apps created. */
    public record Demo(ConfigRepository repository, String firstRevision, List<DemoApp> apps) {}

    private final LiveSystem live;
    private final StoryRunner story;

    public DemoSetup(LiveSystem live, StoryRunner story) {
        this.live = live;
        this.story = story;
    }

    /**
     * Creates the repository (its working copy under {@code workFolder}) and the Applications, and waits until
     * each is synced at the first commit, as the cluster and the Applications' status say.
     *
     * @param announceRepository told the repository's URL, to add it to the run's env file as {@code DEMO_REPO_URL}
     */
    public Demo create(Path workFolder, java.util.function.Consumer<String> announceRepository) {
        List<DemoApp> apps = new ArrayList<>(List.of(DemoApp.values()));
        kustomizeMissing().ifPresent(message -> {
            story.doing(message);
            apps.remove(DemoApp.API);
        });
        ConfigRepository repository = ConfigRepository.create(live.gitServer(), REPOSITORY, workFolder);
        String revision = repository
                .copyFromClassPath("demo-repository", FILES)
                .commitAndPush(ANA, "Three apps: web (plain), api (Kustomize), cache (Helm)");
        announceRepository.accept(repository.url());
        story.doing("pushed " + FILES.size() + " files to " + repository.url() + " as commit " + shortSha(revision));

        live.apply("""
                apiVersion: v1
                kind: Namespace
                metadata:
                  name: %s
                """.formatted(NAMESPACE));
        live.apply(project(repository.url()));
        story.doing("created Project " + PROJECT + ": repository " + repository.url() + ", namespace " + NAMESPACE
                + ", no cluster-scoped kinds, applied as ServiceAccount " + DEPLOYER);
        for (DemoApp app : apps) {
            live.apply(application(app, repository.url()));
            story.doing("created Application " + app.app + " (" + app.description + ", " + app.path + ")");
        }
        return new Demo(repository, revision, List.copyOf(apps));
    }

    /** Lines that show each app synced at {@code revision} and its objects in the cluster, read back live. */
    public List<String> confirmSynced(List<DemoApp> apps, String revision, Duration timeout) {
        List<String> lines = new ArrayList<>();
        for (DemoApp app : apps) {
            ApplicationView view = StoryRunner.confirm(
                    "Application " + app.app + " synced at " + shortSha(revision) + failureHint(app.app),
                    timeout,
                    () -> live.application(app.app).filter(a -> a.isSyncedAt(revision)));
            List<String> objects = StoryRunner.confirm(
                    "the objects of " + app.app + " in namespace " + NAMESPACE,
                    timeout,
                    () -> Optional.of(live.objectsOf(app.app, NAMESPACE)).filter(list -> !list.isEmpty()));
            lines.add("Application " + app.app + ": " + view.syncStatus() + " at " + shortSha(view.revision())
                    + ", health " + view.health() + "; in namespace " + NAMESPACE + ": " + String.join(", ", objects));
        }
        return lines;
    }

    /** When an app is not synced, its conditions usually say why (a render failure, a refused object). */
    private String failureHint(String app) {
        return live.application(app)
                .map(view -> view.status().get("conditions"))
                .map(conditions -> "; its conditions: " + conditions)
                .orElse("");
    }

    /** Bound in the namespace demo by {@code ./plumb up} (SandboxCluster). */
    static final String DEPLOYER = "plumbline:default-deployer";

    static String project(String repoUrl) {
        return """
                apiVersion: plumbline.dev/v1alpha1
                kind: Project
                metadata:
                  name: %s
                  namespace: %s
                spec:
                  description: The demo's apps, from its one repository, into its one namespace.
                  sourceRepos: ["%s"]
                  destinations:
                    - namespace: %s
                  clusterResources: []
                  serviceAccount: %s
                """.formatted(PROJECT, LiveSystem.APPLICATIONS_NAMESPACE, repoUrl, NAMESPACE, DEPLOYER);
    }

    static String application(DemoApp app, String repoUrl) {
        return application(app, repoUrl, "");
    }

    /** The Application with more of its spec, as indented YAML lines (its {@code images:} policy). */
    static String application(DemoApp app, String repoUrl, String moreSpec) {
        return """
                apiVersion: plumbline.dev/v1alpha1
                kind: Application
                metadata:
                  name: %s
                  namespace: %s
                spec:
                  project: %s
                  source:
                    repoURL: %s
                    targetRevision: %s
                    path: %s
                %s  destination:
                    namespace: %s
                  syncPolicy:
                    automated:
                      prune: true
                      selfHeal: true
                %s""".formatted(
                        app.app,
                        LiveSystem.APPLICATIONS_NAMESPACE,
                        PROJECT,
                        repoUrl,
                        ConfigRepository.BRANCH,
                        app.path,
                        app.sourceOptions,
                        NAMESPACE,
                        moreSpec);
    }

    /**
     * The renderer runs {@code kustomize build} or {@code kubectl kustomize}, whichever is installed; without
     * either, the Kustomize app could only fail, so it is left out with a message saying what to install.
     */
    static Optional<String> kustomizeMissing() {
        String path = Optional.ofNullable(System.getenv("PATH")).orElse("");
        boolean installed = java.util.Arrays.stream(path.split(File.pathSeparator))
                .anyMatch(dir ->
                        Files.isExecutable(Path.of(dir, "kubectl")) || Files.isExecutable(Path.of(dir, "kustomize")));
        return installed
                ? Optional.empty()
                : Optional.of("kubectl (with its built-in Kustomize) is not installed, nor "
                        + "kustomize: the Kustomize app 'api' is skipped. Install kubectl to see it rendered.");
    }

    public static String shortSha(String sha) {
        return sha == null || sha.length() < 7 ? String.valueOf(sha) : sha.substring(0, 7);
    }
}
