package dev.plumbline.sandbox.kube;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A stand-in Kubernetes API server for one-machine runs and tests, for fabric8's client and kubectl: storage,
 * watches, server-side apply, managedFields, strategic merge, discovery, OpenAPI and namespace deletion (see
 * {@code docs/sandbox.md}). It listens on 127.0.0.1 over plain HTTP without authentication.
 *
 * <pre>{@code
 * try (EmbeddedKubeApi api = new EmbeddedKubeApi().start()) {
 *     api.client().configMaps().inNamespace("default").resource(configMap).serverSideApply();
 * }
 * }</pre>
 */
public final class EmbeddedKubeApi implements AutoCloseable {

    /** The name of the cluster, user and context in the kubeconfig it writes. */
    public static final String CONTEXT = "plumbline-sandbox";

    private KubeHttpServer server;
    private int port;
    private KubernetesClient client;
    private ApiTraffic traffic;

    /** Starts on a free port. */
    public EmbeddedKubeApi start() {
        return start(0);
    }

    /** Starts on the given port; 0 picks a free one. */
    public synchronized EmbeddedKubeApi start(int port) {
        if (server != null) {
            throw new IllegalStateException("the embedded Kubernetes API is already started at " + url());
        }
        ApiTraffic front = new ApiTraffic(new KubeApiDispatcher());
        KubeHttpServer created = new KubeHttpServer(front);
        this.port = created.start("127.0.0.1", port);
        server = created;
        traffic = front;
        return this;
    }

    public synchronized int port() {
        if (server == null) {
            throw new IllegalStateException("the embedded Kubernetes API is not started");
        }
        return port;
    }

    /** The base URL, such as {@code http://127.0.0.1:43121}. */
    public String url() {
        return "http://127.0.0.1:" + port();
    }

    /** Request counts and fault injection, for tests (see {@link ApiTraffic}). */
    public synchronized ApiTraffic traffic() {
        if (traffic == null) {
            throw new IllegalStateException("the embedded Kubernetes API is not started");
        }
        return traffic;
    }

    /** A fabric8 client for this API, in namespace {@code default}; closed with the API. */
    public synchronized KubernetesClient client() {
        if (client == null) {
            Config config = new ConfigBuilder(Config.empty())
                    .withMasterUrl(url())
                    .withNamespace("default")
                    .build();
            client = new KubernetesClientBuilder().withConfig(config).build();
        }
        return client;
    }

    /** Writes a kubeconfig whose current context points at this API, creating parent folders. */
    public Path writeKubeconfig(Path file) {
        String kubeconfig = """
                apiVersion: v1
                kind: Config
                clusters:
                - name: %1$s
                  cluster:
                    server: %2$s
                users:
                - name: %1$s
                  user: {}
                contexts:
                - name: %1$s
                  context:
                    cluster: %1$s
                    user: %1$s
                    namespace: default
                current-context: %1$s
                """.formatted(CONTEXT, url());
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            return Files.writeString(file, kubeconfig);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the kubeconfig " + file, e);
        }
    }

    @Override
    public synchronized void close() {
        if (client != null) {
            client.close();
            client = null;
        }
        if (server != null) {
            server.stop();
            server = null;
        }
    }
}
