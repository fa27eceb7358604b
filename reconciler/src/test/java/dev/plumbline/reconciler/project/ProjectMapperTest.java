package dev.plumbline.reconciler.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plumbline.events.project.KindPattern;
import dev.plumbline.events.project.ProjectDestination;
import dev.plumbline.events.project.ProjectPolicy;
import dev.plumbline.events.project.ServiceAccountRef;
import dev.plumbline.reconciler.testing.TestProjects;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class ProjectMapperTest {

    private static final String SSH_KEY = TestProjects.SSH_KEY;
    private static final String OPENPGP_KEY = TestProjects.OPENPGP_KEY;

    @Test
    void theIssuesExampleIsReadAsWritten() {
        Project project = new KubernetesSerialization().unmarshal(TestProjects.file("team-a.yaml"), Project.class);

        ProjectPolicy policy = ProjectMapper.toPolicy(project);

        assertThat(policy.name()).isEqualTo("team-a");
        assertThat(policy.found()).isTrue();
        assertThat(policy.sourceRepos()).containsExactly("http://127.0.0.1:*/team-a*.git");
        assertThat(policy.destinations()).containsExactly(ProjectDestination.of("team-a*"));
        assertThat(policy.clusterResources()).isEmpty();
        assertThat(policy.namespaceResources().allow()).isEmpty();
        assertThat(policy.namespaceResources().deny()).containsExactly(new KindPattern("apps", "DaemonSet"));
        assertThat(policy.serviceAccount()).isNull();
        assertThat(policy.requiresSignedCommits()).isFalse();
    }

    @Test
    void serviceAccountsAndSignatureKeysAreRead() {
        ProjectPolicy policy = ProjectMapper.toPolicy(project(spec -> {
            spec.serviceAccount = "deployer";
            ProjectSpecModel.Destination jobs = TestProjects.destination("team-a-jobs");
            jobs.serviceAccount = "team-a:job-runner";
            jobs.server = "https://kubernetes.default.svc";
            spec.destinations = List.of(jobs);
            spec.signatureKeys = List.of(SSH_KEY, OPENPGP_KEY);
        }));

        assertThat(policy.serviceAccount()).isEqualTo(new ServiceAccountRef(null, "deployer"));
        assertThat(policy.destinations().get(0).serviceAccount())
                .isEqualTo(new ServiceAccountRef("team-a", "job-runner"));
        assertThat(policy.signatureKeys()).containsExactly(SSH_KEY, OPENPGP_KEY.strip());
    }

    @Test
    void badGlobsAreRefusedNamingTheField() {
        refused(spec -> spec.sourceRepos = List.of("https://git.example.com/{a,b}.git"), "spec.sourceRepos[0]");
        refused(spec -> spec.sourceRepos = List.of(" "), "spec.sourceRepos[0] is empty");
        refused(
                spec -> spec.destinations = List.of(TestProjects.destination("Team A")),
                "spec.destinations[0]" + ".namespace");
        refused(
                spec -> spec.destinations = List.of(TestProjects.destination("team_a")),
                "spec.destinations[0]" + ".namespace must be a namespace name or a glob");
        refused(
                spec -> spec.clusterResources = List.of(TestProjects.kind("rbac", "Cluster Role")),
                "spec.clusterResources[0].kind");
        refused(
                spec -> spec.clusterResources = List.of(TestProjects.kind("rbac", null)),
                "spec.clusterResources[0].kind is required");
        refused(
                spec -> {
                    spec.namespaceResources = new ProjectSpecModel.NamespaceResources();
                    spec.namespaceResources.deny = List.of(TestProjects.kind("Apps/V1", "DaemonSet"));
                },
                "spec.namespaceResources.deny[0].group");
    }

    @Test
    void aServiceAccountThatIsNotNameOrNamespaceNameIsRefusedNamingTheField() {
        refused(spec -> spec.serviceAccount = "a:b:c", "spec.serviceAccount must be NAME");
        refused(spec -> spec.serviceAccount = ":deployer", "spec.serviceAccount must be NAME");
        refused(
                spec -> spec.serviceAccount = "Deployer",
                "spec.serviceAccount must be NAME or NAMESPACE:NAME with" + " Kubernetes names");
        refused(
                spec -> {
                    ProjectSpecModel.Destination destination = TestProjects.destination("team-a");
                    destination.serviceAccount = "team a:deployer";
                    spec.destinations = List.of(destination);
                },
                "spec.destinations[0].serviceAccount");
    }

    @Test
    void aSignatureKeyThatIsNotAPublicKeyIsRefusedNamingTheFieldAndWhatToGive() {
        refused(
                spec -> spec.signatureKeys = List.of("AAAAC3NzaC1lZDI1NTE5AAAAIB3a"),
                "spec.signatureKeys[0] is neither an SSH public key line");
        refused(
                spec -> spec.signatureKeys = List.of(SSH_KEY.replace("ssh-ed25519", "ssh-rsa")),
                "spec.signatureKeys[0] says it is a ssh-rsa key but holds a ssh-ed25519 key");
        refused(spec -> spec.signatureKeys = List.of(SSH_KEY.substring(0, 40)), "is cut short");
        refused(spec -> spec.signatureKeys = List.of("ssh-ed25519 not*base64"), "is not base64");
        refused(
                spec -> spec.signatureKeys = List.of(SSH_KEY, OPENPGP_KEY.replace("mDMEaxb0", "mDMEaxb1")),
                "spec.signatureKeys[1] is an OpenPGP public key block whose checksum does not match");
        refused(
                spec -> spec.signatureKeys = List.of(OPENPGP_KEY.replace("-----END PGP PUBLIC KEY BLOCK-----", "")),
                "without its last line");
        refused(
                spec -> spec.signatureKeys =
                        List.of("-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjE=\n-----END OPENSSH PRIVATE"
                                + " KEY-----"),
                "spec.signatureKeys[0] is a private key: never put one in a Project");
    }

    @Test
    void aServerOtherThanTheClusterPlumblineRunsInIsRefusedAsReserved() {
        refused(
                spec -> {
                    ProjectSpecModel.Destination elsewhere = TestProjects.destination("team-a");
                    elsewhere.server = "https://prod.example.com:6443";
                    spec.destinations = List.of(elsewhere);
                },
                "spec.destinations[0].server is reserved for other clusters");
    }

    @Test
    void aProjectWithoutSpecIsRefused() {
        Project empty = TestProjects.project("empty", null);

        assertThatThrownBy(() -> ProjectMapper.toPolicy(empty)).hasMessageContaining("spec is missing");
    }

    private static void refused(Consumer<ProjectSpecModel> change, String message) {
        Project project = project(change);
        assertThatThrownBy(() -> ProjectMapper.toPolicy(project))
                .isInstanceOf(InvalidProjectException.class)
                .hasMessageContaining(message);
    }

    private static Project project(Consumer<ProjectSpecModel> change) {
        ProjectSpecModel spec = new ProjectSpecModel();
        spec.sourceRepos = List.of("https://git.example.com/team-a/*");
        spec.destinations = List.of(TestProjects.destination("team-a"));
        change.accept(spec);
        return TestProjects.project("team-a", spec);
    }
}
