package dev.plumbline.cli.run;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.ToIntFunction;

/**
 * The five services a one-machine run starts: the module each is built in, its port setting, and the part of the
 * run's environment it may see. Each gets only the credentials its row of the design's access table allows: Git
 * credentials and the webhook secret to git-watcher, the cluster to the reconciler and drift-auditor, the Slack URL
 * to the notifier, nothing to the renderer; and each its own Kafka principal's client settings.
 */
enum ServiceProcess {
    GIT_WATCHER("git-watcher", "GIT_WATCHER_URL", StackSettings.ServicePorts::gitWatcher),
    RENDERER("renderer", "RENDERER_URL", StackSettings.ServicePorts::renderer),
    RECONCILER("reconciler", "RECONCILER_URL", StackSettings.ServicePorts::reconciler),
    DRIFT_AUDITOR("drift-auditor", "DRIFT_AUDITOR_URL", StackSettings.ServicePorts::driftAuditor),
    NOTIFIER("notifier", "NOTIFIER_URL", StackSettings.ServicePorts::notifier);

    /** Everything of the run's or the user's environment that grants access somewhere; no service inherits it. */
    static final Set<String> CREDENTIALS = Set.of(
            "KUBECONFIG",
            "GIT_USERNAME",
            "GIT_PASSWORD",
            "PLUMBLINE_WEBHOOK_SECRET",
            "PLUMBLINE_SLACK_WEBHOOK_URL",
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
                env.put("PLUMBLINE_CREDENTIALS_SANDBOX_USERNAME", run.get("GIT_USERNAME"));
                env.put("PLUMBLINE_CREDENTIALS_SANDBOX_PASSWORD", run.get("GIT_PASSWORD"));
            }
            case RECONCILER, DRIFT_AUDITOR -> env.put("KUBECONFIG", run.get("KUBECONFIG"));
            case NOTIFIER ->
                userSetting("PLUMBLINE_SLACK_WEBHOOK_URL")
                        .ifPresent(slack -> env.put("PLUMBLINE_SLACK_WEBHOOK_URL", slack));
            case RENDERER -> {}
        }
        return env;
    }

    private static Optional<String> userSetting(String variable) {
        return Optional.ofNullable(System.getenv(variable)).filter(value -> !value.isBlank());
    }
}
