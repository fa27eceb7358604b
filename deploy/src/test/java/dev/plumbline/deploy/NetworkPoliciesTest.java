package dev.plumbline.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What may reach whom: the renderer reaches only artifacts; from outside, only webhooks come in. */
class NetworkPoliciesTest {

    private static final Set<Integer> DNS = Set.of(53);
    private static final Set<Integer> KAFKA = Set.of(9093);
    private static final Map<String, String> MONITORING = Map.of("plumbline.dev/monitoring", "true");
    private static final Map<String, String> INGRESS_CONTROLLER = Map.of("plumbline.dev/ingress", "true");
    /** The namespace of in-cluster CI and registries, which call the image-updater directly. */
    private static final Map<String, String> CI = Map.of("plumbline.dev/ci", "true");

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void everythingIsDeniedUnlessAPolicyAllowsIt(Overlay overlay) {
        NetworkPolicy deny = overlay.render().typed("NetworkPolicy", "default-deny", NetworkPolicy.class);

        assertThat(deny.getSpec().getPodSelector().getMatchLabels()).isNullOrEmpty();
        assertThat(deny.getSpec().getPodSelector().getMatchExpressions()).isNullOrEmpty();
        assertThat(deny.getSpec().getPolicyTypes()).containsExactlyInAnyOrder("Ingress", "Egress");
        assertThat(deny.getSpec().getIngress()).isEmpty();
        assertThat(deny.getSpec().getEgress()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void theRendererReachesGitWatchersArtifactsAndOtherwiseOnlyDnsAndKafka(Overlay overlay) {
        List<NetworkPolicyEgressRule> egress = policiesFor(overlay, PlumblineService.RENDERER).stream()
                .flatMap(policy -> policy.getSpec().getEgress().stream())
                .toList();

        assertThat(egress).isNotEmpty().allSatisfy(rule -> {
            Set<Integer> ports = ports(rule.getPorts());
            boolean toGitWatcherArtifacts = ports.equals(Set.of(PlumblineService.GIT_WATCHER.port()))
                    && !rule.getTo().isEmpty()
                    && rule.getTo().stream().allMatch(peer -> selectsPodsOf(peer, PlumblineService.GIT_WATCHER));
            assertThat(toGitWatcherArtifacts
                            || DNS.containsAll(ports) && !ports.isEmpty()
                            || KAFKA.containsAll(ports) && !ports.isEmpty())
                    .as("the renderer may go to git-watcher's artifacts, DNS or Kafka, not %s", rule)
                    .isTrue();
        });
        assertThat(egress)
                .anySatisfy(rule ->
                        assertThat(rule.getTo()).anyMatch(peer -> selectsPodsOf(peer, PlumblineService.GIT_WATCHER)));
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void onlyGitWatcherAndTheImageUpdaterTakeTrafficFromOutsideAndTheRestOnlyFromMonitoring(Overlay overlay) {
        for (PlumblineService service : PlumblineService.values()) {
            List<NetworkPolicyIngressRule> ingress = policiesFor(overlay, service).stream()
                    .filter(policy -> policy.getSpec().getIngress() != null)
                    .flatMap(policy -> policy.getSpec().getIngress().stream())
                    .toList();

            assertThat(ingress)
                    .as("%s: %s's ingress", overlay, service)
                    .isNotEmpty()
                    .allSatisfy(rule -> {
                        assertThat(rule.getFrom())
                                .as("a rule with no 'from' admits everyone")
                                .isNotEmpty();
                        assertThat(rule.getPorts())
                                .as("a rule with no ports admits every port")
                                .isNotEmpty();
                        assertThat(rule.getPorts())
                                .allSatisfy(port -> assertThat(port.getPort())
                                        .satisfiesAnyOf(
                                                value -> assertThat(value.getStrVal())
                                                        .isEqualTo("http"),
                                                value -> assertThat(value.getIntVal())
                                                        .isEqualTo(service.port())));
                        for (NetworkPolicyPeer peer : rule.getFrom()) {
                            boolean monitoring =
                                    namespaceLabels(peer).equals(MONITORING) && peer.getPodSelector() == null;
                            boolean ingressController =
                                    namespaceLabels(peer).equals(INGRESS_CONTROLLER) && peer.getPodSelector() == null;
                            boolean renderer = peer.getNamespaceSelector() == null
                                    && peer.getIpBlock() == null
                                    && selectsPodsOf(peer, PlumblineService.RENDERER);
                            boolean ci = namespaceLabels(peer).equals(CI) && peer.getPodSelector() == null;
                            if (service == PlumblineService.GIT_WATCHER) {
                                assertThat(monitoring || ingressController || renderer)
                                        .as("%s may come in", peer)
                                        .isTrue();
                            } else if (service == PlumblineService.IMAGE_UPDATER) {
                                assertThat(monitoring || ingressController || ci)
                                        .as("%s may come into the image-updater", peer)
                                        .isTrue();
                            } else {
                                assertThat(monitoring)
                                        .as("%s may come into %s", peer, service)
                                        .isTrue();
                            }
                        }
                    });
        }
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void everyServiceMayResolveNamesAndReachKafka(Overlay overlay) {
        for (PlumblineService service : PlumblineService.values()) {
            Set<Integer> ports = policiesFor(overlay, service).stream()
                    .flatMap(policy -> policy.getSpec().getEgress().stream())
                    .flatMap(rule -> ports(rule.getPorts()).stream())
                    .collect(Collectors.toSet());
            assertThat(ports).as("%s: %s's egress ports", overlay, service).contains(53, 9093);
        }
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void kafkasPortLeadsOnlyToTheBrokersNeverToAnyAddress(Overlay overlay) {
        Map<String, String> brokersNamespace = overlay == Overlay.STRIMZI
                ? Map.of("kubernetes.io/metadata.name", "plumbline-kafka")
                : Map.of("plumbline.dev/kafka", "true");
        for (PlumblineService service : PlumblineService.values()) {
            List<NetworkPolicyEgressRule> toKafka = policiesFor(overlay, service).stream()
                    .flatMap(policy -> policy.getSpec().getEgress().stream())
                    .filter(rule -> ports(rule.getPorts()).stream().anyMatch(KAFKA::contains))
                    .toList();

            assertThat(toKafka)
                    .as("%s: %s", overlay, service)
                    .isNotEmpty()
                    .allSatisfy(rule -> assertThat(rule.getTo())
                            .as("a rule with no 'to' reaches every address")
                            .isNotEmpty()
                            .allSatisfy(peer -> {
                                assertThat(peer.getIpBlock()).isNull();
                                assertThat(namespaceLabels(peer)).isEqualTo(brokersNamespace);
                                if (overlay == Overlay.STRIMZI) {
                                    assertThat(peer.getPodSelector().getMatchLabels())
                                            .containsEntry("strimzi.io/cluster", "plumbline");
                                }
                            }));
        }
    }

    /** The policies that select the pods of a service. */
    static List<NetworkPolicy> policiesFor(Overlay overlay, PlumblineService service) {
        Map<String, String> podLabels = OverlaysTest.deployment(overlay, service)
                .getSpec()
                .getTemplate()
                .getMetadata()
                .getLabels();
        return overlay.render().typed("NetworkPolicy", NetworkPolicy.class).stream()
                .filter(policy -> {
                    assertThat(policy.getSpec().getPodSelector().getMatchExpressions())
                            .isNullOrEmpty();
                    Map<String, String> wanted =
                            policy.getSpec().getPodSelector().getMatchLabels();
                    return wanted == null || podLabels.entrySet().containsAll(wanted.entrySet());
                })
                .toList();
    }

    private static boolean selectsPodsOf(NetworkPolicyPeer peer, PlumblineService service) {
        return peer.getPodSelector() != null
                && peer.getIpBlock() == null
                && Map.of("app.kubernetes.io/name", service.id())
                        .equals(peer.getPodSelector().getMatchLabels());
    }

    private static Map<String, String> namespaceLabels(NetworkPolicyPeer peer) {
        return peer.getNamespaceSelector() == null
                        || peer.getNamespaceSelector().getMatchLabels() == null
                ? Map.of()
                : peer.getNamespaceSelector().getMatchLabels();
    }

    private static Set<Integer> ports(List<NetworkPolicyPort> ports) {
        return ports.stream()
                .map(NetworkPolicyPort::getPort)
                .map(IntOrString::getIntVal)
                .collect(Collectors.toSet());
    }
}
