package dev.plumbline.cli.run;

import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.ToIntFunction;

/**
 * The six services a one-machine run starts: the module each is built in, its port setting, and the part of the
 * run's environment it may see. Each gets only the credentials its row of the design's access table allows: Git read
 * credentials (the sandbox's read-only user) and the webhook secret to git-watcher, the cluster to the reconciler
 * and drift-auditor, the Slack URL to the notifier, the Git write credential, the registry's notification secret and
 * the promote token to the image-updater, nothing to the renderer; and each its own Kafka principal's client settings.
 */
enum ServiceProcess {
    GIT_WATCHER("git-watcher", "GIT_WATCHER_URL", StackSettings.ServicePorts::gitWatcher),
    RENDERER("renderer", "RENDERER_URL", StackSettings.ServicePorts::renderer),
    RECONCILER("reconciler", "RECONCILER_URL", StackSettings.ServicePorts::reconciler),
    DRIFT_AUDITOR("drift-auditor", "DRIFT_AUDITOR_URL", StackSettings.ServicePorts::driftAuditor),
    NOTIFIER("notifier", "NOTIFIER_URL", StackSettings.ServicePorts::notifier),
    IMAGE_UPDATER("image-updater", "IMAGE_UPDATER_URL", StackSettings.ServicePorts::imageUpdater);

    /** The name of the instance, which the service reports itself by (in Kafka client ids, requests, logs). */
    static final String INSTANCE = "PLUMBLINE_INSTANCE";
    /** The run's promote token, for {@code plumb image promote} and {@code plumb drift export --pr}. */
    static final String PROMOTE_TOKEN = "PLUMBLINE_PROMOTE_TOKEN";
    /** The secret the sandbox registry sends with its notifications, as a bearer token. */
    static final String REGISTRY_WEBHOOK_SECRET = "PLUMBLINE_REGISTRY_WEBHOOK_SECRET";
    /**
     * The sandbox repository the image-updater may write to: the demo's. Each repository of the sandbox Git server is
     * its own project on the pull-request API, and a write credential names one project.
     */
    static final String SANDBOX_WRITE_REPOSITORY = "demo";

    /** The image-updater's settings that grant access: a user's own are passed to it and to no other service. */
    private static final List<String> IMAGE_UPDATER_CREDENTIALS = List.of(
            "PLUMBLINE_WRITE_CREDENTIALS_",
            "PLUMBLINE_REGISTRIES_",
            "PLUMBLINE_REGISTRY_WEBHOOK_",
            "PLUMBLINE_PROMOTE_TOKENS_");

    /** Everything of the run's or the user's environment that grants access somewhere; no service inherits it. */
    static final Set<String> CREDENTIALS = Set.of(
            "KUBECONFIG",
            "GIT_USERNAME",
            "GIT_PASSWORD",
            "GIT_READER_USERNAME",
            "GIT_READER_PASSWORD",
            "PLUMBLINE_WEBHOOK_SECRET",
            "PLUMBLINE_SLACK_WEBHOOK_URL",
            PROMOTE_TOKEN,
            REGISTRY_WEBHOOK_SECRET,
            BusCredentials.CLIENT_FILE,
            BusCredentials.CLIENTS_DIR,
            "PLUMBLINE_SIGNING_KEY_FILE");

    /** How the topics a service creates are replicated (the service-kit's ServiceSettings). */
    static final List<String> REPLICATION =
            List.of("PLUMBLINE_TOPICS_REPLICATION_FACTOR", "PLUMBLINE_TOPICS_MIN_INSYNC_REPLICAS");

    final String module;
    final String urlVariable;
    final ToIntFunction<StackSettings.ServicePorts> port;

    ServiceProcess(String module, String urlVariable, ToIntFunction<StackSettings.ServicePorts> port) {
        this.module = module;
        this.urlVariable = urlVariable;
        this.port = port;
    }

    /** The env file's variable listing every instance of this service as {@code name=url,name=url}. */
    String instancesVariable() {
        return urlVariable.replaceFirst("_URL$", "_INSTANCES");
    }

    /**
     * The settings of one instance of this service in a run: its name, and its own folder under the run folder.
     *
     * @param instance the instance's name ({@code reconciler}, or {@code reconciler-2} when there are several)
     */
    Map<String, String> instanceEnvironment(Map<String, String> run, String instance, int httpPort, Path runDir) {
        Map<String, String> env = new LinkedHashMap<>(environment(run, httpPort, runDir.resolve(instance)));
        env.put(INSTANCE, instance);
        return env;
    }

    /**
     * The settings of this service in a run, as environment variables.
     *
     * @param run the run's environment (broker, cluster, Git server and its credentials, secrets)
     * @param dataDir this service's own folder under the run folder
     */
    Map<String, String> environment(Map<String, String> run, int httpPort, Path dataDir) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("KAFKA_BOOTSTRAP_SERVERS", run.get("KAFKA_BOOTSTRAP_SERVERS"));
        // its own Kafka principal, and no other's
        BusCredentials.clientFile(run, module).ifPresent(file -> env.put(BusCredentials.CLIENT_FILE, file.toString()));
        env.put("QUARKUS_HTTP_PORT", String.valueOf(httpPort));
        // the embedded broker is one broker, where the production replication of 3 could not create a topic; a user
        // who brings a cluster of brokers says so in these variables
        for (String replication : REPLICATION) {
            env.put(replication, userSetting(replication).orElse("1"));
        }
        switch (this) {
            case GIT_WATCHER -> {
                if (httpPort == 0) {
                    throw new IllegalArgumentException(
                            "git-watcher needs a fixed port: the artifact URLs it publishes name it");
                }
                env.put("PLUMBLINE_DATA_DIR", dataDir.toString());
                env.put("PLUMBLINE_ARTIFACTS_BASE_URL", "http://127.0.0.1:" + httpPort);
                env.put("PLUMBLINE_WEBHOOK_SECRET", run.get("PLUMBLINE_WEBHOOK_SECRET"));
                env.put("PLUMBLINE_CREDENTIALS_SANDBOX_URL", run.get("GIT_SERVER_URL"));
                // it only reads: the sandbox's read-only user when the run has one
                boolean reader = run.containsKey("GIT_READER_USERNAME");
                env.put(
                        "PLUMBLINE_CREDENTIALS_SANDBOX_USERNAME",
                        run.get(reader ? "GIT_READER_USERNAME" : "GIT_USERNAME"));
                env.put(
                        "PLUMBLINE_CREDENTIALS_SANDBOX_PASSWORD",
                        run.get(reader ? "GIT_READER_PASSWORD" : "GIT_PASSWORD"));
            }
            case RECONCILER, DRIFT_AUDITOR -> env.put("KUBECONFIG", run.get("KUBECONFIG"));
            case NOTIFIER ->
                userSetting("PLUMBLINE_SLACK_WEBHOOK_URL")
                        .ifPresent(slack -> env.put("PLUMBLINE_SLACK_WEBHOOK_URL", slack));
            case IMAGE_UPDATER -> imageUpdater(env, run, dataDir);
            case RENDERER -> {}
        }
        return env;
    }

    /** Whether a variable is a credential of the image-updater's (a Git write credential, a registry login...). */
    static boolean isImageUpdaterCredential(String variable) {
        return IMAGE_UPDATER_CREDENTIALS.stream().anyMatch(variable::startsWith);
    }

    /**
     * The Git write credential for the sandbox's demo repository, which pull requests go to through the sandbox's
     * Gitea-like API; the sandbox registry (plain HTTP on 127.0.0.1) and its notification secret; the run's promote
     * token for every app. Credentials of the user's own come after, so they can add repositories and registries.
     */
    private static void imageUpdater(Map<String, String> env, Map<String, String> run, Path dataDir) {
        env.put("PLUMBLINE_IMAGE_UPDATER_WORK_DIR", dataDir.toString());
        String git = run.get("GIT_SERVER_URL");
        env.put("PLUMBLINE_WRITE_CREDENTIALS_SANDBOX_URL", git + "/" + SANDBOX_WRITE_REPOSITORY + ".git");
        env.put("PLUMBLINE_WRITE_CREDENTIALS_SANDBOX_USERNAME", run.get("GIT_USERNAME"));
        env.put("PLUMBLINE_WRITE_CREDENTIALS_SANDBOX_PASSWORD", run.get("GIT_PASSWORD"));
        env.put("PLUMBLINE_WRITE_CREDENTIALS_SANDBOX_HOST", "gitea");
        env.put("PLUMBLINE_WRITE_CREDENTIALS_SANDBOX_API_URL", git + "/api/v1");
        env.put("PLUMBLINE_WRITE_CREDENTIALS_SANDBOX_PROJECT", "plumbline/" + SANDBOX_WRITE_REPOSITORY);
        Optional.ofNullable(run.get("REGISTRY_URL")).ifPresent(registry -> {
            env.put(
                    "PLUMBLINE_REGISTRIES_SANDBOX_REGISTRY",
                    URI.create(registry).getAuthority());
            env.put("PLUMBLINE_REGISTRIES_SANDBOX_PLAIN_HTTP", "true");
            env.put("PLUMBLINE_REGISTRY_WEBHOOK_DISTRIBUTION_SECRET", run.get(REGISTRY_WEBHOOK_SECRET));
        });
        Optional.ofNullable(run.get(PROMOTE_TOKEN)).ifPresent(token -> {
            env.put("PLUMBLINE_PROMOTE_TOKENS_PLUMB_TOKEN", token);
            env.put("PLUMBLINE_PROMOTE_TOKENS_PLUMB_APPS", "*");
        });
        System.getenv().forEach((name, value) -> {
            if (isImageUpdaterCredential(name) && !value.isBlank()) {
                env.put(name, value);
            }
        });
    }

    private static Optional<String> userSetting(String variable) {
        return Optional.ofNullable(System.getenv(variable)).filter(value -> !value.isBlank());
    }
}
