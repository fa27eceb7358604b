package dev.plumbline.imageupdater.testing;

import dev.plumbline.sandbox.git.BasicCredentials;
import dev.plumbline.sandbox.git.GitServer;
import dev.plumbline.sandbox.registry.ImagePusher;
import dev.plumbline.sandbox.registry.SandboxRegistry;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;

/**
 * The real parts a promotion goes through: the sandbox Git server (with its Gitea-compatible pull-request API) holding
 * a config repository whose {@code apps/web} pins {@code web:1.2.3}, and the distribution registry holding that image
 * and, once the test names the service's port ({@link #notifyTo}), notifying the service of every push.
 */
public class PromotionStack implements QuarkusTestResourceLifecycleManager {

    public static final String WEBHOOK_SECRET = "registry notification secret";
    public static final String PROMOTE_TOKEN = "ci promote token";
    public static final String OPS_TOKEN = "ops token for every app";
    public static final BasicCredentials WRITER = new BasicCredentials("plumbline", "git write password");
    public static final String APP_PATH = "apps/web";

    private static GitServer git;
    private static SandboxRegistry registry;
    private static Path registryStorage;
    private static int registryPort;
    private static URI notifyUrl;
    private static String baseDigest;

    @Override
    public Map<String, String> start() {
        try {
            git = new GitServer(Files.createTempDirectory("plumbline-config-repos"), WRITER).start();
            git.createBareRepository("shop/deploy");
            registryStorage = Files.createTempDirectory("plumbline-registry");
            registryPort = freePort();
            startRegistry();
            baseDigest = push("1.2.3");
            seedConfigRepository();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> settings = new HashMap<>();
        settings.put("plumbline.write-credentials.sandbox.url", git.url());
        settings.put("plumbline.write-credentials.sandbox.username", WRITER.username());
        settings.put("plumbline.write-credentials.sandbox.password", WRITER.password());
        settings.put("plumbline.write-credentials.sandbox.host", "gitea");
        settings.put("plumbline.write-credentials.sandbox.api-url", git.url() + "/api/v1");
        settings.put("plumbline.write-credentials.sandbox.project", "shop/deploy");
        settings.put("plumbline.registries.sandbox.registry", "127.0.0.1:" + registryPort);
        settings.put("plumbline.registries.sandbox.plain-http", "true");
        settings.put("plumbline.registry-webhook.distribution.secret", WEBHOOK_SECRET);
        settings.put("plumbline.promote-tokens.ci.token", PROMOTE_TOKEN);
        settings.put("plumbline.promote-tokens.ci.apps", "web");
        settings.put("plumbline.promote-tokens.ops.token", OPS_TOKEN);
        settings.put("plumbline.promote-tokens.ops.apps", "*");
        // registry notifications are the only nudge, so the test sees them work; polling has the pure tests
        settings.put("plumbline.image-updater.poll-interval", "1h");
        settings.put("plumbline.image-updater.backoff-initial", "1s");
        settings.put("plumbline.image-updater.backoff-max", "2s");
        return settings;
    }

    @Override
    public void stop() {
        if (registry != null) {
            registry.close();
        }
        if (git != null) {
            git.close();
        }
    }

    public static String repository() {
        return "127.0.0.1:" + registryPort + "/shop/web";
    }

    public static String configRepoUrl() {
        return git.repositoryUrl("shop/deploy");
    }

    public static String gitApi() {
        return git.url() + "/api/v1/repos/shop/deploy";
    }

    public static Path bareRepository() {
        return git.root().resolve("shop/deploy.git");
    }

    public static String baseDigest() {
        return baseDigest;
    }

    /** Pushes {@code web:tag} to the registry; returns its digest. */
    public static String push(String tag) {
        return new ImagePusher().push(repository(), tag, "rev-" + tag, "https://git.example/shop/web");
    }

    public static int registryPort() {
        return registryPort;
    }

    public static void stopRegistry() {
        registry.close();
        registry = null;
    }

    /** Restarts the registry (same port, same images) to notify the service listening on {@code port}. */
    public static void notifyTo(int port) {
        // the service under test listens on "localhost", which may be ::1 only
        URI url = URI.create("http://localhost:" + port + "/api/registry-webhooks/distribution");
        if (!url.equals(notifyUrl)) {
            notifyUrl = url;
            stopRegistry();
            startRegistry();
        }
    }

    public static void startRegistry() {
        SandboxRegistry.Builder builder =
                SandboxRegistry.builder().storage(registryStorage).port(registryPort);
        if (notifyUrl != null) {
            builder.notify(notifyUrl, Map.of("Authorization", "Bearer " + WEBHOOK_SECRET));
        }
        registry = builder.start();
    }

    private static void seedConfigRepository() throws IOException {
        Path work = Files.createTempDirectory("plumbline-config-seed");
        Files.createDirectories(work.resolve(APP_PATH));
        Files.writeString(
                work.resolve(APP_PATH + "/kustomization.yaml"),
                """
                apiVersion: kustomize.config.k8s.io/v1beta1
                kind: Kustomization
                resources:
                  - deployment.yaml
                images:
                  - name: %s
                    newTag: 1.2.3
                    digest: %s
                """.formatted(repository(), baseDigest),
                StandardCharsets.UTF_8);
        try (Git seed =
                Git.init().setDirectory(work.toFile()).setInitialBranch("main").call()) {
            seed.add().addFilepattern(".").call();
            seed.commit()
                    .setMessage("web runs 1.2.3")
                    .setAuthor("Dev", "dev@example.com")
                    .setSign(false)
                    .call();
            seed.push()
                    .setRemote(configRepoUrl())
                    .setCredentialsProvider(
                            new UsernamePasswordCredentialsProvider(WRITER.username(), WRITER.password()))
                    .setRefSpecs(new RefSpec("refs/heads/main:refs/heads/main"))
                    .call();
        } catch (GitAPIException e) {
            throw new IllegalStateException("cannot seed the config repository: " + e.getMessage(), e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
