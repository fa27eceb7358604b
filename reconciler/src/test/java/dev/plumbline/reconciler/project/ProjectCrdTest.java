package dev.plumbline.reconciler.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plumbline.events.project.KindPattern;
import dev.plumbline.reconciler.testing.ApplicationsCluster;
import dev.plumbline.reconciler.testing.TestProjects;
import dev.plumbline.sandbox.kube.EmbeddedKubeApi;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.FieldValidateable.Validation;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ProjectCrdTest {

    private static final String GENERATED = "target/classes/META-INF/fabric8/projects.plumbline.dev-v1.yml";
    private static final String IN_DEPLOY = "../deploy/base/crds/projects.plumbline.dev.yaml";

    private static EmbeddedKubeApi api;

    @BeforeAll
    static void installTheCrd() throws Exception {
        api = new EmbeddedKubeApi().start();
        try (InputStream crd = Files.newInputStream(Path.of(ApplicationsCluster.PROJECT_CRD))) {
            api.client()
                    .resource(api.client().getKubernetesSerialization().unmarshal(crd, CustomResourceDefinition.class))
                    .create();
        }
        api.client()
                .namespaces()
                .resource(new NamespaceBuilder()
                        .withNewMetadata()
                        .withName("plumbline")
                        .endMetadata()
                        .build())
                .create();
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    void theCommittedCrdIsTheOneGeneratedFromTheJavaModelAndDeployCarriesIt() throws Exception {
        String committed = Files.readString(Path.of(ApplicationsCluster.PROJECT_CRD));
        assertThat(committed)
                .as("copy " + GENERATED + " to src/main/kubernetes/")
                .isEqualTo(Files.readString(Path.of(GENERATED)));
        assertThat(Files.readString(Path.of(IN_DEPLOY)))
                .as("copy " + ApplicationsCluster.PROJECT_CRD + " to " + IN_DEPLOY)
                .isEqualTo(committed);
        assertThat(Files.readString(Path.of("../deploy/base/kustomization.yaml")))
                .contains("crds/projects.plumbline.dev.yaml");
    }

    @Test
    void theCrdIsANamespacedProjectAtV1alpha1() throws Exception {
        assertThat(Files.readString(Path.of(ApplicationsCluster.PROJECT_CRD)))
                .contains(
                        "name: \"projects.plumbline.dev\"",
                        "kind: \"Project\"",
                        "plural: \"projects\"",
                        "scope: \"Namespaced\"",
                        "name: \"v1alpha1\"",
                        "sourceRepos",
                        "destinations",
                        "clusterResources",
                        "namespaceResources",
                        "serviceAccount",
                        "signatureKeys")
                .doesNotContain("syncWindows");
    }

    @Test
    void theIssuesExampleIsAcceptedAsWrittenWithStrictFieldValidation() {
        api.client()
                .resource(TestProjects.file("team-a.yaml"))
                .fieldValidation(Validation.STRICT)
                .create();

        Project stored = api.client()
                .resources(Project.class)
                .inNamespace("plumbline")
                .withName("team-a")
                .get();

        assertThat(ProjectMapper.toPolicy(stored).namespaceResources().deny())
                .containsExactly(new KindPattern("apps", "DaemonSet"));
    }

    @Test
    void aFieldTheSchemaDoesNotHaveIsRefusedWithStrictFieldValidation() {
        String misspelt = TestProjects.file("team-a.yaml")
                .replace("name: team-a", "name: team-a-misspelt")
                .replace("sourceRepos:", "sourceRepo:");

        assertThatThrownBy(() -> api.client()
                        .resource(misspelt)
                        .fieldValidation(Validation.STRICT)
                        .create())
                .isInstanceOf(KubernetesClientException.class)
                .hasMessageContaining("sourceRepo");
    }
}
