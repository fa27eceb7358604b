package dev.plumbline.cli.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.plumbline.cli.connect.CommandFailedException;
import dev.plumbline.cli.connect.RunEnvironment;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientTimeoutException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The Application resources, read and annotated through the Kubernetes API with the user's own credentials, so that
 * the API server's audit log names who paused or asked for a sync. Read as JSON trees: the CLI needs no more of the
 * reconciler's model than the fields it prints.
 */
public final class Applications implements AutoCloseable {

    static final ResourceDefinitionContext APPLICATION = new ResourceDefinitionContext.Builder()
            .withGroup("plumbline.dev")
            .withVersion("v1alpha1")
            .withKind("Application")
            .withPlural("applications")
            .withNamespaced(true)
            .build();

    private static final ObjectMapper JSON = new ObjectMapper();

    private final KubernetesClient client;
    private final String namespace;

    public Applications(RunEnvironment environment) {
        this.client = environment.kubernetesClient();
        this.namespace = environment.namespace();
    }

    String namespace() {
        return namespace;
    }

    public List<JsonNode> list() {
        return client.genericKubernetesResources(APPLICATION).inNamespace(namespace).list().getItems().stream()
                .map(Applications::tree)
                .sorted(Comparator.comparing(
                        app -> app.path("metadata").path("name").asText()))
                .toList();
    }

    /** @throws CommandFailedException when there is no such Application */
    JsonNode get(String name) {
        GenericKubernetesResource resource = client.genericKubernetesResources(APPLICATION)
                .inNamespace(namespace)
                .withName(name)
                .get();
        if (resource == null) {
            throw new CommandFailedException(
                    "no application " + name + " in namespace " + namespace + " (see: plumb app list)");
        }
        return tree(resource);
    }

    /** Sets (a value) or removes (null) annotations in one merge patch, and returns the Application as patched. */
    JsonNode annotate(String name, Map<String, String> annotations) {
        get(name);
        ObjectNode patch = JSON.createObjectNode();
        ObjectNode values = patch.putObject("metadata").putObject("annotations");
        annotations.forEach(values::put);
        return tree(client.genericKubernetesResources(APPLICATION)
                .inNamespace(namespace)
                .withName(name)
                .patch(PatchContext.of(PatchType.JSON_MERGE), patch.toString()));
    }

    /** The Application once it satisfies {@code condition}, watched rather than polled; null after {@code timeout}. */
    JsonNode awaitStatus(String name, Duration timeout, Predicate<JsonNode> condition) {
        try {
            return tree(client.genericKubernetesResources(APPLICATION)
                    .inNamespace(namespace)
                    .withName(name)
                    .waitUntilCondition(
                            app -> app != null && condition.test(tree(app)),
                            timeout.toMillis(),
                            TimeUnit.MILLISECONDS));
        } catch (KubernetesClientTimeoutException timedOut) {
            return null;
        }
    }

    private static JsonNode tree(GenericKubernetesResource resource) {
        return JSON.valueToTree(resource);
    }

    @Override
    public void close() {
        client.close();
    }
}
