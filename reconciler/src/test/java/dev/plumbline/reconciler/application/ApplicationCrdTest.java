package dev.plumbline.reconciler.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ApplicationCrdTest {

    @Test
    void theCommittedCrdIsTheOneGeneratedFromTheJavaModel() throws Exception {
        String generated =
                Files.readString(Path.of("target/classes/META-INF/fabric8/applications.plumbline.dev-v1.yml"));
        String committed = Files.readString(Path.of("src/main/kubernetes/applications.plumbline.dev-v1.yml"));
        assertThat(committed)
                .as("copy target/classes/META-INF/fabric8/applications.plumbline.dev-v1.yml to src/main/kubernetes/")
                .isEqualTo(generated);
    }

    @Test
    void theCrdIsNamespacedAtV1alpha1WithAStatusSubresource() throws Exception {
        String crd = Files.readString(Path.of("src/main/kubernetes/applications.plumbline.dev-v1.yml"));
        assertThat(crd)
                .contains(
                        "name: \"applications.plumbline.dev\"",
                        "scope: \"Namespaced\"",
                        "name: \"v1alpha1\"",
                        "status: {}",
                        "repoURL",
                        "project:",
                        "default: \"default\"",
                        "jsonPath: \".spec.project\"",
                        "selfHealPause",
                        "history",
                        "conditions",
                        "ignoreDifferences",
                        "notifications",
                        "driftMode");
        assertThat(crd)
                .as("an Application's limits are its project's to say")
                .doesNotContain("allowedNamespaces", "allowedClusterKinds");
    }
}
