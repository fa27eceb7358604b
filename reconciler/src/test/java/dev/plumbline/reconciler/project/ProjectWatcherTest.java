package dev.plumbline.reconciler.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.plumbline.reconciler.testing.ApplicationsCluster;
import dev.plumbline.reconciler.testing.TestProjects;
import dev.plumbline.sandbox.kube.EmbeddedKubeApi;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ProjectWatcherTest {

    private EmbeddedKubeApi api;
    private ProjectWatcher watcher;
    private final Queue<String> changed = new ConcurrentLinkedQueue<>();

    @BeforeEach
    void start() {
        api = new EmbeddedKubeApi().start();
        api.client()
                .namespaces()
                .resource(new NamespaceBuilder()
                        .withNewMetadata()
                        .withName("plumbline")
                        .endMetadata()
                        .build())
                .create();
        watcher = new ProjectWatcher(api.client(), "plumbline", Duration.ofSeconds(30));
    }

    @AfterEach
    void stop() {
        watcher.stop();
        api.close();
    }

    @Test
    void withoutTheCrdEveryProjectIsMissingAndTheConditionSaysTheCrdIsNotInstalled() throws Exception {
        assertThat(watcher.start(changed::add)).isFalse();

        assertThat(watcher.watching()).isFalse();
        assertThat(watcher.policy("default").found()).isFalse();
        ProjectProblem problem = watcher.problem("default").orElseThrow();
        assertThat(problem.reason()).isEqualTo("ProjectCrdNotInstalled");
        assertThat(problem.message())
                .contains(
                        "projects.plumbline.dev",
                        "is not installed",
                        "project \"default\"",
                        "deploy/base/crds/projects.plumbline.dev.yaml");

        installCrd();

        assertThat(watcher.start(changed::add))
                .as("watched once the CRD is there")
                .isTrue();
        assertThat(watcher.problem("default").orElseThrow().reason()).isEqualTo("ProjectNotFound");
    }

    @Test
    void aProjectIsReadWhenCreatedRefusedWhenInvalidAndMissingWhenDeleted() throws Exception {
        installCrd();
        watcher.start(changed::add);
        assertThat(watcher.problem("team-a").orElseThrow().message())
                .contains("project \"team-a\" does not exist in namespace plumbline", "spec.project");

        ProjectSpecModel spec = new ProjectSpecModel();
        spec.sourceRepos = List.of("https://git.example.com/team-a/*");
        spec.destinations = List.of(TestProjects.destination("team-a"));
        api.client().resource(TestProjects.project("team-a", spec)).create();

        await().atMost(Duration.ofSeconds(30))
                .until(() -> watcher.policy("team-a").found());
        assertThat(watcher.problem("team-a")).isEmpty();
        assertThat(changed).contains("team-a");

        api.client()
                .resources(Project.class)
                .inNamespace("plumbline")
                .withName("team-a")
                .edit(project -> {
                    project.getSpec().serviceAccount = "a:b:c";
                    return project;
                });

        await().atMost(Duration.ofSeconds(30))
                .until(() -> !watcher.policy("team-a").found());
        ProjectProblem invalid = watcher.problem("team-a").orElseThrow();
        assertThat(invalid.reason()).isEqualTo("InvalidProject");
        assertThat(invalid.message()).contains("project \"team-a\" is invalid", "spec.serviceAccount");

        changed.clear();
        api.client()
                .resources(Project.class)
                .inNamespace("plumbline")
                .withName("team-a")
                .delete();

        await().atMost(Duration.ofSeconds(30)).until(() -> changed.contains("team-a"));
        assertThat(watcher.problem("team-a").orElseThrow().reason()).isEqualTo("ProjectNotFound");
    }

    private void installCrd() throws Exception {
        try (InputStream crd = Files.newInputStream(Path.of(ApplicationsCluster.PROJECT_CRD))) {
            api.client()
                    .resource(api.client().getKubernetesSerialization().unmarshal(crd, CustomResourceDefinition.class))
                    .create();
        }
    }
}
