package dev.plumbline.cli.connect;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;

/**
 * How to reach a run of Plumbline: the env file {@code plumb up} wrote under the checkout, overlaid by the process
 * environment (an exported setting wins, so a real cluster or broker can be named without editing the file).
 */
public final class RunEnvironment {

    /** The namespace Applications live in, unless {@code PLUMBLINE_NAMESPACE} names another. */
    public static final String DEFAULT_NAMESPACE = "plumbline";

    private final Map<String, String> settings;

    public RunEnvironment(Map<String, String> settings) {
        this.settings = Map.copyOf(settings);
    }

    /** The settings of the run under {@code home}, the process environment winning over the env file. */
    public static RunEnvironment load(Path home, Map<String, String> processEnvironment) {
        Map<String, String> merged = new HashMap<>(EnvFile.read(envFile(home)));
        processEnvironment.forEach((name, value) -> {
            if (value != null && !value.isBlank()) {
                merged.put(name, value);
            }
        });
        return new RunEnvironment(merged);
    }

    public static Path envFile(Path home) {
        return home.resolve(".plumbline").resolve("run").resolve("env");
    }

    /** The environment of the command being run, held by the root command ({@link Source}). */
    public static RunEnvironment of(CommandSpec spec) {
        if (spec.root().userObject() instanceof Source source) {
            return source.runEnvironment();
        }
        throw new IllegalStateException("the root command does not provide a run environment");
    }

    /** Implemented by the root command, which loads the environment once. */
    public interface Source {
        RunEnvironment runEnvironment();
    }

    public Optional<String> optional(String name) {
        return Optional.ofNullable(settings.get(name)).filter(value -> !value.isBlank());
    }

    /** @throws CommandFailedException naming the setting and how to provide it */
    public String require(String name) {
        return optional(name)
                .orElseThrow(() -> new CommandFailedException(
                        name + " is not set: start Plumbline with ./plumb up, or export it"));
    }

    public URI serviceUrl(PlumblineServiceUrl service) {
        return url(service.variable(), require(service.variable()));
    }

    private static URI url(String variable, String url) {
        try {
            return URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
        } catch (IllegalArgumentException e) {
            throw new CommandFailedException(variable + " is not a URL: " + url);
        }
    }

    public ServiceClient service(PlumblineServiceUrl service) {
        return new ServiceClient(service.displayName(), serviceUrl(service));
    }

    /**
     * Every instance of a service, by name, in the order {@code <SERVICE>_INSTANCES} lists them ({@code
     * name=url,name=url}, as {@code plumb up} writes it); without that setting, the one at {@code <SERVICE>_URL},
     * named as the service.
     *
     * @throws CommandFailedException when neither is set, or an entry is not {@code name=url}
     */
    public Map<String, ServiceClient> serviceInstances(PlumblineServiceUrl service) {
        Optional<String> listed = optional(service.instancesVariable());
        if (listed.isEmpty()) {
            return Map.of(service.displayName(), service(service));
        }
        Map<String, ServiceClient> instances = new LinkedHashMap<>();
        for (String entry : listed.get().split(",")) {
            if (entry.isBlank()) {
                continue;
            }
            int equals = entry.indexOf('=');
            String name = equals < 0 ? "" : entry.substring(0, equals).strip();
            String url = equals < 0 ? "" : entry.substring(equals + 1).strip();
            if (name.isEmpty() || url.isEmpty()) {
                throw new CommandFailedException(service.instancesVariable() + " has the entry '" + entry.strip()
                        + "', not name=url: list the instances as name=url,name=url (./plumb up writes it so)");
            }
            instances.put(
                    name, new ServiceClient(service.displayName() + " " + name, url(service.instancesVariable(), url)));
        }
        if (instances.isEmpty()) {
            return Map.of(service.displayName(), service(service));
        }
        return instances;
    }

    private Path kubeconfigFile() {
        Optional<String> named = optional("KUBECONFIG");
        if (named.isPresent()) {
            return Arrays.stream(named.get().split(File.pathSeparator))
                    .filter(entry -> !entry.isBlank())
                    .map(Path::of)
                    .filter(Files::isRegularFile)
                    .findFirst()
                    .orElseGet(() -> Path.of(named.get().split(File.pathSeparator)[0]));
        }
        // $HOME first, as kubectl looks there
        Path userDefault =
                Path.of(optional("HOME").orElseGet(() -> System.getProperty("user.home")), ".kube", "config");
        if (Files.isRegularFile(userDefault)) {
            return userDefault;
        }
        throw new CommandFailedException("KUBECONFIG is not set and " + userDefault
                + " does not exist: start Plumbline with ./plumb up, or export KUBECONFIG");
    }

    /** The settings of the CLI's Kafka readers: the broker, and the CLI's credentials when the run has them. */
    public Map<String, Object> kafkaSettings() {
        return KafkaClientSettings.from(settings);
    }

    public String namespace() {
        return optional("PLUMBLINE_NAMESPACE").orElse(DEFAULT_NAMESPACE);
    }

    /** Credentials for the config repositories, when the Git server needs them. */
    public Optional<GitCredentials> gitCredentials() {
        return optional("GIT_USERNAME")
                .map(user -> new GitCredentials(user, optional("GIT_PASSWORD").orElse("")));
    }

    public record GitCredentials(String username, String password) {
        @Override
        public String toString() {
            return "GitCredentials[" + username + "]";
        }
    }

    public String webhookSecret() {
        return require("PLUMBLINE_WEBHOOK_SECRET");
    }

    public String demoRepoUrl() {
        return require("DEMO_REPO_URL");
    }

    /**
     * A client of the cluster named by {@code KUBECONFIG} (its first file that exists, as kubectl reads a list), else
     * by {@code $HOME/.kube/config}, acting with the user's own credentials.
     */
    public KubernetesClient kubernetesClient() {
        Path kubeconfig = kubeconfigFile();
        try {
            Config config = Config.fromKubeconfig(Files.readString(kubeconfig, StandardCharsets.UTF_8));
            // a person is waiting: one retry, as kubectl makes none, not the client's default of ten with backoff
            config.setRequestRetryBackoffLimit(1);
            return new KubernetesClientBuilder().withConfig(config).build();
        } catch (IOException e) {
            throw new CommandFailedException(
                    "cannot read the kubeconfig " + kubeconfig + " (KUBECONFIG): " + e.getMessage());
        } catch (RuntimeException e) {
            throw new CommandFailedException(
                    "the kubeconfig " + kubeconfig + " (KUBECONFIG) is not usable: " + e.getMessage());
        }
    }
}
