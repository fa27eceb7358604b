package dev.plumbline.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import java.nio.file.Files;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The base installs the Application CRD that the reconciler generates from its Java model. Kustomize loads only
 * files under the kustomization, so the base keeps a copy; this test keeps the copy equal to the reconciler's.
 */
class ApplicationCrdTest {

    static final String GENERATED = "reconciler/src/main/kubernetes/applications.plumbline.dev-v1.yml";
    static final String IN_BASE = "deploy/base/crds/applications.plumbline.dev.yaml";

    @Test
    void theBaseCarriesTheReconcilersApplicationCrdUnchanged() {
        Assumptions.assumeTrue(
                Files.isRegularFile(Repo.path(GENERATED)),
                "the reconciler has no generated CRD yet (" + GENERATED + "): nothing to carry (skipped)");

        assertThat(Repo.read(IN_BASE))
                .as("copy " + GENERATED + " to " + IN_BASE)
                .isEqualTo(Repo.read(GENERATED));
        assertThat(Repo.read("deploy/base/kustomization.yaml")).contains("crds/applications.plumbline.dev.yaml");
    }

    @Test
    void everyOverlayInstallsTheApplicationCrdWhoseResourcesTheRolesName() {
        Assumptions.assumeTrue(
                Files.isRegularFile(Repo.path(IN_BASE)),
                "the base carries no Application CRD yet (" + IN_BASE + ") (skipped)");
        for (Overlay overlay : Overlay.values()) {
            CustomResourceDefinition crd = overlay.render()
                    .typed("CustomResourceDefinition", "applications.plumbline.dev", CustomResourceDefinition.class);

            assertThat(crd.getSpec().getGroup()).isEqualTo("plumbline.dev");
            assertThat(crd.getSpec().getNames().getPlural()).isEqualTo("applications");
            assertThat(crd.getSpec().getScope()).isEqualTo("Namespaced");
            assertThat(crd.getSpec().getVersions())
                    .allSatisfy(version -> assertThat(version.getSubresources().getStatus())
                            .as("a status subresource")
                            .isNotNull());
        }
    }
}
