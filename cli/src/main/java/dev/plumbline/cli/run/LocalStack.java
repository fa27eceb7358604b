package dev.plumbline.cli.run;

import dev.plumbline.sandbox.registry.SandboxRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Starts Plumbline on one machine: the sandbox's Kafka broker, Kubernetes API and Git server (each unless a real
 * one is given), the sandbox registry when docker-registry is installed, then the six services, each as its own
 * process (or several, {@link Replicas}) with its log under {@code .plumbline/run/logs}.
 */
public final class LocalStack {

    private static final Duration SANDBOX_START = Duration.ofSeconds(90);
    private static final Duration SERVICE_START = Duration.ofSeconds(180);
    private static final String GIT_USERNAME = "plumbline";
    private static final String GIT_READER_USERNAME = "plumbline-reader";
    /** The image-updater's endpoint for the distribution registry's notifications. */
    private static final String REGISTRY_NOTIFICATIONS = "/api/registry-webhooks/distribution";

    private final RunLayout layout;
    private final StackSettings settings;
    private final Consumer<String> progress;
    private final ComponentLauncher launcher;

    public LocalStack(RunLayout layout, StackSettings settings, Consumer<String> progress) {
        this.layout = layout;
        this.settings = settings;
        this.progress = progress;
        this.launcher = new ComponentLauncher(layout);
    }

    /** Starts everything and waits until all is ready; on any failure stops what it started and rethrows. */
    public RunningStack start() {
        requireBuilt();
        List<RunningComponent> started = new ArrayList<>();
        Map<String, String> env = new LinkedHashMap<>();
        try {
            env.putAll(settings.externalKafka()
                    .map(servers -> BusCredentials.external(servers, settings.externalKafkaClients()))
                    .orElseGet(() -> startKafka(started)));
            env.put(
                    "KUBECONFIG",
                    settings.externalKubeconfig().map(Path::toString).orElseGet(() -> startKubeApi(started)));
            env.putAll(startGitServer(started));
            env.put("PLUMBLINE_WEBHOOK_SECRET", Secrets.random());
            env.put(ServiceProcess.PROMOTE_TOKEN, Secrets.random());
            // the registry's notifications name the image-updater's URL, so its port is settled before either starts
            StackSettings.ServicePorts ports = settings.servicePorts()
                    .withImageUpdater(fixedPort(settings.servicePorts().imageUpdater()));
            env.putAll(startRegistry(started, ports.imageUpdater()));
            RunSigningKeys keys = RunSigningKeys.prepare(layout.signingKeys());
            env.putAll(keys.forPeople());
            Map<String, String> instanceUrls = startServices(started, env, keys, ports);
            RunningStack stack = new RunningStack(layout, launcher, started, env, instanceUrls);
            stack.writeRunFiles();
            return stack;
        } catch (RuntimeException failure) {
            new RunningStack(layout, launcher, started, env, Map.of()).stop();
            throw failure;
        }
    }

    /**
     * The embedded broker, secured: it writes each principal's client settings before its ready line. Its port is
     * settled up front (as the Kubernetes API's and the Git server's), so that started again it is where its
     * clients look for it.
     */
    private Map<String, String> startKafka(List<RunningComponent> started) {
        Component kafka = launcher.sandbox(
                "kafka",
                "dev.plumbline.sandbox.kafka.KafkaBrokerMain",
                List.of(
                        "--data-dir",
                        layout.kafkaData().toString(),
                        "--port",
                        String.valueOf(fixedPort(settings.kafkaPort())),
                        "--secured",
                        layout.kafkaClients().toString()),
                Map.of(),
                Pattern.compile("kafka ready at (\\S+)"));
        return BusCredentials.embedded(awaitSandbox(kafka, started), layout.kafkaClients());
    }

    private String startKubeApi(List<RunningComponent> started) {
        Component kubeApi = launcher.sandbox(
                "kube-api",
                "dev.plumbline.sandbox.kube.KubeApiMain",
                List.of(
                        "--port",
                        String.valueOf(fixedPort(settings.kubeApiPort())),
                        "--kubeconfig",
                        layout.kubeconfig().toString()),
                Map.of(),
                Pattern.compile("kube-api ready at (\\S+)"));
        awaitSandbox(kubeApi, started);
        SandboxCluster.prepare(layout);
        progress.accept("kube-api has the Application and Project CRDs, the namespace "
                + SandboxCluster.APPLICATIONS_NAMESPACE + ", and the default project (namespace "
                + SandboxCluster.DEMO_NAMESPACE + ")");
        return layout.kubeconfig().toString();
    }

    private Map<String, String> startGitServer(List<RunningComponent> started) {
        String password = Secrets.random();
        String readerPassword = Secrets.random();
        // credentials travel in the environment, not on the command line where any user's ps would show them; the
        // reader may fetch and nothing more (git-watcher's), the writer pushes (people's and the image-updater's)
        Component git = launcher.sandbox(
                "git-server",
                "dev.plumbline.sandbox.git.GitServerMain",
                List.of(
                        "--root",
                        layout.gitRoot().toString(),
                        "--port",
                        String.valueOf(fixedPort(settings.gitServerPort()))),
                Map.of(
                        "GIT_USERNAME", GIT_USERNAME,
                        "GIT_PASSWORD", password,
                        "GIT_READER_USERNAME", GIT_READER_USERNAME,
                        "GIT_READER_PASSWORD", readerPassword),
                Pattern.compile("git ready at (\\S+)"));
        String url = awaitSandbox(git, started);
        Map<String, String> env = new LinkedHashMap<>();
        env.put("GIT_SERVER_URL", url);
        env.put("GIT_SERVER_ROOT", layout.gitRoot().toString());
        env.put("GIT_USERNAME", GIT_USERNAME);
        env.put("GIT_PASSWORD", password);
        env.put("GIT_READER_USERNAME", GIT_READER_USERNAME);
        env.put("GIT_READER_PASSWORD", readerPassword);
        return env;
    }

    /**
     * The sandbox registry, when docker-registry is installed; it tells the image-updater of each push with a
     * fresh secret (in the environment, not on the command line). Without it the run goes on without a registry,
     * and says how to install one.
     */
    private Map<String, String> startRegistry(List<RunningComponent> started, int imageUpdaterPort) {
        if (!SandboxRegistry.installed()) {
            progress.accept("no sandbox registry: " + SandboxRegistry.DEBIAN_BINARY + " is not installed (install it"
                    + " with: apt-get install docker-registry); the image-updater still runs, for registries of your"
                    + " own");
            return Map.of();
        }
        String secret = Secrets.random();
        Component registry = launcher.sandbox(
                "registry",
                "dev.plumbline.sandbox.registry.RegistryMain",
                List.of(
                        "--root",
                        layout.registryDir().toString(),
                        "--port",
                        String.valueOf(settings.registryPort()),
                        "--notify",
                        "http://127.0.0.1:" + imageUpdaterPort + REGISTRY_NOTIFICATIONS),
                Map.of("REGISTRY_NOTIFY_TOKEN", secret),
                Pattern.compile("registry ready at (\\S+)"));
        String url = awaitSandbox(registry, started);
        return Map.of("REGISTRY_URL", url, ServiceProcess.REGISTRY_WEBHOOK_SECRET, secret);
    }

    /** {@code port}, or a port free now when it is 0. */
    private static int fixedPort(int port) {
        if (port != 0) {
            return port;
        }
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot find a free port: " + e.getMessage(), e);
        }
    }

    private String awaitSandbox(Component component, List<RunningComponent> started) {
        progress.accept("starting " + component.name() + " …");
        RunningComponent running = launcher.start(component);
        started.add(running);
        Matcher ready = running.awaitReady(SANDBOX_START);
        progress.accept(component.name() + " ready at " + ready.group(1));
        return ready.group(1);
    }

    /**
     * The services start side by side, since each spends most of its start-up on its own JVM; a service of several
     * instances starts each with its own name and folder, the first on the service's port and the others on any
     * free one. Returns each instance's URL by its name.
     */
    private Map<String, String> startServices(
            List<RunningComponent> started,
            Map<String, String> runEnv,
            RunSigningKeys keys,
            StackSettings.ServicePorts ports) {
        Map<String, RunningComponent> instances = new LinkedHashMap<>();
        for (ServiceProcess service : ServiceProcess.values()) {
            List<String> names = Replicas.instanceNames(service.module, settings.replicas(service.module));
            for (String name : names) {
                int port = name.equals(names.get(0)) ? service.port.applyAsInt(ports) : 0;
                Map<String, String> env =
                        new LinkedHashMap<>(service.instanceEnvironment(runEnv, name, port, layout.runDir()));
                env.putAll(keys.environment(service.module));
                env.putAll(settings.serviceSettings(service.module));
                progress.accept("starting " + name + (port == 0 ? "" : " on port " + port) + " …");
                RunningComponent running =
                        launcher.start(launcher.service(name, layout.serviceJar(service.module), env));
                started.add(running);
                instances.put(name, running);
            }
        }
        Map<String, String> urls = new LinkedHashMap<>();
        instances.forEach((name, running) -> {
            String url = "http://127.0.0.1:" + running.awaitReady(SERVICE_START).group(1);
            progress.accept(name + " ready at " + url);
            urls.put(name, url);
        });
        return urls;
    }

    private void requireBuilt() {
        List<Path> needed = new ArrayList<>();
        needed.add(layout.sandboxJar());
        needed.add(layout.applicationCrd());
        needed.add(layout.projectCrd());
        needed.addAll(layout.defaultProject());
        for (ServiceProcess service : ServiceProcess.values()) {
            needed.add(layout.serviceJar(service.module));
        }
        List<Path> missing =
                needed.stream().filter(path -> !Files.isRegularFile(path)).toList();
        if (!missing.isEmpty()) {
            throw new ComponentFailedException("Plumbline is not built: missing " + missing
                    + ". Build it with ./mvnw -B -DskipTests package (./plumb does so on first use).");
        }
        try {
            Files.createDirectories(layout.logs());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + layout.logs(), e);
        }
    }
}
