package dev.plumbline.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plumbline.events.topic.BusAccess;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.KeyToPath;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.SecretVolumeSource;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every service reaches Kafka as its own principal over TLS, and holds its own signing key and no other: what a
 * stolen pod's credentials allow is one row of BusAccess and one service's signature.
 */
class KafkaCredentialsTest {

    private static final String PUBLIC_KEYS = "plumbline-signing-public-keys";
    static final Set<PlumblineService> SIGNERS =
            Set.of(PlumblineService.GIT_WATCHER, PlumblineService.RENDERER, PlumblineService.DRIFT_AUDITOR);
    /** Whose signed events each service accepts: the renderer commit events, the reconciler desired state... */
    static final Map<PlumblineService, Set<String>> TRUSTS = Map.of(
            PlumblineService.GIT_WATCHER, Set.of(),
            PlumblineService.RENDERER, Set.of("PLUMBLINE_TRUST_GIT_WATCHER_KEYS"),
            PlumblineService.RECONCILER,
                    Set.of(
                            "PLUMBLINE_TRUST_GIT_WATCHER_KEYS",
                            "PLUMBLINE_TRUST_RENDERER_KEYS",
                            "PLUMBLINE_TRUST_DRIFT_AUDITOR_KEYS"),
            PlumblineService.DRIFT_AUDITOR,
                    Set.of(
                            "PLUMBLINE_TRUST_RENDERER_KEYS",
                            "PLUMBLINE_TRUST_GIT_WATCHER_KEYS",
                            "PLUMBLINE_TRUST_DRIFT_AUDITOR_KEYS"),
            PlumblineService.NOTIFIER, Set.of(),
            PlumblineService.IMAGE_UPDATER, Set.of());

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void everyServiceAuthenticatesAsItsOwnScramUserAndTrustsTheBrokersCa(Overlay overlay) {
        Map<String, String> settings = overlay.render()
                .typed("ConfigMap", "plumbline-kafka", ConfigMap.class)
                .getData();
        assertThat(settings)
                .containsEntry("KAFKA_SECURITY_PROTOCOL", "SASL_SSL")
                .containsEntry("KAFKA_SASL_MECHANISM", "SCRAM-SHA-512")
                .containsEntry("KAFKA_SSL_TRUSTSTORE_TYPE", "PEM")
                .doesNotContainKey("KAFKA_SASL_JAAS_CONFIG");
        String caSecret = overlay == Overlay.STRIMZI ? "plumbline-cluster-ca-cert" : "plumbline-kafka-ca";

        for (PlumblineService service : PlumblineService.values()) {
            PodSpec pod = pod(overlay, service);
            Container container = OverlaysTest.only(pod.getContainers(), service);

            assertThat(BusAccess.users()).as("a principal of BusAccess").contains(service.id());
            assertThat(kafkaSecret(overlay, service)).as(service.id()).isEqualTo("plumbline-kafka-" + service.id());
            assertThat(secretsReferencedByEnvironment(container))
                    .as("%s reads no other service's Kafka credentials", service)
                    .filteredOn(name -> name.startsWith("plumbline-kafka-"))
                    .containsOnly("plumbline-kafka-" + service.id());
            assertThat(fileIn(pod, container, settings.get("KAFKA_SSL_TRUSTSTORE_LOCATION")))
                    .as("%s's truststore", service)
                    .isEqualTo(caSecret + "/ca.crt");
        }
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void onlyTheSigningServicesHoldAPrivateKeyEachItsOwnAndTheOthersTrustOnlyPublicKeys(Overlay overlay) {
        for (PlumblineService service : PlumblineService.values()) {
            PodSpec pod = pod(overlay, service);
            Container container = OverlaysTest.only(pod.getContainers(), service);
            Set<String> signingSecrets = new TreeSet<>();
            pod.getVolumes().stream()
                    .filter(volume -> volume.getSecret() != null)
                    .map(volume -> volume.getSecret().getSecretName())
                    .filter(name -> name.startsWith("plumbline-signing-") && !name.equals(PUBLIC_KEYS))
                    .forEach(signingSecrets::add);

            if (SIGNERS.contains(service)) {
                assertThat(signingSecrets).as(service.id()).containsExactly("plumbline-signing-" + service.id());
                assertThat(fileIn(pod, container, env(container, "PLUMBLINE_SIGNING_KEY_FILE")))
                        .as("%s's signing key", service)
                        .isEqualTo("plumbline-signing-" + service.id() + "/key.pem");
            } else {
                assertThat(signingSecrets).as("%s signs nothing", service).isEmpty();
                assertThat(env(container, "PLUMBLINE_SIGNING_KEY_FILE"))
                        .as(service.id())
                        .isNull();
            }

            List<String> trustSettings = container.getEnv().stream()
                    .map(EnvVar::getName)
                    .filter(name -> name.startsWith("PLUMBLINE_TRUST_"))
                    .toList();
            assertThat(trustSettings).as(service.id()).containsExactlyInAnyOrderElementsOf(TRUSTS.get(service));
            for (String setting : trustSettings) {
                for (String file : env(container, setting).split(",")) {
                    assertThat(fileIn(pod, container, file))
                            .as("%s: %s", service, setting)
                            .startsWith(PUBLIC_KEYS + "/")
                            .endsWith(".pub");
                }
            }
        }
    }

    /** The Secret a service's KAFKA_SASL_JAAS_CONFIG comes from; its key is the one Strimzi writes. */
    static String kafkaSecret(Overlay overlay, PlumblineService service) {
        EnvVar jaas = OverlaysTest.only(pod(overlay, service).getContainers(), service).getEnv().stream()
                .filter(env -> env.getName().equals("KAFKA_SASL_JAAS_CONFIG"))
                .findFirst()
                .orElseThrow(() -> new AssertionError(service + " has no KAFKA_SASL_JAAS_CONFIG"));
        assertThat(jaas.getValue())
                .as("%s: never a value in the manifests", service)
                .isNull();
        assertThat(jaas.getValueFrom().getSecretKeyRef().getKey()).isEqualTo("sasl.jaas.config");
        assertThat(jaas.getValueFrom().getSecretKeyRef().getOptional())
                .as("%s may not start without credentials", service)
                .isNotEqualTo(Boolean.TRUE);
        return jaas.getValueFrom().getSecretKeyRef().getName();
    }

    private static PodSpec pod(Overlay overlay, PlumblineService service) {
        return OverlaysTest.deployment(overlay, service).getSpec().getTemplate().getSpec();
    }

    private static String env(Container container, String name) {
        return container.getEnv().stream()
                .filter(env -> env.getName().equals(name))
                .map(EnvVar::getValue)
                .findFirst()
                .orElse(null);
    }

    private static List<String> secretsReferencedByEnvironment(Container container) {
        List<String> names = new ArrayList<>();
        container.getEnv().stream()
                .filter(env -> env.getValueFrom() != null && env.getValueFrom().getSecretKeyRef() != null)
                .forEach(env -> names.add(env.getValueFrom().getSecretKeyRef().getName()));
        return names;
    }

    /** Which Secret and key a file the container reads comes from, as {@code secret/key}. */
    private static String fileIn(PodSpec pod, Container container, String path) {
        assertThat(path).as("a file the container reads").isNotNull();
        VolumeMount mount = container.getVolumeMounts().stream()
                .filter(candidate -> path.startsWith(candidate.getMountPath() + "/"))
                .findFirst()
                .orElseThrow(() -> new AssertionError(path + " is on no volume of " + container.getName()));
        String file = path.substring(mount.getMountPath().length() + 1);
        Volume volume = pod.getVolumes().stream()
                .filter(candidate -> candidate.getName().equals(mount.getName()))
                .findFirst()
                .orElseThrow();
        SecretVolumeSource secret = volume.getSecret();
        assertThat(secret).as("%s comes from a Secret", path).isNotNull();
        String key = secret.getItems() == null || secret.getItems().isEmpty()
                ? file
                : secret.getItems().stream()
                        .filter(item -> item.getPath().equals(file))
                        .map(KeyToPath::getKey)
                        .findFirst()
                        .orElseThrow(() -> new AssertionError(path + " is no item of " + secret.getSecretName()));
        return secret.getSecretName() + "/" + key;
    }
}
