package dev.plumbline.cli.run;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Readies the embedded Kubernetes API the way an operator readies a real cluster before Plumbline runs: the
 * Application CRD installed and the namespace Applications live in created. A real cluster given with
 * {@code --kubeconfig} is left alone: that is the operator's deploy/ to do.
 */
final class SandboxCluster {

    static final String APPLICATIONS_NAMESPACE = "plumbline";

    private SandboxCluster() {}

    static void prepare(Path kubeconfig, Path applicationCrd) {
        try (KubernetesClient client = new KubernetesClientBuilder()
                        .withConfig(Config.fromKubeconfig(Files.readString(kubeconfig, StandardCharsets.UTF_8)))
                        .build();
                InputStream crd = Files.newInputStream(applicationCrd)) {
            client.load(crd).serverSideApply();
            client.namespaces()
                    .resource(new NamespaceBuilder()
                            .withNewMetadata()
                            .withName(APPLICATIONS_NAMESPACE)
                            .endMetadata()
                            .build())
                    .serverSideApply();
        } catch (IOException | KubernetesClientException e) {
            throw new ComponentFailedException(
                    "cannot prepare the embedded Kubernetes API (" + applicationCrd + "): " + e.getMessage());
        }
    }
}
