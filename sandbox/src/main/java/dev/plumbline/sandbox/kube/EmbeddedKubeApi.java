package dev.plumbline.sandbox.kube;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A stand-in Kubernetes API server for one-machine runs and tests, for fabric8's client and kubectl: storage,
 * watches, server-side apply, managedFields, strategic merge, discovery, OpenAPI, namespace deletion, and
 * bearer tokens, impersonation and RBAC (see {@code docs/sandbox.md}). It listens on 127.0.0.1 over plain HTTP.
 * Requests without credentials act as {@code system:admin} in group {@code system:masters}, allowed everything.
 *
 * <pre>{@code
 * try (EmbeddedKubeApi api = new EmbeddedKubeApi().withToken("t0k3n", "alice", "team-a-devs").start()) {
 *     api.client().configMaps().inNamespace("default").resource(configMap).serverSideApply();
 *     KubernetesClient deployer = api.impersonatingClient("system:serviceaccount:team-a:deployer");
 *     KubernetesClient alice = api.tokenClient("t0k3n");
 * }
 * }</pre>
 */
public final class EmbeddedKubeApi implements AutoCloseable {

    /** The name of the cluster, user and context in the kubeconfig it writes. */
    public static final String CONTEXT = "plumbline-sandbox";

    private final TokenAuthentication tokens = new TokenAuthentication();
    private final List<KubernetesClient> otherClients = new ArrayList<>();
    private KubeHttpServer server;
    private int port;
    private KubernetesClient client;
    private ApiTraffic traffic;
    private Duration requestTimeout = HeldRequests.DEFAULT_REQUEST_TIMEOUT;

    /**
     * Accepts {@code Authorization: Bearer <token>} as the user, in the groups given and
     * {@code system:authenticated}, as kube-apiserver's {@code --token-auth-file} does; any other bearer token is
     * refused with 401. May be called before or after {@link #start()}.
     */
    public EmbeddedKubeApi withToken(String token, String user, String... groups) {
        tokens.add(token, UserInfo.authenticated(user, "", List.of(groups)));
        return this;
    }

    /** Accepts the tokens of a kube-apiserver token file: {@code token,user,uid,"group1,group2"} per line. */
    public EmbeddedKubeApi withTokenFile(Path file) {
        tokens.addFile(file);
        return this;
    }

    /**
     * How long a request held by a hang ({@link ApiTraffic#hangFor}) waits before it is answered 504, as
     * kube-apiserver's {@code --request-timeout} (60 s, the default). Takes effect at {@link #start()}.
     */
    public EmbeddedKubeApi withRequestTimeout(Duration timeout) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("the request timeout must be positive, not " + timeout);
        }
        requestTimeout = timeout;
        return this;
    }

    /** Starts on a free port. */
    public EmbeddedKubeApi start() {
        return start(0);
    }

    /** Starts on the given port; 0 picks a free one. */
    public synchronized EmbeddedKubeApi start(int port) {
        if (server != null) {
            throw new IllegalStateException("the embedded Kubernetes API is already started at " + url());
        }
        ApplyLedger applies = new ApplyLedger();
        ApiTraffic front = new ApiTraffic(new KubeApiDispatcher(tokens, applies), applies);
        KubeHttpServer created = new KubeHttpServer(front, requestTimeout);
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

    /**
     * Request counts, server-side applies and fault injection, for tests in this JVM (see {@link ApiTraffic});
     * from another process, {@link KubeApiControl} does the same over HTTP.
     */
    public synchronized ApiTraffic traffic() {
        if (traffic == null) {
            throw new IllegalStateException("the embedded Kubernetes API is not started");
        }
        return traffic;
    }

    /** A fabric8 client for this API, in namespace {@code default}; closed with the API. */
    public synchronized KubernetesClient client() {
        if (client == null) {
            client = new KubernetesClientBuilder().withConfig(baseConfig()).build();
        }
        return client;
    }

    /**
     * A new fabric8 client, in namespace {@code default}, that sends {@code Authorization: Bearer <token>} (see
     * {@link #withToken}); closed with the API.
     */
    public synchronized KubernetesClient tokenClient(String token) {
        return remember(new ConfigBuilder(baseConfig()).withOauthToken(token).build());
    }

    /**
     * A new fabric8 client, in namespace {@code default}, without credentials (so acting as {@code system:admin})
     * that impersonates the user, and the groups when any are given, as {@code kubectl --as --as-group} does;
     * {@code system:serviceaccount:<namespace>:<name>} impersonates a ServiceAccount. Closed with the API.
     */
    public synchronized KubernetesClient impersonatingClient(String user, String... groups) {
        Config config = baseConfig();
        config.setImpersonateUsername(user);
        if (groups.length > 0) {
            config.setImpersonateGroups(groups);
        }
        return remember(config);
    }

    private Config baseConfig() {
        return new ConfigBuilder(Config.empty())
                .withMasterUrl(url())
                .withNamespace("default")
                .build();
    }

    private KubernetesClient remember(Config config) {
        KubernetesClient created =
                new KubernetesClientBuilder().withConfig(config).build();
        otherClients.add(created);
        return created;
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
        otherClients.forEach(KubernetesClient::close);
        otherClients.clear();
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
