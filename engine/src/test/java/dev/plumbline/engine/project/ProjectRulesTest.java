package dev.plumbline.engine.project;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plumbline.events.manifest.ObjectIdentity;
import dev.plumbline.events.project.KindPattern;
import dev.plumbline.events.project.NamespaceResources;
import dev.plumbline.events.project.ProjectDestination;
import dev.plumbline.events.project.ProjectPolicy;
import dev.plumbline.events.project.ServiceAccountRef;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProjectRulesTest {

    /** The project of the example, as an administrator writes it. */
    private final ProjectRules teamA = new ProjectRules(new ProjectPolicy(
            "team-a",
            true,
            1,
            List.of("http://127.0.0.1:*/team-a*.git"),
            List.of(
                    new ProjectDestination("team-a-jobs", null, ServiceAccountRef.parse("plumbline:jobs-deployer")),
                    ProjectDestination.of("team-a*")),
            List.of(),
            new NamespaceResources(List.of(), List.of(new KindPattern("apps", "DaemonSet"))),
            ServiceAccountRef.parse("deployer"),
            List.of()));

    @Test
    void sourceReposMatchTheProjectsRepositoriesAndNoOther() {
        assertThat(teamA.sourceRefusal("http://127.0.0.1:8080/team-a.git")).isEmpty();
        assertThat(teamA.sourceRefusal("http://127.0.0.1:8080/team-a-infra.git"))
                .isEmpty();
        assertThat(teamA.sourceRefusal("http://127.0.0.1:8080/team-b.git"))
                .get()
                .asString()
                .contains("http://127.0.0.1:8080/team-b.git", "project \"team-a\"", "sourceRepos", "administrator");
    }

    @Test
    void aStarNeitherCrossesASlashNorAnAtSoAGlobNamesOneHostAndOneFolder() {
        assertThat(teamA.sourceRefusal("http://127.0.0.1:1@evil.example/team-a.git"))
                .isPresent();
        assertThat(teamA.sourceRefusal("http://127.0.0.1:8080/team-a/../team-b.git"))
                .isPresent();
        assertThat(teamA.sourceRefusal("http://127.0.0.1:8080/x/team-a.git")).isPresent();
        ProjectRules folder = rulesWithSources("https://git.acme.com/team-a/**");
        assertThat(folder.sourceRefusal("https://git.acme.com/team-a/apps/web.git"))
                .isEmpty();
        assertThat(folder.sourceRefusal("https://git.acme.com/team-a/apps/../../team-b/web.git"))
                .get()
                .asString()
                .contains("'..'");
        assertThat(folder.sourceRefusal("https://git.acme.com/team-a/%2e%2e/team-b/web.git"))
                .isPresent();
    }

    @Test
    void objectsOutsideTheProjectsNamespacesAreRefusedNamingTheRule() {
        assertThat(teamA.objectRefusal(configMap("team-a"), true, "team-a")).isEmpty();
        assertThat(teamA.objectRefusal(configMap(null), true, "team-a")).isEmpty();
        assertThat(teamA.objectRefusal(configMap("team-b"), true, "team-a"))
                .get()
                .asString()
                .contains("namespace \"team-b\"", "destinations [team-a-jobs, team-a*]");
        assertThat(teamA.objectRefusal(configMap("kube-system"), true, "team-a"))
                .isPresent();
    }

    @Test
    void clusterScopedKindsNeedTheAllowListButTheProjectsOwnNamespacesDoNot() {
        ObjectIdentity clusterRole =
                new ObjectIdentity("rbac.authorization.k8s.io", "v1", "ClusterRole", null, "admin");
        assertThat(teamA.objectRefusal(clusterRole, false, "team-a"))
                .get()
                .asString()
                .contains("ClusterRole.rbac.authorization.k8s.io", "clusterResources []");
        assertThat(teamA.objectRefusal(
                        new ObjectIdentity("", "v1", "Namespace", null, "team-a-preview"), false, "team-a"))
                .isEmpty();
        assertThat(teamA.objectRefusal(new ObjectIdentity("", "v1", "Namespace", null, "kube-system"), false, "team-a"))
                .isPresent();
    }

    @Test
    void deniedNamespacedKindsAreRefusedAndAnAllowListLimitsTheRest() {
        ObjectIdentity daemonSet = new ObjectIdentity("apps", "v1", "DaemonSet", "team-a", "node-agent");
        assertThat(teamA.objectRefusal(daemonSet, true, "team-a"))
                .get()
                .asString()
                .contains("DaemonSet.apps", "namespaceResources.deny");
        ProjectRules onlyConfig = new ProjectRules(new ProjectPolicy(
                "config-only",
                true,
                1,
                List.of(),
                List.of(ProjectDestination.of("team-a")),
                List.of(),
                new NamespaceResources(List.of(new KindPattern("", "ConfigMap")), List.of()),
                null,
                List.of()));
        assertThat(onlyConfig.objectRefusal(configMap("team-a"), true, "team-a"))
                .isEmpty();
        assertThat(onlyConfig.objectRefusal(new ObjectIdentity("", "v1", "Secret", "team-a", "s"), true, "team-a"))
                .get()
                .asString()
                .contains("namespaceResources.allow");
    }

    @Test
    void aProjectThatDoesNotExistAllowsNothingAndSaysSo() {
        ProjectRules missing = new ProjectRules(ProjectPolicy.missing("team-z"));
        assertThat(missing.sourceRefusal("https://git.acme.com/a.git"))
                .get()
                .asString()
                .contains("project \"team-z\" does not exist");
        assertThat(missing.objectRefusal(configMap("team-z"), true, "team-z")).isPresent();
    }

    @Test
    void theServiceAccountIsTheMatchingDestinationsElseTheProjectsInTheObjectsNamespace() {
        assertThat(teamA.serviceAccountFor("team-a").orElseThrow().userName("unused"))
                .isEqualTo("system:serviceaccount:team-a:deployer");
        assertThat(teamA.serviceAccountFor("team-a-jobs").orElseThrow().userName("unused"))
                .isEqualTo("system:serviceaccount:plumbline:jobs-deployer");
        assertThat(rulesWithSources("x").serviceAccountFor("team-a")).isEmpty();
    }

    private static ProjectRules rulesWithSources(String glob) {
        return new ProjectRules(new ProjectPolicy(
                "p", true, 1, List.of(glob), List.of(ProjectDestination.of("team-a")), List.of(), null, null, null));
    }

    private static ObjectIdentity configMap(String namespace) {
        return new ObjectIdentity("", "v1", "ConfigMap", namespace, "settings");
    }
}
