package dev.plumbline.cli.demo;

import dev.plumbline.cli.connect.KafkaClientSettings;
import dev.plumbline.cli.messaging.EventLog;
import dev.plumbline.cli.messaging.MissingTopicException;
import dev.plumbline.events.topic.Topics;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The running system as the story sees it from outside: the Kubernetes API (objects and Applications, as any user
 * with a kubeconfig), and the services' topics read without a consumer group.
 */
public final class LiveSystem implements AutoCloseable {

    public static final String APPLICATIONS_NAMESPACE = "plumbline";
    private static final String APPLICATION_API = "plumbline.dev/v1alpha1";

    private final Map<String, String> run;
    private final KubernetesClient cluster;
    private final EventLog events;

    public LiveSystem(Map<String, String> run) {
        this.run = Map.copyOf(run);
        try {
            this.cluster = new KubernetesClientBuilder()
                    .withConfig(Config.fromKubeconfig(
                            Files.readString(Path.of(require("KUBECONFIG")), StandardCharsets.UTF_8)))
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the kubeconfig " + run.get("KUBECONFIG"), e);
        }
        try {
            this.events = new EventLog(
                    KafkaClientSettings.from(this.run),
                    List.of(
                            Topics.COMMIT_EVENTS,
                            Topics.RENDERED_MANIFESTS,
                            Topics.APPLY_ACTIONS,
                            Topics.DRIFT_ALERTS,
                            Topics.IMAGE_EVENTS,
                            Topics.AUDIT));
        } catch (MissingTopicException e) {
            throw new DemoStepException(e.getMessage());
        }
    }

    public String require(String name) {
        String value = run.get(name);
        if (value == null || value.isBlank()) {
            throw new DemoStepException(name + " is not set in the run's environment");
        }
        return value;
    }

    /** A setting the run may lack (REGISTRY_URL without docker-registry). */
    public Optional<String> optional(String name) {
        return Optional.ofNullable(run.get(name)).filter(value -> !value.isBlank());
    }

    public ConfigRepository.GitServer gitServer() {
        List.of("GIT_SERVER_URL", "GIT_SERVER_ROOT", "GIT_USERNAME", "GIT_PASSWORD")
                .forEach(this::require);
        return ConfigRepository.GitServer.of(run);
    }

    public KubernetesClient cluster() {
        return cluster;
    }

    public EventLog events() {
        return events;
    }

    /** Creates or updates objects written as YAML, with the user's own field manager, as kubectl apply would. */
    public void apply(String yaml) {
        cluster.load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)))
                .serverSideApply();
    }

    public Optional<ApplicationView> application(String name) {
        GenericKubernetesResource resource = cluster.genericKubernetesResources(APPLICATION_API, "Application")
                .inNamespace(APPLICATIONS_NAMESPACE)
                .withName(name)
                .get();
        return Optional.ofNullable(resource).map(ApplicationView::of);
    }

    public Optional<ConfigMap> configMap(String namespace, String name) {
        return Optional.ofNullable(
                cluster.configMaps().inNamespace(namespace).withName(name).get());
    }

    /** The objects of one app in a namespace, found by the annotation the renderer puts on each. */
    public List<String> objectsOf(String app, String namespace) {
        Stream<HasMetadata> objects = Stream.of(
                        cluster.configMaps().inNamespace(namespace).list().getItems().stream()
                                .map(HasMetadata.class::cast),
                        cluster.apps().deployments().inNamespace(namespace).list().getItems().stream()
                                .map(HasMetadata.class::cast),
                        cluster.services().inNamespace(namespace).list().getItems().stream()
                                .map(HasMetadata.class::cast))
                .flatMap(s -> s);
        return objects.filter(o -> o.getMetadata().getAnnotations() != null
                        && app.equals(o.getMetadata().getAnnotations().get("plumbline.dev/app")))
                .map(o -> o.getKind() + " " + o.getMetadata().getName())
                .sorted()
                .toList();
    }

    /**
     * Changes a ConfigMap's key the way {@code kubectl edit} does: a merge patch under the field manager
     * {@code kubectl-edit}. Returns the object as the API server stored it.
     */
    public ConfigMap editByHand(String namespace, String name, String key, String value) {
        return cluster.configMaps()
                .inNamespace(namespace)
                .withName(name)
                .patch(
                        new PatchContext.Builder()
                                .withPatchType(PatchType.JSON_MERGE)
                                .withFieldManager("kubectl-edit")
                                .build(),
                        "{\"data\":{\"" + key + "\":\"" + value + "\"}}");
    }

    @Override
    public void close() {
        events.close();
        cluster.close();
    }
}
