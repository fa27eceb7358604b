package dev.plumbline.cli.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.plumbline.sandbox.kube.EmbeddedKubeApi;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The embedded Kubernetes API readied as {@code plumb up} readies it (the Application CRD, namespace
 * {@code plumbline}), with Applications written as a person (spec) and the reconciler (status) would.
 */
public final class SandboxApplications implements AutoCloseable {

    public static final String NAMESPACE = "plumbline";
    private static final Path CRD =
            Path.of("..", "reconciler", "src", "main", "kubernetes", "applications.plumbline.dev-v1.yml");
    private static final ResourceDefinitionContext APPLICATION = new ResourceDefinitionContext.Builder()
            .withGroup("plumbline.dev")
            .withVersion("v1alpha1")
            .withKind("Application")
            .withPlural("applications")
            .withNamespaced(true)
            .build();
    /** The Project CRD as deploy/ ships it; the test resource of the same names and scope where it is absent. */
    private static final Path PROJECT_CRD = Path.of("..", "deploy", "base", "crds", "projects.plumbline.dev.yaml");

    private static final ResourceDefinitionContext PROJECT = new ResourceDefinitionContext.Builder()
            .withGroup("plumbline.dev")
            .withVersion("v1alpha1")
            .withKind("Project")
            .withPlural("projects")
            .withNamespaced(true)
            .build();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final EmbeddedKubeApi api = new EmbeddedKubeApi().start();
    private final Path kubeconfig;

    public SandboxApplications(Path folder) {
        kubeconfig = api.writeKubeconfig(folder.resolve("kubeconfig"));
        try (InputStream crd = Files.newInputStream(CRD)) {
            client().load(crd).serverSideApply();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        client().namespaces()
                .resource(new NamespaceBuilder()
                        .withNewMetadata()
                        .withName(NAMESPACE)
                        .endMetadata()
                        .build())
                .serverSideApply();
    }

    /** Installs the Project CRD, as an installation of Plumbline does. */
    public SandboxApplications withProjects() {
        try (InputStream crd = Files.newInputStream(PROJECT_CRD)) {
            client().load(crd).serverSideApply();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** Creates a Project in Plumbline's namespace from its spec (YAML or JSON), as an administrator would. */
    public void createProject(String name, String specYaml) {
        try {
            GenericKubernetesResource project = new GenericKubernetesResource();
            project.setApiVersion("plumbline.dev/v1alpha1");
            project.setKind("Project");
            project.setMetadata(new io.fabric8.kubernetes.api.model.ObjectMetaBuilder()
                    .withName(name)
                    .withNamespace(NAMESPACE)
                    .build());
            project.setAdditionalProperty("spec", YAML.readValue(specYaml, Map.class));
            client().genericKubernetesResources(PROJECT)
                    .inNamespace(NAMESPACE)
                    .resource(project)
                    .create();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public KubernetesClient client() {
        return api.client();
    }

    /** The settings {@code plumb} reads, as {@code plumb up} writes them, for this cluster. */
    public Map<String, String> environment() {
        return Map.of("KUBECONFIG", kubeconfig.toString());
    }

    /** Creates an Application from its spec (YAML or JSON) and, when given, sets its status as the reconciler would. */
    public void create(String name, String specJson, String statusJson) {
        try {
            GenericKubernetesResource app = new GenericKubernetesResource();
            app.setApiVersion("plumbline.dev/v1alpha1");
            app.setKind("Application");
            app.setMetadata(new io.fabric8.kubernetes.api.model.ObjectMetaBuilder()
                    .withName(name)
                    .withNamespace(NAMESPACE)
                    .build());
            app.setAdditionalProperty("spec", JSON.readValue(specJson, Map.class));
            GenericKubernetesResource created = client().genericKubernetesResources(APPLICATION)
                    .inNamespace(NAMESPACE)
                    .resource(app)
                    .create();
            if (statusJson != null) {
                setStatus(created, statusJson);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Replaces the status, as the reconciler's StatusWriter does. */
    public void setStatus(String name, String statusJson) {
        setStatus(get(name), statusJson);
    }

    private void setStatus(GenericKubernetesResource app, String statusJson) {
        try {
            app.setAdditionalProperty("status", JSON.readValue(statusJson, Map.class));
            client().genericKubernetesResources(APPLICATION)
                    .inNamespace(NAMESPACE)
                    .resource(app)
                    .updateStatus();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public GenericKubernetesResource get(String name) {
        return client().genericKubernetesResources(APPLICATION)
                .inNamespace(NAMESPACE)
                .withName(name)
                .get();
    }

    public Map<String, String> annotations(String name) {
        Map<String, String> annotations = get(name).getMetadata().getAnnotations();
        return annotations == null ? Map.of() : annotations;
    }

    @Override
    public void close() {
        api.close();
    }
}
