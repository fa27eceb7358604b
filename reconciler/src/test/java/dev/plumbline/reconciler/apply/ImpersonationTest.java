package dev.plumbline.reconciler.apply;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plumbline.events.project.NamespaceResources;
import dev.plumbline.events.project.ProjectDestination;
import dev.plumbline.events.project.ProjectPolicy;
import dev.plumbline.events.project.ServiceAccountRef;
import dev.plumbline.events.testing.TestProjects;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Whom the reconciler acts as for each object of an app, as the app's project says. */
class ImpersonationTest {

    @Test
    void theProjectsServiceAccountIsTheOneInTheObjectsNamespace() {
        Impersonation as = Impersonation.of(project(List.of(ProjectDestination.of("team-a*")), "deployer"), "team-a");

        assertThat(as.userFor("team-a")).contains("system:serviceaccount:team-a:deployer");
        assertThat(as.userFor("team-a-jobs")).contains("system:serviceaccount:team-a-jobs:deployer");
    }

    @Test
    void aClusterScopedObjectIsWrittenAsTheServiceAccountOfTheDestinationNamespace() {
        Impersonation as = Impersonation.of(project(List.of(ProjectDestination.of("team-a*")), "deployer"), "team-a");

        assertThat(as.userFor(null)).contains("system:serviceaccount:team-a:deployer");
    }

    @Test
    void aDestinationsOwnServiceAccountComesBeforeTheProjects() {
        ProjectPolicy policy = project(
                List.of(
                        new ProjectDestination("team-a", null, ServiceAccountRef.parse("ops:applier")),
                        ProjectDestination.of("team-a-*")),
                "deployer");

        assertThat(Impersonation.of(policy, "team-a").userFor("team-a")).contains("system:serviceaccount:ops:applier");
        assertThat(Impersonation.of(policy, "team-a").userFor("team-a-web"))
                .contains("system:serviceaccount:team-a-web:deployer");
    }

    @Test
    void aProjectNamingNoServiceAccountLeavesTheReconcilersOwnIdentity() {
        Impersonation as = Impersonation.of(TestProjects.allowingEverything(), "shop");

        assertThat(as.userFor("shop")).isEmpty();
        assertThat(as.userFor(null)).isEmpty();
    }

    private static ProjectPolicy project(List<ProjectDestination> destinations, String serviceAccount) {
        return new ProjectPolicy(
                "team-a",
                true,
                1,
                List.of("**"),
                destinations,
                List.of(),
                NamespaceResources.ANY,
                ServiceAccountRef.parse(serviceAccount),
                List.of());
    }
}
