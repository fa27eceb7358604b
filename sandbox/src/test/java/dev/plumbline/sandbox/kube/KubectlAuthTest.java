package dev.plumbline.sandbox.kube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * RBAC and impersonation as the real kubectl sees them: {@code auth can-i}, {@code auth whoami}, {@code --as},
 * and the errors it prints for a 403. (kubectl sends bearer tokens over TLS only, so tokens are not tried here.)
 * Skipped when no kubectl is on the PATH.
 */
class KubectlAuthTest {

    private static final String DEPLOYER = "system:serviceaccount:team-a:deployer";

    @TempDir
    static Path work;

    private static EmbeddedKubeApi api;
    private static Kubectl kubectl;

    @BeforeAll
    static void start() {
        var executable = Kubectl.onPath();
        assumeTrue(executable.isPresent(), "no kubectl on the PATH; skipping the kubectl auth tests");
        api = new EmbeddedKubeApi()
                .withToken("alice-token", "alice", "developers")
                .start();
        kubectl = new Kubectl(executable.get(), api.writeKubeconfig(work.resolve("kubeconfig")), work);
        kubectl.run("create", "namespace", "team-a").succeeded();
        kubectl.run("create", "namespace", "team-b").succeeded();
        kubectl.run(
                        "create",
                        "role",
                        "deployer",
                        "-n",
                        "team-a",
                        "--verb=create,patch,get,list,watch",
                        "--resource=configmaps")
                .succeeded();
        kubectl.run(
                        "create",
                        "rolebinding",
                        "deployer",
                        "-n",
                        "team-a",
                        "--role=deployer",
                        "--serviceaccount=team-a:deployer")
                .succeeded();
    }

    @AfterAll
    static void stop() {
        if (api != null) {
            api.close();
        }
    }

    @Test
    void authCanIAnswersForTheImpersonatedServiceAccount() {
        Kubectl.Run delete = kubectl.run("auth", "can-i", "delete", "configmaps", "-n", "team-a", "--as", DEPLOYER);
        assertThat(delete.stdout().strip()).isEqualTo("no");
        assertThat(delete.exitCode()).isEqualTo(1);
        Kubectl.Run create = kubectl.run("auth", "can-i", "create", "configmaps", "-n", "team-a", "--as", DEPLOYER);
        assertThat(create.stdout().strip()).isEqualTo("yes");
        assertThat(create.exitCode()).isZero();
        assertThat(kubectl.run("auth", "can-i", "create", "configmaps", "-n", "team-b", "--as", DEPLOYER)
                        .stdout()
                        .strip())
                .isEqualTo("no");
    }

    @Test
    void authCanIListShowsTheRulesOfTheNamespace() {
        String rules = kubectl.run("auth", "can-i", "--list", "-n", "team-a", "--as", DEPLOYER)
                .succeeded()
                .stdout();
        assertThat(rules).containsPattern("configmaps\\s+\\[\\]\\s+\\[\\]\\s+\\[create patch get list watch\\]");
        assertThat(rules).contains("selfsubjectaccessreviews.authorization.k8s.io");
    }

    @Test
    void aDeniedCommandPrintsKubernetesForbiddenError() throws IOException {
        kubectl.run("create", "configmap", "settings", "-n", "team-a", "--from-literal=color=blue", "--as", DEPLOYER)
                .succeeded();
        Kubectl.Run delete = kubectl.run("delete", "configmap", "settings", "-n", "team-a", "--as", DEPLOYER);
        assertThat(delete.exitCode()).isNotZero();
        assertThat(delete.stderr())
                .contains("Error from server (Forbidden): configmaps \"settings\" is forbidden: User "
                        + "\"system:serviceaccount:team-a:deployer\" cannot delete resource \"configmaps\" in API group "
                        + "\"\" in the namespace \"team-a\"");

        Path manifest = Files.writeString(work.resolve("settings.yaml"), """
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: settings, namespace: team-b}
                data: {color: red}
                """);
        Kubectl.Run apply = kubectl.run("apply", "--server-side", "-f", manifest.toString(), "--as", DEPLOYER);
        assertThat(apply.exitCode()).isNotZero();
        assertThat(apply.stderr())
                .contains("configmaps \"settings\" is forbidden: User \"system:serviceaccount:team-a:deployer\" cannot "
                        + "patch resource \"configmaps\" in API group \"\" in the namespace \"team-b\"");
    }

    @Test
    void authWhoamiShowsTheImpersonatedUserAndItsGroups() {
        String whoami =
                kubectl.run("auth", "whoami", "--as", DEPLOYER).succeeded().stdout();
        assertThat(whoami)
                .contains(DEPLOYER)
                .contains("[system:serviceaccounts system:serviceaccounts:team-a system:authenticated]");
    }

    @Test
    void anotherUserAndItsGroupsAreImpersonatedWithAsAndAsGroup() {
        assertThat(kubectl.run("auth", "whoami", "--as", "alice", "--as-group", "developers")
                        .succeeded()
                        .stdout())
                .contains("alice")
                .contains("[developers system:authenticated]");
        Kubectl.Run list = kubectl.run("get", "configmaps", "-n", "team-a", "--as", "alice");
        assertThat(list.exitCode()).isNotZero();
        assertThat(list.stderr())
                .contains("Error from server (Forbidden): configmaps is forbidden: User \"alice\" cannot list resource "
                        + "\"configmaps\" in API group \"\" in the namespace \"team-a\"");
    }
}
