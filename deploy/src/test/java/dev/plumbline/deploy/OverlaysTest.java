package dev.plumbline.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class OverlaysTest {

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void rendersWithKustomizeIntoTheSixServicesAndTheirNamespace(Overlay overlay) {
        Manifests manifests = overlay.render();

        assertThat(manifests
                        .ofKind("Deployment")
                        .map(object -> object.path("metadata").path("name").asText()))
                .containsExactlyInAnyOrder(
                        "git-watcher", "renderer", "reconciler", "drift-auditor", "notifier", "image-updater");
        assertThat(manifests
                        .ofKind("Namespace")
                        .map(object -> object.path("metadata").path("name").asText()))
                .contains("plumbline");
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void everyObjectParsesAsItsKubernetesTypeWithoutAFieldItsTypeLacks(Overlay overlay) {
        List<String> problems = new ArrayList<>();
        for (JsonNode object : overlay.render().objects()) {
            if (object.path("apiVersion").asText().startsWith(StrimziTypes.GROUP + "/")) {
                StrimziTypes.parse(object);
                continue;
            }
            if (object.path("kind").asText().equals("Project")) {
                Projects.parse(object);
                continue;
            }
            HasMetadata typed = KubernetesTypes.parseAsItsType(object);
            KubernetesTypes.unknownFields(typed)
                    .forEach(field -> problems.add(Manifests.describe(object) + ": " + field));
        }
        assertThat(problems).as("fields unknown to their Kubernetes type").isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void everyNamespacedObjectIsInPlumblinesNamespaceAndKafkaButItsUsersInItsOwn(Overlay overlay) {
        Set<String> clusterScoped =
                Set.of("Namespace", "ClusterRole", "ClusterRoleBinding", "CustomResourceDefinition");
        for (JsonNode object : overlay.render().objects()) {
            String kind = object.path("kind").asText();
            String namespace = object.path("metadata").path("namespace").asText("");
            if (clusterScoped.contains(kind)) {
                assertThat(namespace).as(Manifests.describe(object)).isEmpty();
            } else if (object.path("apiVersion").asText().startsWith(StrimziTypes.GROUP + "/")
                    && !kind.equals("KafkaUser")) {
                assertThat(namespace).as(Manifests.describe(object)).isEqualTo("plumbline-kafka");
            } else {
                assertThat(namespace).as(Manifests.describe(object)).isEqualTo("plumbline");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void everyServiceIsProbedOnItsHealthEndpointsAndLimitedAndRunsAsNonRootOnAReadOnlyRoot(Overlay overlay) {
        for (PlumblineService service : PlumblineService.values()) {
            Deployment deployment = overlay.render().typed("Deployment", service.id(), Deployment.class);
            PodSpec pod = deployment.getSpec().getTemplate().getSpec();
            Container container = only(pod.getContainers(), service);
            String what = overlay + ": " + service;

            assertThat(container.getLivenessProbe().getHttpGet().getPath())
                    .as(what)
                    .isEqualTo("/q/health/live");
            assertThat(container.getReadinessProbe().getHttpGet().getPath())
                    .as(what)
                    .isEqualTo("/q/health/ready");
            assertThat(container.getStartupProbe().getHttpGet().getPath())
                    .as(what)
                    .isEqualTo("/q/health/started");
            assertThat(container.getResources().getRequests()).as(what).containsKeys("cpu", "memory");
            assertThat(container.getResources().getLimits()).as(what).containsKeys("cpu", "memory");

            assertThat(pod.getSecurityContext().getRunAsNonRoot()).as(what).isTrue();
            assertThat(pod.getSecurityContext().getSeccompProfile().getType())
                    .as(what)
                    .isEqualTo("RuntimeDefault");
            assertThat(container.getSecurityContext().getReadOnlyRootFilesystem())
                    .as(what)
                    .isTrue();
            assertThat(container.getSecurityContext().getAllowPrivilegeEscalation())
                    .as(what)
                    .isFalse();
            assertThat(container.getSecurityContext().getCapabilities().getDrop())
                    .as(what)
                    .containsExactly("ALL");
            assertThat(container.getVolumeMounts())
                    .as(what + " has a writable /tmp")
                    .anyMatch(mount -> mount.getMountPath().equals("/tmp"));
        }
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void everyServiceListensOnItsOwnPortBehindAServiceOfTheSamePort(Overlay overlay) {
        for (PlumblineService service : PlumblineService.values()) {
            Container container = only(
                    overlay.render()
                            .typed("Deployment", service.id(), Deployment.class)
                            .getSpec()
                            .getTemplate()
                            .getSpec()
                            .getContainers(),
                    service);
            Service kubeService = overlay.render().typed("Service", service.id(), Service.class);

            assertThat(service.port())
                    .as("the port %s's application.properties sets", service)
                    .isEqualTo(service.portInApplicationProperties());
            assertThat(container.getPorts())
                    .singleElement()
                    .satisfies(port -> assertThat(port.getContainerPort()).isEqualTo(service.port()));
            assertThat(container.getEnv())
                    .filteredOn(env -> env.getName().equals("QUARKUS_HTTP_PORT"))
                    .singleElement()
                    .satisfies(env -> assertThat(env.getValue()).isEqualTo(String.valueOf(service.port())));
            assertThat(kubeService.getSpec().getPorts())
                    .singleElement()
                    .satisfies(port -> assertThat(port.getPort()).isEqualTo(service.port()));
            assertThat(kubeService.getSpec().getSelector())
                    .isEqualTo(
                            deployment(overlay, service).getSpec().getSelector().getMatchLabels());
        }
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void everyServiceRunsTheImageTheImagesProfileBuilds(Overlay overlay) {
        for (PlumblineService service : PlumblineService.values()) {
            Container container = only(
                    deployment(overlay, service)
                            .getSpec()
                            .getTemplate()
                            .getSpec()
                            .getContainers(),
                    service);
            assertThat(container.getImage()).as(overlay + ": " + service).isEqualTo(service.image());
        }
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void everyConfigMapAPodUsesIsRenderedAndNoSecretIsIncludedOnlyReferenced(Overlay overlay) {
        Manifests manifests = overlay.render();
        assertThat(manifests.ofKind("Secret"))
                .as("Secrets are the user's, never part of deploy/")
                .isEmpty();

        Set<String> configMaps = manifests
                .ofKind("ConfigMap")
                .map(object -> object.path("metadata").path("name").asText())
                .collect(Collectors.toSet());
        Set<String> secrets = new TreeSet<>();
        for (PlumblineService service : PlumblineService.values()) {
            PodSpec pod = deployment(overlay, service).getSpec().getTemplate().getSpec();
            for (Container container : pod.getContainers()) {
                container
                        .getEnvFrom()
                        .forEach(source -> assertThat(configMaps)
                                .contains(source.getConfigMapRef().getName()));
                container.getEnv().stream()
                        .filter(env ->
                                env.getValueFrom() != null && env.getValueFrom().getSecretKeyRef() != null)
                        .forEach(env ->
                                secrets.add(env.getValueFrom().getSecretKeyRef().getName()));
            }
            pod.getVolumes().forEach(volume -> {
                if (volume.getConfigMap() != null) {
                    assertThat(configMaps).contains(volume.getConfigMap().getName());
                }
                if (volume.getSecret() != null) {
                    secrets.add(volume.getSecret().getSecretName());
                }
            });
        }
        assertThat(secrets)
                .as("the Secrets docs/deploy.md tells users to create")
                .allMatch(name -> Repo.read("docs/deploy.md").contains("`" + name + "`"), "named in docs/deploy.md");
    }

    @ParameterizedTest
    @EnumSource(
            value = Overlay.class,
            names = {"BASE", "PRODUCTION", "STRIMZI"})
    void onAClusterOfBrokersEveryServiceCreatesTopicsWithThreeReplicasAndTwoInSync(Overlay overlay) {
        for (PlumblineService service : PlumblineService.values()) {
            assertThat(setting(overlay, service, "PLUMBLINE_TOPICS_REPLICATION_FACTOR"))
                    .as(service.id())
                    .isEqualTo("3");
            assertThat(setting(overlay, service, "PLUMBLINE_TOPICS_MIN_INSYNC_REPLICAS"))
                    .as(service.id())
                    .isEqualTo("2");
        }
    }

    @Test
    void theDevOverlaysOneNodeKafkaGetsTopicsWithOneReplicaAndOneInSync() {
        for (PlumblineService service : PlumblineService.values()) {
            assertThat(setting(Overlay.DEV, service, "PLUMBLINE_TOPICS_REPLICATION_FACTOR"))
                    .as(service.id())
                    .isEqualTo("1");
            assertThat(setting(Overlay.DEV, service, "PLUMBLINE_TOPICS_MIN_INSYNC_REPLICAS"))
                    .as(service.id())
                    .isEqualTo("1");
        }
    }

    /** An environment variable of a service's container, set in it or in a ConfigMap it takes its environment from. */
    private static String setting(Overlay overlay, PlumblineService service, String name) {
        Container container = deployment(overlay, service)
                .getSpec()
                .getTemplate()
                .getSpec()
                .getContainers()
                .get(0);
        for (var env : container.getEnv()) {
            if (env.getName().equals(name)) {
                return env.getValue();
            }
        }
        for (var source : container.getEnvFrom()) {
            JsonNode data = overlay.render()
                    .named("ConfigMap", source.getConfigMapRef().getName())
                    .path("data");
            if (data.has(name)) {
                return data.path(name).asText();
            }
        }
        return null;
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void onlyWebhooksAndCiCallsAreExposedThroughAnIngress(Overlay overlay) {
        List<JsonNode> ingresses = overlay.render().ofKind("Ingress").toList();
        List<String> paths = new ArrayList<>();
        for (JsonNode ingress : ingresses) {
            assertThat(ingress.path("spec").has("defaultBackend")).isFalse();
            ingress.path("spec")
                    .path("rules")
                    .forEach(rule -> rule.path("http")
                            .path("paths")
                            .forEach(path -> paths.add(path.path("backend")
                                            .path("service")
                                            .path("name")
                                            .asText() + " "
                                    + path.path("pathType").asText() + " "
                                    + path.path("path").asText())));
        }

        assertThat(ingresses).hasSize(2);
        assertThat(paths)
                .as("git-watcher's Git webhooks; the image-updater's registry notifications and CI calls; never"
                        + " /api/images, the artifacts or /q")
                .containsExactlyInAnyOrder(
                        "git-watcher Prefix /webhooks/",
                        "image-updater Prefix /api/registry-webhooks/",
                        "image-updater Exact /api/promotions",
                        "image-updater Exact /api/drift-exports");
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void gitLabsTokenHasItsOwnKeyBesideTheSharedAndEachReceiversWebhookSecret(Overlay overlay) {
        Map<String, String> keys = new TreeMap<>();
        deployment(overlay, PlumblineService.GIT_WATCHER)
                .getSpec()
                .getTemplate()
                .getSpec()
                .getContainers()
                .get(0)
                .getEnv()
                .stream()
                .filter(env -> env.getValueFrom() != null && env.getValueFrom().getSecretKeyRef() != null)
                .filter(env -> env.getValueFrom().getSecretKeyRef().getName().equals("plumbline-webhook"))
                .forEach(env -> {
                    assertThat(env.getValueFrom().getSecretKeyRef().getOptional())
                            .as(env.getName() + ": every key may be left out")
                            .isTrue();
                    keys.put(env.getName(), env.getValueFrom().getSecretKeyRef().getKey());
                });

        assertThat(keys)
                .containsEntry("PLUMBLINE_WEBHOOK_SECRET", "secret")
                .containsEntry("PLUMBLINE_WEBHOOK_GITLAB_TOKEN", "gitlab-token")
                .containsEntry("PLUMBLINE_WEBHOOK_GITHUB_SECRET", "github-secret")
                .hasSize(7);
        assertThat(keys.values())
                .allMatch(key -> Repo.read("docs/deploy.md").contains("`" + key + "`"), "named in docs/deploy.md");
    }

    static Deployment deployment(Overlay overlay, PlumblineService service) {
        return overlay.render().typed("Deployment", service.id(), Deployment.class);
    }

    static Container only(List<Container> containers, PlumblineService service) {
        assertThat(containers).as(service + "'s containers").hasSize(1);
        assertThat(containers.get(0).getName()).isEqualTo(service.id());
        return containers.get(0);
    }
}
