package dev.plumbline.cli.run;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Readies the embedded Kubernetes API the way an operator readies a real cluster before Plumbline runs: the
 * Application and Project CRDs installed, the namespace Applications live in created, and what deploy/ installs
 * with every Plumbline (the deployer roles and the default project), with the default project's ServiceAccount bound
 * in its namespace {@code demo}. A real cluster given with {@code --kubeconfig} is left alone: that is the operator's
 * deploy/ to do; the system tests ready the throwaway cluster they run on the same way (docs/testing.md).
 */
public final class SandboxCluster {

    static final String APPLICATIONS_NAMESPACE = "plumbline";
    static final String DEMO_NAMESPACE = "demo";

    private SandboxCluster() {}

    static void prepare(RunLayout layout) {
        prepare(layout, layout.kubeconfig());
    }

    /**
     * Readies the cluster {@code kubeconfig} names, with the CRDs and default project of {@code layout}'s checkout.
     * The file is read where it lies, so that the paths it names (client certificates) resolve as kubectl resolves
     * them.
     */
    public static void prepare(RunLayout layout, Path kubeconfig) {
        Path current = layout.applicationCrd();
        try (KubernetesClient client = new KubernetesClientBuilder()
                .withConfig(Config.fromKubeconfig(kubeconfig.toFile()))
                .build()) {
            apply(client, current);
            current = layout.projectCrd();
            apply(client, current);
            namespace(client, APPLICATIONS_NAMESPACE);
            namespace(client, DEMO_NAMESPACE);
            for (Path file : layout.defaultProject()) {
                current = file;
                try (InputStream objects = Files.newInputStream(file)) {
                    client.load(objects).inNamespace(APPLICATIONS_NAMESPACE).serverSideApply();
                }
            }
            client.rbac()
                    .roleBindings()
                    .inNamespace(DEMO_NAMESPACE)
                    .resource(new RoleBindingBuilder()
                            .withNewMetadata()
                            .withName("plumbline-default-deployer")
                            .endMetadata()
                            .withNewRoleRef("rbac.authorization.k8s.io", "ClusterRole", "plumbline-deployer")
                            .addNewSubject()
                            .withKind("ServiceAccount")
                            .withName("default-deployer")
                            .withNamespace(APPLICATIONS_NAMESPACE)
                            .endSubject()
                            .build())
                    .serverSideApply();
        } catch (IOException | KubernetesClientException e) {
            throw new ComponentFailedException(
                    "cannot prepare the Kubernetes API of " + kubeconfig + " (" + current + "): " + e.getMessage());
        }
    }

    private static void apply(KubernetesClient client, Path file) throws IOException {
        try (InputStream objects = Files.newInputStream(file)) {
            client.load(objects).serverSideApply();
        }
    }

    private static void namespace(KubernetesClient client, String name) {
        client.namespaces()
                .resource(new NamespaceBuilder()
                        .withNewMetadata()
                        .withName(name)
                        .endMetadata()
                        .build())
                .serverSideApply();
    }
}
