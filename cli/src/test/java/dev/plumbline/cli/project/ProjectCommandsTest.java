package dev.plumbline.cli.project;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plumbline.cli.testing.Plumb;
import dev.plumbline.cli.testing.SandboxApplications;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code plumb project} and the project in {@code plumb app get}, against the sandbox Kubernetes API, Kafka away. */
class ProjectCommandsTest {

    static final String ANAS_SSH_KEY =
            "ssh-ed25519 " + "AAAAC3NzaC1lZDI1NTE5AAAAIHnbp1EaO7c22/Yz/QXgV/OIwCXH8pm3a5NyBesQKYj+ ana@example.com";
    static final String BENS_OPENPGP_KEY = """
            -----BEGIN PGP PUBLIC KEY BLOCK-----

            mDMEaxb4shYJKwYBBAHaRw8BAQdAhl0yHBOeKM5iqo3NrNoEhDD1svuHvWsApc4m
            hn+oL0y0G0JlbiBPcnRpeiA8YmVuQGV4YW1wbGUuY29tPoiQBBMWCAA4FiEEKw1T
            yr1fUztBsvwV+07APUN6ioMFAmsW+LICGwMFCwkIBwIGFQoJCAsCBBYCAwECHgEC
            F4AACgkQ+07APUN6ioOE4gEA3duZxFfJaSPcZTWxy3kXPDpIYOOrVsaNHMj+H46O
            avwBAOjHOkdOIs1Yao+btXu0i33cLyV976qKGHjaHtzPzd0K
            =nfzw
            -----END PGP PUBLIC KEY BLOCK-----
            """;
    /** The project the issue asks to be accepted as written. */
    static final String TEAM_A = """
            sourceRepos: ["http://127.0.0.1:*/team-a*.git"]
            destinations: [{namespace: "team-a*"}]
            clusterResources: []
            namespaceResources: {deny: [{group: apps, kind: DaemonSet}]}
            """;

    static final String TEAM_B =
            """
            description: Team B's services, deployed as their own ServiceAccount
            sourceRepos: ["http://127.0.0.1:*/team-b.git", "https://git.example.com/team-b/**"]
            destinations:
              - {namespace: team-b, serviceAccount: "team-b:deployer"}
              - {namespace: "team-b-*"}
            serviceAccount: deployer
            clusterResources: [{group: "", kind: Namespace}, {group: rbac.authorization.k8s.io, kind: ClusterRole}]
            namespaceResources: {allow: [{group: apps, kind: Deployment}, {group: "", kind: ConfigMap}]}
            signatureKeys:
              - "%s"
              - |
            %s
            """.formatted(ANAS_SSH_KEY, BENS_OPENPGP_KEY.indent(4).stripTrailing());

    @TempDir
    static Path folder;

    static SandboxApplications cluster;
    static Map<String, String> environment;

    @BeforeAll
    static void startCluster() {
        cluster = new SandboxApplications(folder).withProjects();
        cluster.createProject("team-a", TEAM_A);
        cluster.createProject("team-b", TEAM_B);
        cluster.create("shop", app("team-a", "team-a.git", "team-a"), null);
        cluster.create("cart", app("team-a", "team-a-cart.git", "team-a"), """
                {"conditions": [
                  {"type": "ResourceNotPermitted", "status": "True", "reason": "NotInProject",
                   "message": "nothing of revision 1a2b3c4 is applied, 1 object(s) are refused: DaemonSet apps/v1 team-a/miner: kind DaemonSet.apps is denied by project \\"team-a\\"'s namespaceResources.deny apps/DaemonSet",
                   "lastTransitionTime": "2026-11-27T15:20:00Z"},
                  {"type": "Healthy", "status": "True", "reason": "AllHealthy", "message": "",
                   "lastTransitionTime": "2026-11-27T15:00:00Z"}]}
                """);
        cluster.create("api", app("team-b", "team-b.git", "team-b"), null);
        cluster.create("legacy", """
                {"source": {"repoURL": "http://git.example/config.git", "path": "legacy"},
                 "destination": {"namespace": "legacy"}}
                """, null);
        Map<String, String> settings = new HashMap<>(cluster.environment());
        settings.put("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:1");
        environment = Map.copyOf(settings);
    }

    @AfterAll
    static void stopCluster() {
        cluster.close();
    }

    @Test
    void listShowsWhatEachProjectAllowsAndHowManyAppsNameIt() {
        Plumb.Run run = Plumb.run(environment, "project", "list");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out().lines().toList())
                .containsExactly(
                        "NAME    SOURCES                                                           DESTINATIONS"
                                + "      APPS  REFUSALS",
                        "team-a  http://127.0.0.1:*/team-a*.git                                    team-a*"
                                + "           2     ?",
                        "team-b  http://127.0.0.1:*/team-b.git, https://git.example.com/team-b/**  team-b, team-b-*"
                                + "  1     ?");
        assertThat(run.err())
                .isEqualTo("refusals not counted: cannot reach Kafka at 127.0.0.1:1 (KAFKA_BOOTSTRAP_SERVERS): is"
                        + " Plumbline running? (./plumb up)\n");
    }

    @Test
    void getWritesTheRulesOfTheProjectAsTheIssueGivesItReadably() {
        Plumb.Run run = Plumb.run(environment, "project", "get", "team-a");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .contains("Name:             team-a\n")
                .contains("Sources:          http://127.0.0.1:*/team-a*.git\n")
                .contains("Destinations:     namespace team-a*, as the reconciler's own ServiceAccount\n")
                .contains("Cluster kinds:    none (Namespaces named by a destination aside)\n")
                .contains("Namespaced kinds: every kind, except DaemonSet.apps\n")
                .contains("Signed commits:   not required: any commit is deployed\n")
                .contains("Applications:     cart, shop\n")
                .contains("Refusals:         not shown: cannot reach Kafka at 127.0.0.1:1");
    }

    @Test
    void getNamesServiceAccountsKindsAndSignatureKeysByFingerprint() {
        Plumb.Run run = Plumb.run(environment, "project", "get", "team-b");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .contains("Description:      Team B's services, deployed as their own ServiceAccount\n")
                .contains("Destinations:     namespace team-b, as ServiceAccount team-b:deployer\n"
                        + "                    namespace team-b-*, as the project's ServiceAccount deployer (in the"
                        + " destination namespace)\n")
                .contains("Cluster kinds:    Namespace, ClusterRole.rbac.authorization.k8s.io (and Namespaces named by"
                        + " a destination)\n")
                .contains("Namespaced kinds: only Deployment.apps, ConfigMap\n")
                .contains("Signed commits:   required: a commit is deployed only when one of these 2 key(s) signed"
                        + " it\n"
                        + "                    SSH key SHA256:ZnNUjVjo1CZQGzBb1XOPxQiquSBHk9TKXnFViLeQ7Nw"
                        + " (ana@example.com)\n"
                        + "                    OpenPGP key 2B0D53CABD5F533B41B2FC15FB4EC03D437A8A83"
                        + " (Ben Ortiz <ben@example.com>)\n")
                .contains("Applications:     api\n");
    }

    @Test
    void anUnknownProjectIsOneLineNamingWhereToLook() {
        Plumb.Run run = Plumb.run(environment, "project", "get", "team-z");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("get: no project team-z in namespace plumbline (see: plumb project list)\n");
    }

    @Test
    void appGetNamesTheProjectAndShowsWhatItRefusedUnderTheSummary() {
        Plumb.Run cart = Plumb.run(environment, "app", "get", "cart");
        Plumb.Run legacy = Plumb.run(environment, "app", "get", "legacy");

        assertThat(cart.out())
                .contains("Project:       team-a\n")
                .contains("Last sync:     none yet\n"
                        + "Refused:       ResourceNotPermitted: nothing of revision 1a2b3c4 is applied, 1 object(s)"
                        + " are refused: DaemonSet apps/v1 team-a/miner: kind DaemonSet.apps is denied by project"
                        + " \"team-a\"'s namespaceResources.deny apps/DaemonSet\n");
        assertThat(legacy.out()).contains("Project:       default\n").doesNotContain("Refused:");
    }

    @Test
    void withoutTheProjectCrdTheErrorSaysWhatToInstall(@TempDir Path elsewhere) {
        try (SandboxApplications bare = new SandboxApplications(elsewhere)) {
            Plumb.Run run = Plumb.run(bare.environment(), "project", "list");

            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.err()).startsWith("list: the cluster serves no Projects (projects.plumbline.dev)");
        }
    }

    static String app(String project, String repository, String namespace) {
        return """
                {"project": "%s",
                 "source": {"repoURL": "http://127.0.0.1:8090/%s", "targetRevision": "main", "path": "."},
                 "destination": {"namespace": "%s"}}
                """.formatted(project, repository, namespace);
    }
}
