package dev.plumbline.cli.project;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.plumbline.cli.connect.CommandFailedException;
import dev.plumbline.cli.connect.RunEnvironment;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.net.HttpURLConnection;
import java.util.Comparator;
import java.util.List;

/**
 * The Project resources in Plumbline's namespace, read through the Kubernetes API with the user's own credentials
 * (tenants may read them, only administrators write them). Read as JSON trees, as the Applications are.
 */
final class Projects implements AutoCloseable {

    static final ResourceDefinitionContext PROJECT = new ResourceDefinitionContext.Builder()
            .withGroup("plumbline.dev")
            .withVersion("v1alpha1")
            .withKind("Project")
            .withPlural("projects")
            .withNamespaced(true)
            .build();

    /** The project an Application names when its {@code spec.project} is empty. */
    static final String DEFAULT_PROJECT = "default";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final KubernetesClient client;
    private final String namespace;

    Projects(RunEnvironment environment) {
        this.client = environment.kubernetesClient();
        this.namespace = environment.namespace();
    }

    String namespace() {
        return namespace;
    }

    /** @throws CommandFailedException when the cluster does not know Projects (their CRD is not installed) */
    List<JsonNode> list() {
        try {
            return client.genericKubernetesResources(PROJECT).inNamespace(namespace).list().getItems().stream()
                    .map(Projects::tree)
                    .sorted(Comparator.comparing(
                            project -> project.path("metadata").path("name").asText()))
                    .toList();
        } catch (KubernetesClientException notServed) {
            throw notServed.getCode() == HttpURLConnection.HTTP_NOT_FOUND ? crdMissing() : notServed;
        }
    }

    /** @throws CommandFailedException when there is no such Project */
    JsonNode get(String name) {
        GenericKubernetesResource resource;
        try {
            resource = client.genericKubernetesResources(PROJECT)
                    .inNamespace(namespace)
                    .withName(name)
                    .get();
        } catch (KubernetesClientException notServed) {
            throw notServed.getCode() == HttpURLConnection.HTTP_NOT_FOUND ? crdMissing() : notServed;
        }
        if (resource == null) {
            throw new CommandFailedException(
                    "no project " + name + " in namespace " + namespace + " (see: plumb project list)");
        }
        return tree(resource);
    }

    /** The project an Application names: its {@code spec.project}, or {@code default}. */
    static String projectOf(JsonNode app) {
        String named = app.path("spec").path("project").asText("");
        return named.isBlank() ? DEFAULT_PROJECT : named;
    }

    private CommandFailedException crdMissing() {
        return new CommandFailedException("the cluster serves no Projects (projects.plumbline.dev): install their CRD"
                + " (kubectl apply -k deploy/base) or point KUBECONFIG at the cluster Plumbline runs in");
    }

    private static JsonNode tree(GenericKubernetesResource resource) {
        return JSON.valueToTree(resource);
    }

    @Override
    public void close() {
        client.close();
    }
}
