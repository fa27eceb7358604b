package dev.plumbline.reconciler;

import static dev.plumbline.reconciler.testing.LiveCluster.PATIENCE;
import static dev.plumbline.reconciler.testing.LiveCluster.condition;
import static dev.plumbline.reconciler.testing.Renders.REPO;
import static dev.plumbline.reconciler.testing.Renders.application;
import static dev.plumbline.reconciler.testing.Renders.automated;
import static dev.plumbline.reconciler.testing.Renders.configMap;
import static dev.plumbline.reconciler.testing.Renders.object;
import static dev.plumbline.reconciler.testing.Renders.render;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.plumbline.events.ApplicationSpec;
import dev.plumbline.events.ApplyAction;
import dev.plumbline.events.CommitDetected;
import dev.plumbline.events.git.CommitInfo;
import dev.plumbline.events.git.CommitRefusal;
import dev.plumbline.events.git.CommitSignature;
import dev.plumbline.events.git.FetchCause;
import dev.plumbline.events.git.GitSignature;
import dev.plumbline.events.manifest.RenderedObject;
import dev.plumbline.events.testing.SignedEvents;
import dev.plumbline.events.topic.Topics;
import dev.plumbline.events.vocabulary.ApplyResult;
import dev.plumbline.events.vocabulary.RefUpdateKind;
import dev.plumbline.events.vocabulary.SignatureFormat;
import dev.plumbline.events.vocabulary.SignatureVerdict;
import dev.plumbline.reconciler.application.Application;
import dev.plumbline.reconciler.application.ApplicationStatusModel;
import dev.plumbline.reconciler.project.Project;
import dev.plumbline.reconciler.project.ProjectSpecModel;
import dev.plumbline.reconciler.testing.AcceptanceFixture;
import dev.plumbline.reconciler.testing.ApplicationsCluster;
import dev.plumbline.reconciler.testing.TestProjects;
import dev.plumbline.sandbox.kafka.EmbeddedKafkaResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Applications held to their projects, against the embedded Kubernetes API and a real broker: what a project does not
 * allow is never applied nor pruned, the Application says why, and a change to the Project is acted on at once; a
 * commit the git-watcher refuses for want of a signature is said on the Application.
 */
@QuarkusTest
@QuarkusTestResource(value = EmbeddedKafkaResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = ApplicationsCluster.class, restrictToAnnotatedClass = true)
@Tag("slow")
class ProjectsAcceptanceTest extends AcceptanceFixture {

    private static final String TEAM_A_REPOS = "https://git.example.com/team/*.git";

    @Test
    void anAppOfTeamAThatRendersOutsideItsProjectChangesNothingAndSaysWhy() {
        String app = "team-a-escapes";
        createProject("team-a", teamA());
        cluster.deploy(inProject(application(app, "team-a", automated(true)), "team-a"));
        cluster.namespace("team-b");
        RenderedObject inside = configMap(app, "team-a", "inside", Map.of());
        List<List<Object>> attempts = List.of(
                List.of(
                        configMap(app, "team-b", "neighbour", Map.of()),
                        "ConfigMap v1 team-b/neighbour",
                        "namespace \"team-b\" is not among project \"team-a\"'s destinations [team-a*]"),
                List.of(
                        configMap(app, "kube-system", "takeover", Map.of()),
                        "ConfigMap v1 kube-system/takeover",
                        "namespace \"kube-system\" is not among project \"team-a\"'s destinations"),
                List.of(
                        object(app, "rbac.authorization.k8s.io/v1", "ClusterRole", null, "root"),
                        "ClusterRole rbac.authorization.k8s.io/v1 root",
                        "cluster-scoped kind ClusterRole.rbac.authorization.k8s.io is not in project \"team-a\"'s"
                                + " clusterResources []"),
                List.of(
                        object(app, "apps/v1", "DaemonSet", "team-a", "host-miner"),
                        "DaemonSet apps/v1 team-a/host-miner",
                        "kind DaemonSet.apps is denied by project \"team-a\"'s namespaceResources.deny"));

        for (int i = 0; i < attempts.size(); i++) {
            String revision = "rev" + (i + 1);
            RenderedObject outside = (RenderedObject) attempts.get(i).get(0);
            kafka.send(render(app, "team-a", revision, List.of(inside, outside)));

            ApplicationStatusModel status = cluster.awaitStatus(
                    app,
                    s -> condition(s, "ResourceNotPermitted")
                            .filter(c -> c.message.contains("revision " + revision))
                            .isPresent());
            assertThat(condition(status, "ResourceNotPermitted").orElseThrow().message)
                    .contains("nothing of revision " + revision + " is applied")
                    .contains((String) attempts.get(i).get(1))
                    .contains((String) attempts.get(i).get(2));
            ApplyAction refused = kafka.awaitRecord(
                    Topics.APPLY_ACTIONS,
                    PATIENCE,
                    ApplyAction.class,
                    action -> app.equals(action.app())
                            && revision.equals(action.revision())
                            && action.object().name().equals(outside.identity().name()));
            assertThat(refused.result()).isEqualTo(ApplyResult.REFUSED);
        }

        ApplicationStatusModel status = cluster.awaitStatus(app, s -> s.history.size() == attempts.size());
        assertThat(status.history).allMatch(entry -> "refused".equals(entry.result));
        assertThat(status.project).isEqualTo("team-a");
        assertThat(cluster.configMap("team-a", "inside"))
                .as("nothing of a refused sync is applied")
                .isEmpty();
        assertThat(cluster.configMap("team-b", "neighbour")).isEmpty();
        assertThat(api.client()
                        .apps()
                        .daemonSets()
                        .inNamespace("team-a")
                        .withName("host-miner")
                        .get())
                .isNull();
    }

    @Test
    void createNamespaceDoesNotCreateADestinationTheProjectDoesNotAllow() {
        String app = "team-a-squatter";
        createProject("team-a", teamA());
        Application application = inProject(application(app, "kube-public-ish", automated(true)), "team-a");
        application.getSpec().syncPolicy.syncOptions = List.of("CreateNamespace=true");
        api.client()
                .resources(Application.class)
                .inNamespace("plumbline")
                .resource(application)
                .create();

        kafka.send(render(app, "kube-public-ish", "rev1", List.of(configMap(app, "team-a", "harmless", Map.of()))));

        ApplicationStatusModel status = cluster.awaitStatus(
                app, s -> condition(s, "ResourceNotPermitted").isPresent());
        assertThat(condition(status, "ResourceNotPermitted").orElseThrow().message)
                .contains(
                        "Namespace v1 kube-public-ish",
                        "namespace \"kube-public-ish\" is not among project \"team-a\"'s destinations",
                        "CreateNamespace=true");
        cluster.awaitQuiet();
        assertThat(api.client().namespaces().withName("kube-public-ish").get()).isNull();
        assertThat(cluster.configMap("team-a", "harmless")).isEmpty();
    }

    @Test
    void aRefusedSyncPrunesNothing() {
        String app = "team-a-prunes";
        createProject("team-a", teamA());
        cluster.deploy(inProject(application(app, "team-a-prunes", automated(true)), "team-a"));
        kafka.send(render(app, "rev1", List.of(configMap(app, app, "old", Map.of()))));
        cluster.awaitConfigMap(app, "old", map -> true);

        kafka.send(render(
                app,
                "rev2",
                List.of(configMap(app, app, "new", Map.of()), configMap(app, "team-b", "outside", Map.of()))));

        ApplicationStatusModel status =
                cluster.awaitStatus(app, s -> s.history.size() >= 2 && "refused".equals(s.history.get(0).result));
        assertThat(status.history.get(0).pruned).isZero();
        assertThat(status.history.get(0).message).contains("ConfigMap v1 team-b/outside");
        assertThat(cluster.configMap(app, "old"))
                .as("what Git lost stays while the sync is refused")
                .isPresent();
        assertThat(cluster.configMap(app, "new")).isEmpty();
    }

    @Test
    void anAppWhoseRepositoryItsProjectRefusesGetsNothingUntilTheProjectAllowsItThenSyncsAtOnce() {
        String app = "team-c-foreign";
        String foreignRepo = "https://git.example.com/team-b/apps.git";
        ProjectSpecModel teamC = teamA();
        teamC.destinations = List.of(TestProjects.destination("team-c*"));
        createProject("team-c", teamC);
        Application application = inProject(application(app, app, automated(true)), "team-c");
        application.getSpec().source.repoURL = foreignRepo;
        cluster.deploy(application);
        kafka.send(render(application, "rev1", List.of(configMap(app, app, "settings", Map.of("k", "v")))));

        ApplicationStatusModel refused =
                cluster.awaitStatus(app, s -> condition(s, "SourceNotPermitted").isPresent());
        ApplicationStatusModel.Condition condition =
                condition(refused, "SourceNotPermitted").orElseThrow();
        assertThat(condition.reason).isEqualTo("NotInProject");
        assertThat(condition.message)
                .contains(foreignRepo, "project \"team-c\"", TEAM_A_REPOS, "an administrator can add it");
        cluster.awaitQuiet();
        assertThat(cluster.configMap(app, "settings")).as("nothing is applied").isEmpty();
        assertThat(refused.history).isEmpty();

        api.client()
                .resources(Project.class)
                .inNamespace("plumbline")
                .withName("team-c")
                .edit(project -> {
                    project.getSpec().sourceRepos = List.of(TEAM_A_REPOS, "https://git.example.com/team-b/*.git");
                    return project;
                });

        cluster.awaitConfigMap(app, "settings", map -> "v".equals(map.getData().get("k")));
        cluster.awaitStatus(app, s -> condition(s, "SourceNotPermitted").isEmpty());
        ApplicationSpec republished = kafka.awaitRecord(
                Topics.APPLICATIONS,
                PATIENCE,
                ApplicationSpec.class,
                spec -> app.equals(spec.app())
                        && spec.projectPolicy().sourceRepos().size() == 2);
        assertThat(republished.projectPolicy().name()).isEqualTo("team-c");
    }

    @Test
    void anAppNamingAProjectThatDoesNotExistIsRefusedWithAClearMessage() {
        String app = "orphaned";
        cluster.deploy(inProject(application(app, app, automated(true)), "no-such-team"));
        kafka.send(render(app, "rev1", List.of(configMap(app, app, "settings", Map.of()))));

        ApplicationStatusModel status =
                cluster.awaitStatus(app, s -> condition(s, "SourceNotPermitted").isPresent());

        ApplicationStatusModel.Condition condition =
                condition(status, "SourceNotPermitted").orElseThrow();
        assertThat(condition.reason).isEqualTo("ProjectNotFound");
        assertThat(condition.message)
                .contains("project \"no-such-team\" does not exist", "an administrator creates it", "spec.project");
        cluster.awaitQuiet();
        assertThat(cluster.configMap(app, "settings")).isEmpty();
    }

    @Test
    void anObjectTheProjectNoLongerAllowsIsKeptRatherThanPrunedAndTheAppSaysSo() {
        String app = "team-d";
        ProjectSpecModel teamD = teamA();
        teamD.destinations = List.of(TestProjects.destination("team-d"), TestProjects.destination("team-d-extra"));
        createProject("team-d", teamD);
        cluster.deploy(inProject(application(app, app, automated(true)), "team-d"));
        cluster.namespace("team-d-extra");
        kafka.send(render(
                app,
                "rev1",
                List.of(configMap(app, app, "kept", Map.of()), configMap(app, "team-d-extra", "extra", Map.of()))));
        cluster.awaitConfigMap("team-d-extra", "extra", map -> true);

        api.client()
                .resources(Project.class)
                .inNamespace("plumbline")
                .withName("team-d")
                .edit(project -> {
                    project.getSpec().destinations = List.of(TestProjects.destination("team-d"));
                    return project;
                });
        kafka.send(render(app, "rev2", List.of(configMap(app, app, "kept", Map.of()))));

        ApplicationStatusModel status = cluster.awaitStatus(
                app,
                s -> condition(s, "PruneWithheld")
                        .filter(c -> "NotInProject".equals(c.reason))
                        .isPresent());
        assertThat(condition(status, "PruneWithheld").orElseThrow().message)
                .contains(
                        "1 object(s) no longer in Git are kept",
                        "project \"team-d\" no longer lets this Application touch them",
                        "ConfigMap v1 team-d-extra/extra",
                        "namespace \"team-d-extra\" is not among project \"team-d\"'s destinations");
        cluster.awaitQuiet();
        assertThat(cluster.configMap("team-d-extra", "extra")).as("not pruned").isPresent();
    }

    @Test
    void aCommitRefusedForWantOfASignatureIsSaidWhenTheGitWatcherSignedTheRefusalUntilANewerCommitIsLetThrough() {
        String app = "team-s";
        ProjectSpecModel teamS = new ProjectSpecModel();
        teamS.sourceRepos = List.of("**");
        teamS.destinations = List.of(TestProjects.destination("team-s"));
        teamS.signatureKeys = List.of(TestProjects.SSH_KEY);
        createProject("team-s", teamS);
        cluster.deploy(inProject(application(app, app, automated(true)), "team-s"));
        kafka.send(render(app, "rev1", List.of(configMap(app, app, "settings", Map.of("k", "v1")))));
        cluster.awaitStatus(app, s -> s.sync != null && "synced".equals(s.sync.status));
        String reason = "commit 9f8e7d6 by Mallory <mallory@example.com> is not signed; project \"team-s\" requires"
                + " commits signed by one of its signatureKeys (SSH key SHA256:4Qk... alice@example.com)";
        CommitDetected unsigned = commit("rev1", "9f8e7d6", CommitSignature.unsigned())
                .withRefusals(List.of(new CommitRefusal(app, "team-s", reason)));

        // written by someone with access to the topic but not the git-watcher's key: never shown
        kafka.send(unsigned);
        await().during(Duration.ofSeconds(2))
                .atMost(PATIENCE)
                .until(() -> condition(cluster.status(app), "UnsignedCommit").isEmpty());

        kafka.send(SignedEvents.byGitWatcher(unsigned));

        ApplicationStatusModel.Condition refused = condition(
                        cluster.awaitStatus(
                                app, s -> condition(s, "UnsignedCommit").isPresent()),
                        "UnsignedCommit")
                .orElseThrow();
        assertThat(refused.reason).isEqualTo("NotSigned");
        assertThat(refused.message).isEqualTo(reason);

        kafka.send(SignedEvents.byGitWatcher(commit("9f8e7d6", "abc1234", signedByAlice())));
        kafka.send(render(app, "abc1234", List.of(configMap(app, app, "settings", Map.of("k", "v2")))));

        cluster.awaitStatus(
                app,
                s -> "abc1234".equals(s.sync.revision)
                        && condition(s, "UnsignedCommit").isEmpty());
    }

    private static CommitDetected commit(String before, String after, CommitSignature signature) {
        GitSignature author = new GitSignature("Mallory", "mallory@example.com", Instant.now());
        return CommitDetected.of(
                "c-" + after,
                REPO,
                "refs/heads/main",
                before,
                after,
                RefUpdateKind.FAST_FORWARD,
                List.of(new CommitInfo(after, author, author, "change", List.of()).withSignature(signature)),
                List.of("apps/team-s/settings.yaml"),
                FetchCause.poll(),
                null);
    }

    private static CommitSignature signedByAlice() {
        return new CommitSignature(SignatureVerdict.GOOD, SignatureFormat.SSH, "SHA256:4Qk", "alice@example.com");
    }

    /** What the team-a may do, with the repositories these tests render from. */
    private static ProjectSpecModel teamA() {
        ProjectSpecModel spec = new ProjectSpecModel();
        spec.sourceRepos = new ArrayList<>(List.of(TEAM_A_REPOS));
        spec.destinations = List.of(TestProjects.destination("team-a*"));
        spec.clusterResources = List.of();
        spec.namespaceResources = new ProjectSpecModel.NamespaceResources();
        spec.namespaceResources.deny = List.of(TestProjects.kind("apps", "DaemonSet"));
        return spec;
    }

    private void createProject(String name, ProjectSpecModel spec) {
        if (api.client()
                        .resources(Project.class)
                        .inNamespace("plumbline")
                        .withName(name)
                        .get()
                == null) {
            api.client().resource(TestProjects.project(name, spec)).create();
        }
    }

    private static Application inProject(Application application, String project) {
        application.getSpec().project = project;
        return application;
    }
}
